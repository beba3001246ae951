import type { DocumentNode, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';

/** A cursor page as the API answers it (`TripConnection`, `CadreConnection`…). */
export interface Connection<Node> {
  nodes: readonly Node[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface PagedList<Node> {
  /** The rows loaded so far, every page the user asked for. */
  nodes: readonly Node[];
  totalCount: number;
  hasNextPage: boolean;
  /** Asks for the page after the last row shown; the cache's merge policy appends it. */
  loadMore: () => void;
  loadingMore: boolean;
}

/**
 * One cursor-paged list: the query's first page, and "Xem thêm" for each next one. The pages join in
 * the cache (`cursorConnection` in `shared/apollo/cache.ts`), so a live update that refetches the rows
 * shown (`useRefetchLoaded`) keeps what the user loaded. The query takes `$after`.
 */
export function usePagedList<TData, TVariables extends OperationVariables, Node>(
  query: TypedDocumentNode<TData, TVariables> | DocumentNode,
  connectionOf: (data: TData) => Connection<Node> | undefined,
  options: useQuery.Options<TData, TVariables>,
) {
  // A list opened again shows what it had at once and asks the server for the rows as they are now:
  // changes made elsewhere meanwhile (a trip decided on another page) appear without a reload.
  const result = useQuery<TData, TVariables>(query, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    ...options,
  } as useQuery.Options<TData, TVariables>);
  // While new filters load, the rows of the previous ones stay on screen.
  const data = result.data ?? result.previousData;
  const connection = data === undefined ? undefined : connectionOf(data);
  const [loadingMore, setLoadingMore] = useState(false);
  const { fetchMore } = result;

  const list: PagedList<Node> = {
    nodes: connection?.nodes ?? [],
    totalCount: connection?.totalCount ?? 0,
    hasNextPage: connection?.pageInfo.hasNextPage ?? false,
    loadingMore,
    loadMore: () => {
      const after = connection?.pageInfo.endCursor;
      if (!after || loadingMore) return;
      setLoadingMore(true);
      void fetchMore({ variables: { after } as unknown as Partial<TVariables> }).finally(() => setLoadingMore(false));
    },
  };
  return { ...result, list };
}
