import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { TripEventType } from '@/gql/graphql';
import { formatDateTime } from '@/shared/format/date';

export const TripTimeline_trip = graphql(`
  fragment TripTimeline_trip on Trip {
    timeline {
      id
      event
      actorName
      at
      note
      toState
    }
  }
`);

const EVENT_COLOR: Partial<Record<TripEventType, string>> = {
  APPROVED: 'green',
  REPORT_ACCEPTED: 'green',
  REJECTED: 'red',
  CANCELLED: 'gray',
  RETURNED: 'orange',
};

/** Who did what to the trip, and when, oldest first. */
export function TripTimeline({ trip: tripRef }: { trip: FragmentType<typeof TripTimeline_trip> }) {
  const { t } = useTranslation();
  const { timeline } = getFragmentData(TripTimeline_trip, tripRef);
  const entries = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      className="trip-timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: EVENT_COLOR[entry.event] ?? 'blue',
        content: (
          <div className="trip-timeline__entry">
            <div>
              <strong>{t(`trip.event.${entry.event}`)}</strong> · {entry.actorName}
            </div>
            <Typography.Text type="secondary" className="trip-timeline__at">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </Typography.Text>
            {entry.note && <div className="trip-timeline__note">{entry.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
