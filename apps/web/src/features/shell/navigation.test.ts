import type { Role } from '@/gql/graphql';
import { activeNavKey, navEntriesFor, navItemsFor, type NavEntry } from './navigation';

/** The menu as a person reads it: plain entries by page, groups with their pages. */
const shape = (entries: NavEntry[]) =>
  entries.map((e) => (e.kind === 'item' ? e.item.key : `${e.key}: ${e.items.map((i) => i.key).join(', ')}`));

const menuOf = (role: Role) => shape(navEntriesFor(navItemsFor(role)));

describe('the grouped header menu', () => {
  it('puts the organisation department’s pages in a few groups', () => {
    const menu = menuOf('PROVINCE_ADMIN');
    expect(menu).toHaveLength(5);
    expect(menu[0]).toBe('home');
    expect(menu[1]).toBe('trips: newTrip, feed');
    expect(menu[2]).toBe('results: dashboard, reports, meetings');
    expect(menu[3]).toBe('findings: inspections, models, recommendations, feedback');
    expect(menu[4]).toMatch(/^organisation: orgRoster, orgUnits, orgRules, orgPlanning, /);
    expect(menu[4]).toContain('orgAccounts');
  });

  it('shows a group with a single page as that page, and leaves empty groups out', () => {
    expect(menuOf('CENTRAL')).toEqual([
      'home',
      'feed',
      'results: dashboard, central, reports',
      'findings: models, recommendations',
    ]);
    expect(menuOf('HOST_UNIT')).toEqual(['home', 'incoming', 'findings: inspections, recommendations, feedback']);
  });

  it('never offers a role a page it may not open', () => {
    for (const role of ['STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'HOST_UNIT', 'CENTRAL'] as const) {
      const keys = navEntriesFor(navItemsFor(role)).flatMap((e) =>
        e.kind === 'item' ? [e.item.key] : e.items.map((i) => i.key),
      );
      expect(keys.filter((k) => k.startsWith('org'))).toEqual([]);
    }
  });

  it('highlights the page the path belongs to', () => {
    const items = navItemsFor('PROVINCE_ADMIN');
    expect(activeNavKey('/organisation/accounts', items)).toBe('orgAccounts');
    expect(activeNavKey('/trips/new', items)).toBe('newTrip');
    expect(activeNavKey('/', items)).toBe('home');
  });
});
