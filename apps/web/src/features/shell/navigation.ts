import type { AppHeader_ViewerFragment } from '@/gql/graphql';

/** What the menu reads of `me.can`. */
export type NavPermissions = NonNullable<AppHeader_ViewerFragment['can']>;

export interface NavItem {
  path: string;
  key:
    | 'home'
    | 'newTrip'
    | 'myTrips'
    | 'approvals'
    | 'incoming'
    | 'dashboard'
    | 'central'
    | 'provinces'
    | 'feed'
    | 'departmentPlan'
    | 'orgRoster'
    | 'orgUnits'
    | 'orgRules'
    | 'orgPlanning'
    | 'orgImport'
    | 'orgAccounts'
    | 'reports'
    | 'inspections'
    | 'meetings'
    | 'models'
    | 'recommendations'
    | 'feedback';
  /** The entry of `me.can` that opens the page (the API's own answer); null: every signed-in user. */
  can: Exclude<keyof NavPermissions, '__typename'> | null;
  /** The menu group it sits in; pages under /organisation/ default to "Tổ chức", anything else to its own entry. */
  group?: NavGroupKey;
}

/** The header's top-level entries, in order; a group with one visible page shows that page as a plain entry. */
export const NAV_GROUPS = ['home', 'trips', 'results', 'findings', 'organisation'] as const;
export type NavGroupKey = (typeof NAV_GROUPS)[number];

/** The pages of the app; each is offered exactly when the API says the viewer may use it (`me.can`). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', key: 'home', can: null, group: 'home' },
  { path: '/trips/new', key: 'newTrip', can: 'registerTrip', group: 'trips' },
  { path: '/trips/mine', key: 'myTrips', can: 'seeOwnTrips', group: 'trips' },
  { path: '/approvals', key: 'approvals', can: 'decideTrips', group: 'trips' },
  { path: '/incoming', key: 'incoming', can: 'seeIncoming', group: 'trips' },
  { path: '/feed', key: 'feed', can: 'readFeed', group: 'trips' },
  { path: '/department/plan', key: 'departmentPlan', can: 'submitDepartmentPlan', group: 'trips' },
  { path: '/dashboard', key: 'dashboard', can: 'readDashboard', group: 'results' },
  { path: '/central', key: 'central', can: 'readCentralComparison', group: 'results' },
  { path: '/provinces', key: 'provinces', can: 'readCentralComparison', group: 'results' },
  { path: '/reports', key: 'reports', can: 'readReports', group: 'results' },
  { path: '/meetings', key: 'meetings', can: 'readMeetings', group: 'results' },
  { path: '/inspections', key: 'inspections', can: 'readInspections', group: 'findings' },
  { path: '/models', key: 'models', can: 'readModels', group: 'findings' },
  { path: '/recommendations', key: 'recommendations', can: 'readRecommendations', group: 'findings' },
  { path: '/feedback', key: 'feedback', can: 'readFeedback', group: 'findings' },
  { path: '/organisation/roster', key: 'orgRoster', can: 'manageRoster', group: 'organisation' },
  { path: '/organisation/units', key: 'orgUnits', can: 'manageUnits', group: 'organisation' },
  { path: '/organisation/rules', key: 'orgRules', can: 'editRules', group: 'organisation' },
  { path: '/organisation/planning', key: 'orgPlanning', can: 'managePlanning', group: 'organisation' },
  { path: '/organisation/accounts', key: 'orgAccounts', can: 'manageAccounts', group: 'organisation' },
  { path: '/organisation/import', key: 'orgImport', can: 'importData', group: 'organisation' },
];

export function navItemsFor(can: NavPermissions | null | undefined): NavItem[] {
  if (!can) return [];
  return NAV_ITEMS.filter((item) => item.can === null || can[item.can]);
}
/** The menu entry a path belongs to: the trip detail pages sit under "Chuyến đi của tôi". */
export function activeNavKey(pathname: string, items: readonly NavItem[]): string | undefined {
  if (pathname === '/trips/new') return 'newTrip';
  const match = [...items].filter((i) => i.path !== '/').find((i) => pathname.startsWith(i.path));
  if (match) return match.key;
  if (pathname.startsWith('/trips/')) return items.some((i) => i.key === 'myTrips') ? 'myTrips' : undefined;
  return pathname === '/' ? 'home' : undefined;
}

/** A top-level entry of the menu: one page, or a group of the pages the role may open. */
export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; key: NavGroupKey; items: NavItem[] };

export function groupOf(item: NavItem): NavGroupKey | undefined {
  return item.group ?? (item.path.startsWith('/organisation/') ? 'organisation' : undefined);
}

/**
 * The menu of a role: the groups in order, each with the pages it may open; a group with one page
 * shows that page as a plain entry, an empty group is left out. Pages of no group follow as plain entries.
 */
export function navEntriesFor(items: readonly NavItem[]): NavEntry[] {
  const grouped: NavEntry[] = NAV_GROUPS.flatMap((key): NavEntry[] => {
    const members = items.filter((item) => groupOf(item) === key);
    if (members.length === 0) return [];
    const [only] = members;
    if (members.length === 1 && only) return [{ kind: 'item', item: only }];
    return [{ kind: 'group', key, items: members }];
  });
  const loose = items.filter((item) => !groupOf(item)).map((item): NavEntry => ({ kind: 'item', item }));
  return [...grouped, ...loose];
}
