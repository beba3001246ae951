import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TripStateTag } from '@/features/trips';
import { formatDateTime } from '@/shared/format/date';
import { useLiveEvents } from './LiveEvents';

/** "Hoạt động mới": what happened to the province's trips since this page was opened, newest first. */
export function FeedPage() {
  const { t } = useTranslation();
  const { events, enabled } = useLiveEvents();
  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('feed.title')}
        </Typography.Title>
        {enabled && (
          <Tag color="green" className="live-dot">
            {t('feed.live')}
          </Tag>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('feed.intro')}</Typography.Paragraph>
      {events.length === 0 ? (
        <Empty description={enabled ? t('feed.empty') : t('feed.unavailable')} />
      ) : (
        <ol className="feed" aria-live="polite">
          {events.map((event) => (
            <li key={`${event.tripId}:${event.event}:${event.at}`} className="feed__item">
              <div className="feed__text">
                <Link to={`/trips/${event.tripId}`}>
                  {t(`live.event.${event.event}`, { actor: event.actorName, title: event.title })}
                </Link>
                <Typography.Text type="secondary" className="feed__meta">
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {t(`trip.kind.${event.kind}`)} ·{' '}
                  {t('feed.lead', { name: event.cadreName })}
                </Typography.Text>
              </div>
              <TripStateTag state={event.state} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
