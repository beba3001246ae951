import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PagedList } from './usePagedList';

/** "Đang hiện 20/45" under a list, and "Xem thêm" while the server has more. */
export function LoadMore({ list }: { list: PagedList<unknown> }) {
  const { t } = useTranslation();
  if (list.totalCount === 0) return null;
  return (
    <div className="load-more">
      <Typography.Text type="secondary" aria-live="polite">
        {t('common.shown', { shown: list.nodes.length, total: list.totalCount })}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={list.loadMore} loading={list.loadingMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
