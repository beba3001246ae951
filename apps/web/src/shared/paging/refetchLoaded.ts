import type { ObservableQuery } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { Button, Typography } from 'antd';
import { useFindingsTranslation } from './findingsI18n';

interface Connection {
  nodes: readonly unknown[];
}

/** A `fetchMore` merge: the next page's nodes after the ones already shown. */
export function appendNodes<Data, Key extends keyof Data>(key: Key) {
  return (previous: Data, { fetchMoreResult }: { fetchMoreResult: Data }): Data => {
    const before = previous[key] as Connection;
    const after = fetchMoreResult[key] as Connection;
    return { ...fetchMoreResult, [key]: { ...after, nodes: [...before.nodes, ...after.nodes] } };
  };
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
export function useRefetchLoaded(queryNames: readonly string[]): () => void {
  const client = useApolloClient();
  return () =>
    void client.refetchQueries({
      include: 'active',
      onQueryUpdated: (query) => queryNames.includes(query.queryName ?? '') && refetchShown(query),
    });
}

interface LoadMoreProps {
  shown: number;
  total: number;
  hasNextPage: boolean;
  loading?: boolean;
  onLoadMore: () => void;
}

/** "Đang hiện 20/45" and "Xem thêm" while the server has more. */
export function LoadMore({ shown, total, hasNextPage, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useFindingsTranslation();
  if (total === 0) return null;
  return (
    <div className="findings-more">
      <Typography.Text type="secondary" aria-live="polite">
        {t('findings.common.shown', { shown, total })}
      </Typography.Text>
      {hasNextPage && (
        <Button onClick={onLoadMore} loading={loading}>
          {t('findings.common.loadMore')}
        </Button>
      )}
    </div>
  );
}
