import { InMemoryCache, type FieldPolicy } from '@apollo/client';

interface Connection {
  nodes: readonly unknown[];
  pageInfo: unknown;
  totalCount: number;
}

/**
 * A cursor-paged list (`…Connection`): one cache entry per set of arguments but the cursor, so each
 * filter (and page size) keeps a list of its own, and "Xem thêm" (`fetchMore` with `after`) appends
 * the next page to the list it continues. An answer without `after` is the list from its start and
 * replaces it: a refetch of the rows shown (`useRefetchLoaded`) puts them in place.
 */
export function cursorConnection(): FieldPolicy<Connection> {
  return {
    keyArgs: (args) => (args ? Object.keys(args).filter((name) => name !== 'after') : false),
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

/** The API's paged lists, all on the one policy. */
const PAGED_LISTS = [
  'accounts',
  'cadreCompliance',
  'cadres',
  'correctiveActions',
  'goodModels',
  'hostFeedback',
  'inspectionPlans',
  'notifications',
  'recommendations',
  'tripEvents',
  'trips',
  'units',
] as const;

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: Object.fromEntries(PAGED_LISTS.map((field) => [field, cursorConnection()])),
      },
      // `me.can` is asked in parts (the menu, a page's own entries): the parts add up instead of replacing each other.
      ViewerPermissions: { merge: true },
    },
  });
}
