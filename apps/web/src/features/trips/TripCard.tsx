import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatDateRange } from '@/shared/format/date';
import { TripStateTag } from './TripStateTag';

export const TripCard_trip = graphql(`
  fragment TripCard_trip on Trip {
    id
    version
    state
    kind
    title
    startDate
    endDate
    actualStart
    actualEnd
    days
    lateRegistration
    leadCadreId
    departmentId
    viewerCan {
      edit
      submit
      cancel
      complete
      report
      acceptReport
    }
    lead {
      id
      fullName
    }
    destinations {
      id
      name
    }
  }
`);

interface TripCardProps {
  trip: FragmentType<typeof TripCard_trip>;
  action?: ReactNode;
}

/** One trip in a list: what, when, where, and the next step. */
export function TripCard({ trip: tripRef, action }: TripCardProps) {
  const { t } = useTranslation();
  const trip = getFragmentData(TripCard_trip, tripRef);
  const start = trip.actualStart ?? trip.startDate;
  const end = trip.actualEnd ?? trip.endDate;
  return (
    <Card size="small" className="trip-card">
      <div className="trip-card__body">
        <div className="trip-card__main">
          <Space wrap size={6} className="trip-card__tags">
            <TripStateTag state={trip.state} />
            <Tag>{t(`trip.kind.${trip.kind}`)}</Tag>
            {trip.lateRegistration && <Tag color="red">{t('trip.late')}</Tag>}
          </Space>
          <Typography.Title level={2} className="trip-card__title">
            <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
          </Typography.Title>
          <Typography.Text type="secondary" className="trip-card__meta">
            {formatDateRange(start, end)} · {t('trip.daysCount', { count: trip.days })} ·{' '}
            {trip.destinations.map((d) => d.name).join(', ')}
          </Typography.Text>
        </div>
        {action && <div className="trip-card__action">{action}</div>}
      </div>
    </Card>
  );
}
