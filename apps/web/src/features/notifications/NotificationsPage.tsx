import { CheckOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Skeleton, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getFragmentData, type FragmentType } from '@/gql';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateTime } from '@/shared/format/date';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { notificationMessage } from './notificationMessage';
import { NotificationItem_notification, NotificationsQuery, UnreadNotificationCountQuery } from './notifications.operations';
import { useMarkAllRead, useMarkRead } from './useMarkRead';
import './notifications.css';

const PAGE_SIZE = 20;

/** The viewer's inbox, newest first: each notification links to its trip and is read once opened. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { data, loading, error, list } = usePagedList(NotificationsQuery, (d) => d.notifications, {
    variables: { first: PAGE_SIZE, unreadOnly },
  });
  const { data: countData } = useQuery(UnreadNotificationCountQuery);
  const unread = countData?.unreadNotificationCount ?? 0;
  const [markAll, { loading: marking }] = useMarkAllRead();
  const markRead = useMarkRead();
  const connection = data?.notifications;

  const onMarkAll = async () => {
    const { data: answer } = await markAll();
    if (answer) void message.success(t('notifications.markedAll', { count: answer.markAllNotificationsRead }));
  };

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('notifications.title')}
        </Typography.Title>
        <Button icon={<CheckOutlined aria-hidden />} onClick={() => void onMarkAll()} loading={marking} disabled={unread === 0}>
          {t('notifications.markAll')}
        </Button>
      </div>
      <div className="notification-filter">
        <label>
          <Switch
            checked={unreadOnly}
            onChange={(checked) => setParams(checked ? { unread: '1' } : {}, { replace: true })}
            size="small"
          />{' '}
          {t('notifications.unreadOnly')}
        </label>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {loading && !connection ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('notifications.count', { count: connection.totalCount })}
          </Typography.Paragraph>
          <ul className="notification-list" aria-label={t('notifications.title')}>
            {connection.nodes.map((node) => (
              <NotificationRow key={node.id} notification={node} onOpen={(id) => void markRead(id)} />
            ))}
          </ul>
          <LoadMore list={list} />
        </>
      )}
    </Card>
  );
}

interface NotificationRowProps {
  notification: FragmentType<typeof NotificationItem_notification>;
  /** Called when the user follows an unread notification's link. */
  onOpen: (id: string) => void;
}

function NotificationRow({ notification, onOpen }: NotificationRowProps) {
  const { t } = useTranslation();
  const n = getFragmentData(NotificationItem_notification, notification);
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'notification-list__item notification-list__item--unread' : 'notification-list__item'}>
      <div className="notification-list__body">
        <Link
          to={n.link}
          className="notification-list__link"
          onClick={() => {
            if (unread) onOpen(n.id);
          }}
        >
          {notificationMessage(t, n)}
        </Link>
        <div className="notification-list__meta">
          {unread && <Tag color="blue">{t('notifications.unread')}</Tag>}
          <Tag>{t(`notifications.kind.${n.kind}`)}</Tag>
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        </div>
      </div>
    </li>
  );
}
