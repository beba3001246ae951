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
