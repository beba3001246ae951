import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../shared/errors';
import { millisecondKey, paginate, type Page, type PageArgs } from '../../shared/pagination';
import { publishScoped, type AppPubSub, type NotificationPayload } from '../../shared/pubsub';
import { formatVn } from '../../shared/dates';
import { logger } from '../../shared/logger';
import type { AppDeps } from '../../context';
import { ScopedTransaction, type Viewer } from '../tenancy/tenancy';
import { Notification, NotificationKind, type NotificationParams } from './notification.entity';
import { NotificationErrorCode } from './notification.errors';
import { DAILY_TRIGGERS } from './notifications.triggers';

/** The viewer's inbox, newest first. Row-level security keeps it to their own, in provinces they read. */
export function listNotifications(
  manager: EntityManager,
  viewer: Viewer,
  args: PageArgs & { unreadOnly?: boolean | null },
): Promise<Page<Notification>> {
  const q = manager.createQueryBuilder(Notification, 'n').where('n.user_id = :me', { me: viewer.id });
  if (args.unreadOnly) q.andWhere('n.read_at IS NULL');
  return paginate(q, args, {
    sql: millisecondKey('n.created_at'),
    idSql: 'n.id',
    direction: 'DESC',
    valueOf: (n) => n.createdAt.toISOString(),
    idOf: (n) => n.id,
  });
}

export async function unreadCount(manager: EntityManager, viewer: Viewer): Promise<number> {
  const [row]: Array<{ n: number }> = await manager.query(
    'SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL',
    [viewer.id],
  );
  return row?.n ?? 0;
}

export async function markRead(manager: EntityManager, viewer: Viewer, id: string): Promise<Notification> {
  const found = await manager.findOneBy(Notification, { id, userId: viewer.id });
  if (!found) {
    throw new AppError(ErrorCode.NOT_FOUND, 'Thông báo không tồn tại hoặc không phải của bạn.', {
      field: 'id',
      reason: NotificationErrorCode.NOTIFICATION_NOT_FOUND,
    });
  }
  if (found.readAt) return found;
  await manager.query(
    'UPDATE notification SET read_at = now() WHERE province_id = $1 AND id = $2 AND user_id = $3 AND read_at IS NULL',
    [found.provinceId, found.id, viewer.id],
  );
  return manager.findOneByOrFail(Notification, { provinceId: found.provinceId, id: found.id });
}

/** Marks every unread notification of the viewer read; answers how many were. */
export async function markAllRead(manager: EntityManager, viewer: Viewer): Promise<number> {
  // TypeORM answers an UPDATE with [rows, affected].
  const [, affected]: [unknown[], number] = await manager.query(
    'UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
    [viewer.id],
  );
  return affected;
}

/** Sends a new notification live to its recipient (the subscription keeps only the subscriber's own). */
export function publishNotification(pubsub: AppPubSub, notification: NotificationPayload): void {
  publishScoped(pubsub, 'NOTIFICATION_ADDED', notification.provinceId, notification);
}

export function fromPayload(payload: NotificationPayload): Notification {
  return Object.assign(new Notification(), {
    provinceId: payload.provinceId,
    id: payload.id,
    userId: payload.userId,
    kind: payload.kind as NotificationKind,
    subjectId: payload.subjectId,
    params: payload.params,
    createdAt: new Date(payload.createdAt),
    readAt: null,
  });
}

/**
 * The daily reminders for `deps.clock.today()` (the Vietnamese day), over every province, in one
 * transaction of the system's scope; each is created once per object and period, however often and on
 * however many instances this runs. New ones are sent live once committed. Answers how many of each kind.
 */
export async function runDailyReminders(
  deps: Pick<AppDeps, 'dataSource' | 'provinces' | 'pubsub' | 'clock'>,
): Promise<Partial<Record<NotificationKind, number>>> {
  const today = deps.clock.today();
  const tx = await ScopedTransaction.openSystem(
    deps.dataSource,
    deps.provinces.all.map((p) => p.id),
  );
  const counts: Partial<Record<NotificationKind, number>> = {};
  try {
    for (const trigger of DAILY_TRIGGERS) {
      for (const created of await trigger(tx.manager, today)) {
        const kind = created.kind as NotificationKind;
        counts[kind] = (counts[kind] ?? 0) + 1;
        tx.afterCommit(() => publishNotification(deps.pubsub, created));
      }
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback();
    throw error;
  }
  logger.info({ today, counts }, 'Daily reminders created');
  return counts;
}

const quoted = (title: string | undefined): string => `"${title ?? ''}"`;
const dated = (date: string | undefined): string => (date ? formatVn(date) : '');

/** The notification in a Vietnamese sentence, for clients that do not word it themselves. */
export function messageOf(kind: NotificationKind, p: NotificationParams): string {
  switch (kind) {
    case NotificationKind.REPORT_DUE_SOON:
      return p.days === 0
        ? `Báo cáo chuyến đi ${quoted(p.tripTitle)} đến hạn hôm nay (${dated(p.dueOn)}).`
        : `Báo cáo chuyến đi ${quoted(p.tripTitle)} đến hạn ngày ${dated(p.dueOn)}, còn ${p.days ?? 0} ngày.`;
    case NotificationKind.REPORT_OVERDUE:
      return `Báo cáo chuyến đi ${quoted(p.tripTitle)}${p.cadreName ? ` của ${p.cadreName}` : ''} đã quá hạn ${p.days ?? 0} ngày (hạn ${dated(p.dueOn)}).`;
    case NotificationKind.PENDING_PAST_START:
      return `Chuyến đi ${quoted(p.tripTitle)}${p.cadreName ? ` của ${p.cadreName}` : ''} đã quá ngày đi ${dated(p.startDate)} mà chưa được duyệt.`;
    case NotificationKind.REGISTRATION_WAITING:
      return `Đăng ký chuyến đi ${quoted(p.tripTitle)}${p.cadreName ? ` của ${p.cadreName}` : ''} đã chờ duyệt ${p.days ?? 0} ngày.`;
    case NotificationKind.DELEGATION_ARRIVING:
      return `Đoàn công tác ${quoted(p.tripTitle)} sẽ đến đơn vị ngày ${dated(p.startDate)}, còn ${p.days ?? 0} ngày.`;
    case NotificationKind.TRIP_RETURNED:
      return `Chuyến đi ${quoted(p.tripTitle)} bị trả lại để bổ sung${p.reason ? `: ${p.reason}` : '.'}`;
    case NotificationKind.TRIP_REJECTED:
      return `Chuyến đi ${quoted(p.tripTitle)} không được duyệt${p.reason ? `: ${p.reason}` : '.'}`;
  }
}
