import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, Progress, Result, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingTripsQuery as TripsData } from '@/gql/graphql';
import { CoverageCard } from '@/features/compliance';
import { useLiveEvents } from '@/features/live';
import { TripStateTag } from '@/features/trips';
import { useViewerCan } from '@/features/shell';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingsTranslation } from '@/features/findings';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatDateTime } from '@/shared/format/date';
import { nameCollator } from '@/shared/format/collator';
import { formatRatio } from '@/shared/format/number';
import { MeetingCoverageQuery, MeetingTripsQuery } from './meetings.operations';

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];

type MeetingTrip = TripsData['trips']['nodes'][number];

/** Chapter meetings attended: coverage of the units ("17/18"), per cadre, and each meeting trip. */
export function MeetingsPage() {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const { can } = useViewerCan();
  const [year, setYear] = useState(THIS_YEAR);
  const allowed = !!can?.readMeetings;
  const coverage = useQuery(MeetingCoverageQuery, { variables: { year }, skip: !allowed });
  const trips = usePagedList(MeetingTripsQuery, (d) => d.trips, {
    variables: { from: `${year}-01-01`, to: `${year}-12-31` },
    skip: !allowed,
    notifyOnNetworkStatusChange: true,
  });

  // Meeting trips are trips: the shell's trip events say when one changes.
  const { events } = useLiveEvents();
  const seen = useRef(events.length);
  const { refetch: refetchCoverage } = coverage;
  const { refetch: refetchTrips } = trips;
  useEffect(() => {
    const fresh = events.slice(0, events.length - seen.current);
    seen.current = events.length;
    if (fresh.some((e) => e.kind === 'MEETING')) {
      void refetchCoverage();
      void refetchTrips();
    }
  }, [events, refetchCoverage, refetchTrips]);

  if (!can) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!allowed) return <Result status="403" title={t('findings.forbidden')} />;

  const cadres = [...(coverage.data?.meetingCoverage.cadres ?? [])].sort((a, b) => nameCollator.compare(a.fullName, b.fullName));
  const connection = trips.data?.trips;

  return (
    <div className="findings-stack">
      <Card>
        <div className="page-head">
          <Typography.Title level={1} className="page-title">
            {t('findings.meetings.title')}
          </Typography.Title>
          <Select<number>
            aria-label={t('findings.common.year')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: t('findings.common.yearN', { year: y }) }))}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('findings.meetings.intro')}</Typography.Paragraph>
      </Card>
      {coverage.error && <Alert type="error" showIcon title={errorMessage(coverage.error, tApp)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {coverage.data ? <CoverageCard coverage={coverage.data.meetingCoverage.overall} /> : <Card loading />}
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <h2 className="card-title" id="cadre-coverage">
                {t('findings.meetings.byCadre')}
              </h2>
            }
            loading={!coverage.data}
          >
            {cadres.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.meetings.noCadres')} />
            ) : (
              <Table
                size="small"
                rowKey="cadreId"
                aria-labelledby="cadre-coverage"
                pagination={cadres.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                dataSource={cadres}
                columns={[
                  { title: t('findings.meetings.cadre'), dataIndex: 'fullName' },
                  {
                    title: t('findings.meetings.reached'),
                    key: 'reached',
                    width: 170,
                    render: (_, c) => (
                      <span className="meeting-progress">
                        <span>{formatRatio(c.reached, c.total)}</span>
                        <Progress
                          percent={c.total === 0 ? 0 : Math.round((c.reached / c.total) * 100)}
                          showInfo={false}
                          size="small"
                          aria-hidden
                        />
                      </span>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={
          <h2 className="card-title" id="meeting-trips">
            {t('findings.meetings.tripsTitle', { year })}
          </h2>
        }
      >
        {trips.error && <Alert type="error" showIcon title={errorMessage(trips.error, tApp)} />}
        {trips.loading && !trips.data ? (
          <Skeleton active paragraph={{ rows: 5 }} />
        ) : !connection || connection.nodes.length === 0 ? (
          <Empty description={t('findings.meetings.empty', { year })} />
        ) : (
          <ul className="findings-list" aria-labelledby="meeting-trips">
            {connection.nodes.map((trip) => (
              <li key={trip.id}>
                <MeetingCard trip={trip} />
              </li>
            ))}
          </ul>
        )}
        {connection && <LoadMore list={trips.list} />}
      </Card>
    </div>
  );
}

function MeetingCard({ trip }: { trip: MeetingTrip }) {
  const { t } = useFindingsTranslation();
  const members = trip.members.map((m) => m.fullName).sort(nameCollator.compare);
  const report = trip.report;
  const present = report?.details.membersPresent;
  return (
    <Card size="small" className="findings-card">
      <div className="findings-card__tags">
        <TripStateTag state={trip.state} />
        {report?.late && <Tag color="orange">{t('findings.meetings.reportLate')}</Tag>}
        {!report && trip.state === 'COMPLETED' && <Tag color="orange">{t('findings.meetings.noReport')}</Tag>}
      </div>
      <Typography.Title level={3} className="findings-card__title">
        <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
      </Typography.Title>
      <dl className="meeting-facts">
        <dt>{t('findings.meetings.unit')}</dt>
        <dd>{trip.destinations.map((d) => d.name).join(', ')}</dd>
        <dt>{t('findings.meetings.date')}</dt>
        <dd>{formatDateRange(trip.startDate, trip.endDate)}</dd>
        {trip.topic && (
          <>
            <dt>{t('findings.meetings.topic')}</dt>
            <dd>{trip.topic.title}</dd>
          </>
        )}
        <dt>{t('findings.meetings.delegation')}</dt>
        <dd>{members.join(', ')}</dd>
        <dt>{t('findings.meetings.present')}</dt>
        <dd>{present === null || present === undefined ? '—' : t('findings.meetings.presentN', { count: present })}</dd>
        {report && (
          <>
            <dt>{t('findings.meetings.reportedAt')}</dt>
            <dd>{formatDateTime(report.submittedAt)}</dd>
          </>
        )}
      </dl>
      {report?.details.meetingQuality && (
        <Typography.Paragraph
          className="findings-card__text"
          ellipsis={{ rows: 2, expandable: true, symbol: t('findings.common.more') }}
        >
          {report.details.meetingQuality}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
