import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Input, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarOwner } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateTime } from '@/shared/format/date';
import { MyCalendarFeedsQuery } from './transfer.operations';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './transfer.mutations';

/** The full address of a feed path, as a calendar app outside the browser needs it. */
export const feedUrl = (path: string): string => new URL(path, window.location.origin).toString();

/**
 * A private calendar link: a cadre's approved trips, or the delegations coming to a host unit.
 * The link is shown once, when created; creating another retires the old one; revoking ends it.
 */
export function CalendarFeedCard({ owner }: { owner: CalendarOwner }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [fresh, setFresh] = useState<string | null>(null);
  const { data, loading, error } = useQuery(MyCalendarFeedsQuery);
  const [create, creating] = useCreateCalendarFeed();
  const [revoke, revoking] = useRevokeCalendarFeed();
  const feed = data?.myCalendarFeeds.find((f) => f.owner === owner);

  const onCreate = async () => {
    try {
      const result = await create({ variables: { owner } });
      const path = result.data?.createCalendarFeed.path;
      if (path) setFresh(feedUrl(path));
      message.success(t('transfer.calendar.created'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  const onRevoke = async () => {
    if (!feed) return;
    try {
      await revoke({ variables: { id: feed.id } });
      setFresh(null);
      message.success(t('transfer.calendar.revoked'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  const onCopy = async () => {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh);
      message.success(t('transfer.calendar.copied'));
    } catch {
      // Without clipboard access the field stays selectable by hand.
    }
  };

  return (
    <Card
      title={
        <Space>
          <CalendarOutlined />
          {t('transfer.calendar.title')}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(owner === 'UNIT' ? 'transfer.calendar.unitIntro' : 'transfer.calendar.cadreIntro')}
        </Typography.Text>
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
        {loading && !data ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : fresh ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('transfer.calendar.fresh')} />
            <Space.Compact style={{ width: '100%' }}>
              <Input readOnly value={fresh} aria-label={t('transfer.calendar.title')} onFocus={(e) => e.target.select()} />
              <Button icon={<CopyOutlined />} onClick={() => void onCopy()}>
                {t('transfer.calendar.copy')}
              </Button>
            </Space.Compact>
          </Space>
        ) : (
          <Typography.Text>
            {feed
              ? t('transfer.calendar.active', { date: formatDateTime(feed.createdAt).slice(0, 10) })
              : t('transfer.calendar.none')}
          </Typography.Text>
        )}
        <Space wrap>
          {feed ? (
            <Popconfirm title={t('transfer.calendar.recreateConfirm')} onConfirm={() => void onCreate()}>
              <Button loading={creating.loading}>{t('transfer.calendar.recreate')}</Button>
            </Popconfirm>
          ) : (
            <Button type="primary" loading={creating.loading} disabled={loading && !data} onClick={() => void onCreate()}>
              {t('transfer.calendar.create')}
            </Button>
          )}
          {feed && (
            <Popconfirm title={t('transfer.calendar.revokeConfirm')} onConfirm={() => void onRevoke()}>
              <Button danger loading={revoking.loading}>
                {t('transfer.calendar.revoke')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  );
}
