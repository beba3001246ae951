import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useOrgTranslation } from './orgI18n';
import type { CursorPages } from './useCursorPages';

interface CursorPagerProps {
  pages: CursorPages;
  pageSize: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  loading?: boolean;
}

/** "Trang 2/5 · 81 cán bộ" with previous and next buttons a keyboard reaches. */
export function CursorPager({ pages, pageSize, totalCount, hasNextPage, endCursor, loading }: CursorPagerProps) {
  const { t } = useOrgTranslation();
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  if (pageCount <= 1) return null;
  return (
    <nav className="org-pager" aria-label={t('org.pager.label')}>
      <Button icon={<LeftOutlined aria-hidden />} disabled={pages.page <= 1 || loading} onClick={pages.previous}>
        {t('org.pager.previous')}
      </Button>
      <Typography.Text aria-live="polite">{t('org.pager.position', { page: pages.page, pages: pageCount })}</Typography.Text>
      <Space>
        <Button disabled={!hasNextPage || loading} onClick={() => pages.next(endCursor)}>
          {t('org.pager.next')}
          <RightOutlined aria-hidden />
        </Button>
      </Space>
    </nav>
  );
}
