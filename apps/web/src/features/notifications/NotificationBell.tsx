import { BellOutlined } from '@ant-design/icons';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useRefetchLoaded } from '@/shared/paging/refetchLoaded';
import { NotificationAddedSubscription, UnreadNotificationCountQuery } from './notifications.operations';
import { shiftUnreadCount } from './useMarkRead';
import './notifications.css';

/**
 * The bell in the header: a link to the inbox, named with the unread count for screen readers
 * ("Thông báo, 3 chưa đọc"). Each notification the API makes for the viewer arrives over the
 * WebSocket and adds one at once, and the inbox on screen fetches again. After a dropped connection
 * the client refetches every query on screen (`LiveConnection`), this count among them, so what
 * arrived meanwhile is counted too.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data } = useQuery(UnreadNotificationCountQuery);
  const refetchInbox = useRefetchLoaded(['Notifications']);
  useSubscription(NotificationAddedSubscription, {
    onData: ({ client, data: event }) => {
      if (!event.data?.notificationAdded) return;
      shiftUnreadCount(client.cache, (count) => count + 1);
      void refetchInbox();
    },
  });
  const unread = data?.unreadNotificationCount ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={label}
      title={label}
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      data-unread={unread}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined aria-hidden className="notification-bell__icon" />
      </Badge>
    </Link>
  );
}
