import type { Role } from '@/gql/graphql';

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
  roles: readonly Role[] | 'all';
  /** The menu group it sits in; pages under /organisation/ default to "Tổ chức", anything else to its own entry. */
  group?: NavGroupKey;
}

/** The header's top-level entries, in order; a group with one visible page shows that page as a plain entry. */
export const NAV_GROUPS = ['home', 'trips', 'results', 'findings', 'organisation'] as const;
export type NavGroupKey = (typeof NAV_GROUPS)[number];

/** The pages each role works in; the API refuses the rest anyway, the menu just does not offer them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', key: 'home', roles: 'all', group: 'home' },
  { path: '/trips/new', key: 'newTrip', roles: ['CADRE', 'DEPARTMENT_HEAD', 'PROVINCE_ADMIN'], group: 'trips' },
  { path: '/trips/mine', key: 'myTrips', roles: ['CADRE', 'DEPARTMENT_HEAD', 'STANDING_BOARD'], group: 'trips' },
  { path: '/approvals', key: 'approvals', roles: ['STANDING_BOARD'], group: 'trips' },
  { path: '/incoming', key: 'incoming', roles: ['HOST_UNIT'], group: 'trips' },
  {
    path: '/feed',
    key: 'feed',
    roles: ['CENTRAL', 'PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'],
    group: 'trips',
  },
  { path: '/department/plan', key: 'departmentPlan', roles: ['DEPARTMENT_HEAD'], group: 'trips' },
  {
    path: '/dashboard',
    key: 'dashboard',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CENTRAL'],
    group: 'results',
  },
  { path: '/central', key: 'central', roles: ['CENTRAL'], group: 'results' },
  { path: '/reports', key: 'reports', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'CENTRAL'], group: 'results' },
  {
    path: '/meetings',
    key: 'meetings',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'],
    group: 'results',
  },
  {
    path: '/inspections',
    key: 'inspections',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'HOST_UNIT'],
    group: 'findings',
  },
  {
    path: '/models',
    key: 'models',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'CENTRAL'],
    group: 'findings',
  },
  {
    path: '/recommendations',
    key: 'recommendations',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'CENTRAL', 'HOST_UNIT'],
    group: 'findings',
  },
  { path: '/feedback', key: 'feedback', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'HOST_UNIT'], group: 'findings' },
  { path: '/organisation/roster', key: 'orgRoster', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
  { path: '/organisation/units', key: 'orgUnits', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
  { path: '/organisation/rules', key: 'orgRules', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
  { path: '/organisation/planning', key: 'orgPlanning', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
  { path: '/organisation/accounts', key: 'orgAccounts', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
  { path: '/organisation/import', key: 'orgImport', roles: ['PROVINCE_ADMIN'], group: 'organisation' },
];

export function navItemsFor(role: Role | undefined): NavItem[] {
  if (!role) return [];
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
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
