import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ComplianceChangedSubscription, MyComplianceCard } from '@/features/compliance';
import { useViewerCan } from '@/features/shell';
import { CalendarFeedCard } from '@/features/transfer';
import { TripStateTag } from '@/features/trips';
import { getFragmentData } from '@/gql';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { CadreHome_trip, CadreHomeQuery, MyComplianceQuery, MyRecommendationsQuery } from './home.operations';

/**
 * A cadre's home: where they stand this year (days waiting for a report apart), what to report and
 * by when, the trips coming, and what became of the recommendations their reports raised.
 */
export function CadreHome({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useViewerCan();
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  const [today] = useState(todayLocalDate);
  const mine = useQuery(MyComplianceQuery, { variables: { year } });
  const home = useQuery(CadreHomeQuery, { variables: { cadreId, today, year: currentYear } });
  const recs = useQuery(MyRecommendationsQuery, { skip: !can?.readRecommendations });
  // An approval, a report accepted, an exemption: the figures follow without a reload.
  useSubscription(ComplianceChangedSubscription, {
    variables: { year },
    onData: ({ data: pushed }) => {
      if (!pushed.data?.complianceChanged.cadres.some((c) => c.cadreId === cadreId)) return;
      void mine.refetch();
      void home.refetch();
    },
  });

  const rule = home.data?.policyRule;
  const awaiting = (home.data?.awaiting.nodes ?? []).map((node) => {
    const trip = getFragmentData(CadreHome_trip, node);
    // The API's deadline (the province-year rule); none when the rule asks for no report.
    const dueOn = node.reportDueOn ?? null;
    return { trip, dueOn, overdue: !!dueOn && dueOn < today };
  });
  // Overdue first, then by due date: what the cadre must do next is on top.
  awaiting.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  // Days of trips done but not reported are not counted yet when the rule asks for a report.
  const awaitingDays = rule?.reportRequired
    ? awaiting.filter(({ trip }) => trip.startDate.startsWith(String(year))).reduce((sum, { trip }) => sum + trip.days, 0)
    : 0;
  const next = (home.data?.next.nodes ?? []).map((node) => getFragmentData(CadreHome_trip, node));
  const reportedTitles = new Map((home.data?.reported.nodes ?? []).map((trip) => [trip.id, trip.title]));
  const recommendations = (recs.data?.recommendations.nodes ?? []).filter((r) => r.tripId && reportedTitles.has(r.tripId));
  const loading = home.loading && !home.data;

  return (
    <>
      {can?.registerTrip && (
        <Col span={24}>
          <div className="home-register">
            <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/trips/new')}>
              {t('home.cadre.register')}
            </Button>
            <Typography.Text type="secondary">{t('home.cadre.registerHint')}</Typography.Text>
          </div>
        </Col>
      )}
      {home.error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(home.error, t)} />
        </Col>
      )}
      <Col xs={24} lg={10} xl={9}>
        <MyComplianceCard
          compliance={mine.data?.myCompliance}
          year={year}
          years={[currentYear + 1, currentYear]}
          onYearChange={setYear}
          awaitingReportDays={awaitingDays}
          loading={mine.loading && !mine.data}
        />
      </Col>
      <Col xs={24} lg={14} xl={15}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title={<h2 className="card-title">{t('home.cadre.reports')}</h2>} loading={loading}>
              {awaiting.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.cadre.reportsNone')} />
              ) : (
                <ul className="home-list" aria-label={t('home.cadre.reports')}>
                  {awaiting.map(({ trip, dueOn, overdue }) => (
                    <li key={trip.id} className="home-list__item">
                      <div className="home-list__main">
                        <Link to={`/trips/${trip.id}`} className="home-list__title">
                          {trip.title}
                        </Link>
                        <Typography.Text type="secondary" className="home-list__meta">
                          {formatDateRange(trip.startDate, trip.endDate)}
                        </Typography.Text>
                      </div>
                      <div className="home-list__side">
                        {dueOn && (
                          <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
                            {t('home.cadre.dueOn', { date: formatLocalDate(dueOn) })}
                          </Typography.Text>
                        )}
                        {overdue && <Tag color="error">{t('home.cadre.overdue')}</Tag>}
                        <Link to={`/trips/${trip.id}`}>{t('home.cadre.writeReport')}</Link>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
          <Col span={24}>
            <Card
              title={<h2 className="card-title">{t('home.cadre.next')}</h2>}
              extra={<Link to="/trips/mine">{t('home.cadre.allTrips')}</Link>}
              loading={loading}
            >
              {next.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.cadre.nextNone')} />
              ) : (
                <ul className="home-list" aria-label={t('home.cadre.next')}>
                  {next.map((trip) => (
                    <li key={trip.id} className="home-list__item">
                      <div className="home-list__main">
                        <Link to={`/trips/${trip.id}`} className="home-list__title">
                          {trip.title}
                        </Link>
                        <Typography.Text type="secondary" className="home-list__meta">
                          {formatDateRange(trip.startDate, trip.endDate)} · {trip.destinations.map((d) => d.name).join(', ')}
                        </Typography.Text>
                      </div>
                      <div className="home-list__side">
                        <TripStateTag state={trip.state} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
          {can?.readRecommendations && (
            <Col span={24}>
              <Card
                title={<h2 className="card-title">{t('home.cadre.recommendations')}</h2>}
                loading={(recs.loading && !recs.data) || loading}
              >
                {recommendations.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.cadre.recommendationsNone')} />
                ) : (
                  <ul className="home-list" aria-label={t('home.cadre.recommendations')}>
                    {recommendations.map((r) => (
                      <li key={r.id} className="home-list__item home-list__item--stacked">
                        <Typography.Text type="secondary" className="home-list__meta">
                          {reportedTitles.get(r.tripId ?? '')}
                        </Typography.Text>
                        <Typography.Paragraph className="home-rec__text">{r.text}</Typography.Paragraph>
                        {r.answer ? (
                          <div className="home-rec__answer">
                            <Tag color="success">
                              {r.answeredAt
                                ? t('home.cadre.answered', { date: formatLocalDate(dayjs(r.answeredAt).format('YYYY-MM-DD')) })
                                : t(`findings.recStatus.${r.status}`)}
                            </Tag>
                            <Typography.Paragraph className="home-rec__text">{r.answer}</Typography.Paragraph>
                          </div>
                        ) : (
                          <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
                            {t('home.cadre.waitingAnswer')}
                            {r.dueOn && <> · {t('home.cadre.answerDue', { date: formatLocalDate(r.dueOn) })}</>}
                          </Typography.Text>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          )}
        </Row>
      </Col>
      <Col xs={24} lg={10} xl={9}>
        <CalendarFeedCard owner="CADRE" />
      </Col>
    </>
  );
}
