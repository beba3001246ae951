import { activeNavKey, NAV_ITEMS, navEntriesFor, navItemsFor, type NavEntry, type NavPermissions } from './navigation';

type Entry = Exclude<keyof NavPermissions, '__typename'>;

/** `me.can` as the API answers it: only the listed entries allowed. */
function allowing(...entries: Entry[]): NavPermissions {
  const all = NAV_ITEMS.flatMap((item) => (item.can ? [item.can] : []));
  return Object.fromEntries(all.map((key) => [key, entries.includes(key)])) as NavPermissions;
}

/** What the API answers the organisation department, the standing board, central and a host unit. */
const ADMIN = allowing(
  'registerTrip',
  'readFeed',
  'readDashboard',
  'readReports',
  'readMeetings',
  'readInspections',
  'readModels',
  'readRecommendations',
  'readFeedback',
  'manageRoster',
  'manageUnits',
  'editRules',
  'managePlanning',
  'manageAccounts',
  'importData',
);
const BOARD = allowing(
  'registerTrip',
  'seeOwnTrips',
  'decideTrips',
  'readFeed',
  'readDashboard',
  'readReports',
  'readMeetings',
  'readInspections',
  'readModels',
  'readRecommendations',
  'readFeedback',
);
const CENTRAL = allowing(
  'readFeed',
  'readDashboard',
  'readCentralComparison',
  'readReports',
  'readModels',
  'readRecommendations',
);
const HOST = allowing('seeIncoming', 'readInspections', 'readRecommendations', 'readFeedback');

/** The menu as a person reads it: plain entries by page, groups with their pages. */
const shape = (entries: NavEntry[]) =>
  entries.map((e) => (e.kind === 'item' ? e.item.key : `${e.key}: ${e.items.map((i) => i.key).join(', ')}`));

const menuOf = (can: NavPermissions) => shape(navEntriesFor(navItemsFor(can)));

describe('the grouped header menu', () => {
  it('puts the organisation department’s pages in a few groups', () => {
    const menu = menuOf(ADMIN);
    expect(menu).toHaveLength(5);
    expect(menu[0]).toBe('home');
    expect(menu[1]).toBe('trips: newTrip, feed');
    expect(menu[2]).toBe('results: dashboard, reports, meetings');
    expect(menu[3]).toBe('findings: inspections, models, recommendations, feedback');
    expect(menu[4]).toMatch(/^organisation: orgRoster, orgUnits, orgRules, orgPlanning, /);
    expect(menu[4]).toContain('orgAccounts');
  });

  it('offers the standing board trip registration, which the API allows it', () => {
    expect(menuOf(BOARD)[1]).toBe('trips: newTrip, myTrips, approvals, feed');
  });

  it('shows a group with a single page as that page, and leaves empty groups out', () => {
    expect(menuOf(CENTRAL)).toEqual([
      'home',
      'feed',
      'results: dashboard, central, provinces, reports',
      'findings: models, recommendations',
    ]);
    expect(menuOf(HOST)).toEqual(['home', 'incoming', 'findings: inspections, recommendations, feedback']);
  });

  it('offers each page exactly when its entry of me.can is true', () => {
    for (const item of NAV_ITEMS.filter((i) => i.can !== null)) {
      const keys = navItemsFor(allowing(item.can!)).map((i) => i.key);
      // The central comparison's entry also opens the provinces' list: both pages are the central union's.
      expect(keys).toEqual(['home', ...NAV_ITEMS.filter((i) => i.can === item.can).map((i) => i.key)]);
    }
    expect(navItemsFor(allowing()).map((i) => i.key)).toEqual(['home']);
    expect(navItemsFor(undefined)).toEqual([]);
  });

  it('highlights the page the path belongs to', () => {
    const items = navItemsFor(ADMIN);
    expect(activeNavKey('/organisation/accounts', items)).toBe('orgAccounts');
    expect(activeNavKey('/trips/new', items)).toBe('newTrip');
    expect(activeNavKey('/', items)).toBe('home');
  });
});
