import { Alert, Card, Empty, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '@/gql';
import { CalendarFeedCard } from '@/features/transfer';
import { useViewerCan } from '@/features/shell';
import { TripStateTag } from '@/features/trips';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { nameCollator } from '@/shared/format/collator';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';

/** The API shows a host unit only the confirmed trips coming to it or to a unit below it. */
export const IncomingQuery = graphql(`
  query Incoming($from: LocalDate, $to: LocalDate, $first: Int! = 50, $after: String) {
    trips(filter: { from: $from, to: $to }, first: $first, after: $after, orderBy: { field: START_DATE, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        state
        kind
        title
        purpose
        startDate
        endDate
        viewerCanGiveFeedback
        delegation {
          id
          startDate
          endDate
        }
        lead {
          id
          fullName
          position
        }
        members {
          id
          fullName
        }
        department {
          id
          name
        }
        destinations {
          id
          name
        }
      }
    }
  }
`);

type Period = 'upcoming' | 'past';

export function IncomingPage() {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const [period, setPeriod] = useState<Period>('upcoming');
  const [today] = useState(todayLocalDate);
  const allowed = !!can?.seeIncoming;
  const variables = period === 'upcoming' ? { from: today, to: null } : { from: null, to: today };
  const { data, loading, error, list } = usePagedList(IncomingQuery, (d) => d.trips, { variables, skip: !allowed });

  if (can && !allowed) return <Result status="403" title={t('incoming.forbidden')} />;
  const nodes = data?.trips.nodes ?? [];
  const trips = period === 'past' ? [...nodes].reverse() : nodes;
  const byDate = new Map<string, typeof trips>();
  for (const trip of trips) byDate.set(trip.startDate, [...(byDate.get(trip.startDate) ?? []), trip]);

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('incoming.title')}
        </Typography.Title>
        <Segmented<Period>
          aria-label={t('incoming.period')}
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'upcoming', label: t('incoming.upcoming') },
            { value: 'past', label: t('incoming.past') },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('incoming.intro')}</Typography.Paragraph>
      {allowed && (
        <div style={{ marginBottom: 16 }}>
          <CalendarFeedCard owner="UNIT" />
        </div>
      )}
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : trips.length === 0 ? (
        <Empty description={period === 'upcoming' ? t('incoming.emptyUpcoming') : t('incoming.emptyPast')} />
      ) : (
        [...byDate.entries()].map(([date, group]) => (
          <section key={date} className="incoming-day" aria-labelledby={`day-${date}`}>
            <h2 id={`day-${date}`} className="incoming-day__date">
              {formatLocalDate(date)}
            </h2>
            <ul className="trip-list">
              {group.map((trip) => (
                <li key={trip.id}>
                  <Card size="small" className="trip-card">
                    <div className="trip-card__tags">
                      <TripStateTag state={trip.state} /> <Tag>{t(`trip.kind.${trip.kind}`)}</Tag>
                      {trip.delegation && <Tag color="geekblue">{t('trip.merged')}</Tag>}
                    </div>
                    <Typography.Title level={3} className="trip-card__title">
                      <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
                    </Typography.Title>
                    <Typography.Text type="secondary" className="trip-card__meta">
                      {formatDateRange(trip.startDate, trip.endDate)} · {trip.destinations.map((d) => d.name).join(', ')}
                    </Typography.Text>
                    <div className="incoming-people">
                      {t('incoming.lead', { name: trip.lead.fullName, position: trip.lead.position || '—' })}
                      {trip.department && <> · {trip.department.name}</>}
                      <br />
                      {t('incoming.members', {
                        count: trip.members.length,
                        names: trip.members
                          .map((m) => m.fullName)
                          .sort(nameCollator.compare)
                          .join(', '),
                      })}
                    </div>
                    {trip.purpose && <Typography.Paragraph className="incoming-purpose">{trip.purpose}</Typography.Paragraph>}
                    {period === 'past' && trip.viewerCanGiveFeedback && (
                      <Link to={`/feedback?trip=${trip.id}`} className="incoming-feedback">
                        {t('findings.feedback.give')}
                      </Link>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <LoadMore list={list} />
    </Card>
  );
}
