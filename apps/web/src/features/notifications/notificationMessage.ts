import type { TFunction } from 'i18next';
import type { NotificationItem_NotificationFragment } from '@/gql/graphql';
import { formatLocalDate } from '@/shared/format/date';

type Fields = Pick<
  NotificationItem_NotificationFragment,
  'kind' | 'tripTitle' | 'dueOn' | 'startDate' | 'days' | 'cadreName' | 'reason'
>;

const date = (value: string | null): string => (value ? formatLocalDate(value) : '');

/**
 * What a notification says, in the app's language, from its kind and fields (the API's `message`
 * is Vietnamese only): "Báo cáo chuyến đi «…» đến hạn ngày 12/03/2026 (còn 3 ngày)."
 */
export function notificationMessage(t: TFunction, n: Fields): string {
  const tripTitle = n.tripTitle ?? '';
  const count = n.days ?? 0;
  const cadreName = n.cadreName ?? '';
  switch (n.kind) {
    case 'REPORT_DUE_SOON':
      return count > 0
        ? t('notifications.message.reportDueSoon', { tripTitle, dueOn: date(n.dueOn), count })
        : t('notifications.message.reportDueToday', { tripTitle, dueOn: date(n.dueOn) });
    case 'REPORT_OVERDUE':
      return cadreName
        ? t('notifications.message.reportOverdueOf', { tripTitle, cadreName, dueOn: date(n.dueOn), count })
        : t('notifications.message.reportOverdue', { tripTitle, dueOn: date(n.dueOn), count });
    case 'PENDING_PAST_START':
      return cadreName
        ? t('notifications.message.pendingPastStartOf', { tripTitle, cadreName, startDate: date(n.startDate) })
        : t('notifications.message.pendingPastStart', { tripTitle, startDate: date(n.startDate) });
    case 'REGISTRATION_WAITING':
      return cadreName
        ? t('notifications.message.registrationWaitingOf', { tripTitle, cadreName, count })
        : t('notifications.message.registrationWaiting', { tripTitle, count });
    case 'DELEGATION_ARRIVING':
      return count > 0
        ? t('notifications.message.delegationArriving', { tripTitle, startDate: date(n.startDate), count })
        : t('notifications.message.delegationArrivingToday', { tripTitle, startDate: date(n.startDate) });
    case 'TRIP_RETURNED':
      return n.reason
        ? t('notifications.message.tripReturnedFor', { tripTitle, reason: n.reason })
        : t('notifications.message.tripReturned', { tripTitle });
    case 'TRIP_REJECTED':
      return n.reason
        ? t('notifications.message.tripRejectedFor', { tripTitle, reason: n.reason })
        : t('notifications.message.tripRejected', { tripTitle });
  }
}
