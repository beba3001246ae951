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
    | 'reports'
    | 'inspections'
    | 'meetings'
    | 'models'
    | 'recommendations'
    | 'feedback';
  roles: readonly Role[] | 'all';
}

/** The pages each role works in; the API refuses the rest anyway, the menu just does not offer them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', key: 'home', roles: 'all' },
  { path: '/trips/new', key: 'newTrip', roles: ['CADRE', 'DEPARTMENT_HEAD', 'PROVINCE_ADMIN'] },
  { path: '/trips/mine', key: 'myTrips', roles: ['CADRE', 'DEPARTMENT_HEAD', 'STANDING_BOARD'] },
  { path: '/approvals', key: 'approvals', roles: ['STANDING_BOARD'] },
  { path: '/incoming', key: 'incoming', roles: ['HOST_UNIT'] },
  { path: '/dashboard', key: 'dashboard', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CENTRAL'] },
  { path: '/central', key: 'central', roles: ['CENTRAL'] },
  { path: '/reports', key: 'reports', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'CENTRAL'] },
  { path: '/department/plan', key: 'departmentPlan', roles: ['DEPARTMENT_HEAD'] },
  { path: '/organisation/roster', key: 'orgRoster', roles: ['PROVINCE_ADMIN'] },
  { path: '/organisation/units', key: 'orgUnits', roles: ['PROVINCE_ADMIN'] },
  { path: '/organisation/rules', key: 'orgRules', roles: ['PROVINCE_ADMIN'] },
  { path: '/organisation/planning', key: 'orgPlanning', roles: ['PROVINCE_ADMIN'] },
  {
    path: '/inspections',
    key: 'inspections',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'HOST_UNIT'],
  },
  { path: '/meetings', key: 'meetings', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'] },
  { path: '/models', key: 'models', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'CENTRAL'] },
  {
    path: '/recommendations',
    key: 'recommendations',
    roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'CENTRAL', 'HOST_UNIT'],
  },
  { path: '/feedback', key: 'feedback', roles: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'HOST_UNIT'] },
  { path: '/feed', key: 'feed', roles: ['CENTRAL', 'PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'] },
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
