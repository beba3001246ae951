import { InMemoryCache } from '@apollo/client';

interface Connection {
  nodes: readonly unknown[];
  pageInfo: unknown;
  totalCount: number;
}

/**
 * Trips and cadre results come in cursor pages: "Xem thêm" appends the next page to the list it continues, and each
 * filter keeps a list of its own.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          trips: {
            keyArgs: ['filter', 'orderBy', 'first'],
            merge(existing: Connection | undefined, incoming: Connection, { args }) {
              if (!existing || !args?.after) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
          cadreCompliance: {
            keyArgs: ['year', 'provinceId', 'filter', 'first'],
            merge(existing: Connection | undefined, incoming: Connection, { args }) {
              if (!existing || !args?.after) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
        },
      },
    },
  });
}
