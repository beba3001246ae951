import type { ObservableQuery } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';

interface Connection {
  nodes: readonly unknown[];
}

/** The API's largest page (`PageArgs.first`, 1–200). */
const MAX_PAGE = 200;

/** The rows loaded so far in a cursor-paged query's data: its connection's nodes. */
function loadedRows(data: unknown): number | undefined {
  if (!data || typeof data !== 'object') return undefined;
  for (const field of Object.values(data) as unknown[]) {
    if (field && typeof field === 'object' && Array.isArray((field as Partial<Connection>).nodes)) {
      return (field as Connection).nodes.length;
    }
  }
  return undefined;
}

/**
 * Fetches a query on screen again. A plain refetch of a paged list asks for its first page only,
 * and that answer replaces the pages the user loaded with "Xem thêm": the list falls back to page
 * one. A paged list (one that takes `$first`) instead asks for as many rows as it shows and puts
 * them in place of the list, so changed rows show their new state, new ones appear where they sort,
 * and "Xem thêm" goes on from the last row shown. Beyond the API's largest page the list is cut
 * back to that page.
 */
function refetchShown(query: ObservableQuery): Promise<unknown> | boolean {
  const pageSize = (query.variables as { first?: unknown }).first;
  const shown = loadedRows(query.getCurrentResult().data);
  if (typeof pageSize !== 'number' || shown === undefined || shown <= pageSize) return true;
  return query.fetchMore({
    variables: { first: Math.min(shown, MAX_PAGE) },
    updateQuery: (_, { fetchMoreResult }) => fetchMoreResult,
  });
}

/**
 * Refetches the named queries on screen, keeping the rows the user loaded; for a change made here
 * (instead of a mutation's `refetchQueries`) or arriving live.
 */
export function useRefetchLoaded(queryNames: readonly string[]): () => Promise<unknown> {
  const client = useApolloClient();
  return () =>
    client.refetchQueries({
      include: 'active',
      onQueryUpdated: (query) => queryNames.includes(query.queryName ?? '') && refetchShown(query),
    });
}
