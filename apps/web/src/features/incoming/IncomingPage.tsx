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
import { uniqueById, visitsOf } from './visits';

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
  // A merged delegation is one visit: one card with every trip and every member.
  const ordered = visitsOf(data?.trips.nodes ?? []);
  const visits = period === 'past' ? ordered.reverse() : ordered;
  const byDate = new Map<string, typeof visits>();
  for (const visit of visits) byDate.set(visit.startDate, [...(byDate.get(visit.startDate) ?? []), visit]);

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
      ) : visits.length === 0 ? (
        <Empty description={period === 'upcoming' ? t('incoming.emptyUpcoming') : t('incoming.emptyPast')} />
      ) : (
        [...byDate.entries()].map(([date, group]) => (
          <section key={date} className="incoming-day" aria-labelledby={`day-${date}`}>
            <h2 id={`day-${date}`} className="incoming-day__date">
              {formatLocalDate(date)}
            </h2>
            <ul className="trip-list">
              {group.map((visit) => {
                const [first] = visit.trips;
                const merged = visit.trips.length > 1;
                const leads = uniqueById(visit.trips.map((trip) => trip.lead)).map(
                  (lead) => `${lead.fullName} (${lead.position || '—'})`,
                );
                const departments = uniqueById(visit.trips.flatMap((trip) => (trip.department ? [trip.department] : [])));
                const members = uniqueById(visit.trips.flatMap((trip) => trip.members))
                  .map((m) => m.fullName)
                  .sort(nameCollator.compare);
                const places = uniqueById(visit.trips.flatMap((trip) => trip.destinations)).map((d) => d.name);
                const feedbackLink = (trip: (typeof visit.trips)[number]) =>
                  period === 'past' &&
                  trip.viewerCanGiveFeedback && (
                    <Link to={`/feedback?trip=${trip.id}`} className="incoming-feedback">
                      {t('findings.feedback.give')}
                    </Link>
                  );
                return (
                  <li key={visit.key}>
                    <Card size="small" className="trip-card incoming-visit">
                      {merged || !first ? (
                        <>
                          <Typography.Title level={3} className="trip-card__title">
                            {t('incoming.delegation', { count: visit.trips.length })}
                          </Typography.Title>
                          <ul className="incoming-visit__trips">
                            {visit.trips.map((trip) => (
                              <li key={trip.id}>
                                <Link to={`/trips/${trip.id}`} className="incoming-visit__trip">
                                  {trip.title}
                                </Link>{' '}
                                <TripStateTag state={trip.state} /> <Tag>{t(`trip.kind.${trip.kind}`)}</Tag>
                                {feedbackLink(trip)}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        <>
                          <div className="trip-card__tags">
                            <TripStateTag state={first.state} /> <Tag>{t(`trip.kind.${first.kind}`)}</Tag>
                          </div>
                          <Typography.Title level={3} className="trip-card__title">
                            <Link to={`/trips/${first.id}`}>{first.title}</Link>
                          </Typography.Title>
                        </>
                      )}
                      <Typography.Text type="secondary" className="trip-card__meta">
                        {formatDateRange(visit.startDate, visit.endDate)} · {places.join(', ')}
                      </Typography.Text>
                      <div className="incoming-people">
                        {t('incoming.leads', { count: leads.length, names: leads.join(', ') })}
                        {departments.length > 0 && <> · {departments.map((d) => d.name).join(', ')}</>}
                        <br />
                        {t('incoming.members', { count: members.length, names: members.join(', ') })}
                      </div>
                      {visit.trips.map(
                        (trip) =>
                          trip.purpose && (
                            <Typography.Paragraph key={trip.id} className="incoming-purpose">
                              {merged && <strong>{trip.title}: </strong>}
                              {trip.purpose}
                            </Typography.Paragraph>
                          ),
                      )}
                      {!merged && first && feedbackLink(first)}
                    </Card>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      <LoadMore list={list} />
    </Card>
  );
}
