import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewerCan } from '@/features/shell';
import { uniqueById as unique, visitsOf } from '@/features/incoming';
import { CalendarFeedCard } from '@/features/transfer';
import { errorMessage } from '@/shared/apollo/errors';
import { nameCollator } from '@/shared/format/collator';
import { formatDateRange, formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { HostActionsQuery, HostHomeQuery } from './home.operations';

const WEEKS = 4;

/** A host unit's home: who is coming, the visits to give feedback on, the corrections it owes, its calendar. */
export function HostHome() {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const [today] = useState(todayLocalDate);
  const until = dayjs(today).add(WEEKS, 'week').format('YYYY-MM-DD');
  const since = dayjs(today).subtract(3, 'month').format('YYYY-MM-DD');
  const { data, loading, error } = useQuery(HostHomeQuery, { variables: { today, until, since } });
  const actions = useQuery(HostActionsQuery, { skip: !can?.readInspections });

  const visits = visitsOf(data?.arriving.nodes ?? []);
  const waiting = (data?.visited.nodes ?? []).filter((trip) => trip.viewerCanGiveFeedback);
  const open = (actions.data?.correctiveActions.nodes ?? []).filter((a) => a.status === 'OPEN');
  const busy = loading && !data;

  return (
    <>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      <Col xs={24} lg={14} xl={15}>
        <Card
          title={<h2 className="card-title">{t('home.host.arriving', { weeks: WEEKS })}</h2>}
          extra={<Link to="/incoming">{t('home.host.allIncoming')}</Link>}
          loading={busy}
        >
          {visits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.host.arrivingNone')} />
          ) : (
            <ul className="trip-list" aria-label={t('home.host.arriving', { weeks: WEEKS })}>
              {visits.map((visit) => {
                const members = unique(visit.trips.flatMap((trip) => trip.members)).sort((a, b) =>
                  nameCollator.compare(a.fullName, b.fullName),
                );
                const leads = unique(visit.trips.map((trip) => trip.lead)).map((lead) => lead.fullName);
                const places = unique(visit.trips.flatMap((trip) => trip.destinations)).map((d) => d.name);
                return (
                  <li key={visit.key}>
                    <Card size="small" className="trip-card home-visit">
                      <Typography.Text strong className="home-visit__dates">
                        {formatDateRange(visit.startDate, visit.endDate)}
                      </Typography.Text>
                      {visit.trips.length > 1 && (
                        <Tag color="geekblue" className="home-visit__merged">
                          {t('home.host.delegation', { count: visit.trips.length })}
                        </Tag>
                      )}
                      <ul className="home-visit__trips">
                        {visit.trips.map((trip) => (
                          <li key={trip.id}>
                            <Link to={`/trips/${trip.id}`}>{trip.title}</Link> <Tag>{t(`trip.kind.${trip.kind}`)}</Tag>
                          </li>
                        ))}
                      </ul>
                      <Typography.Text type="secondary" className="home-list__meta">
                        {places.join(', ')}
                      </Typography.Text>
                      <div className="incoming-people">
                        {t('home.host.leads', { names: leads.join(', ') })}
                        <br />
                        {t('home.host.members', {
                          count: members.length,
                          names: members.map((m) => m.fullName).join(', '),
                        })}
                      </div>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10} xl={9}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title={<h2 className="card-title">{t('home.host.feedback')}</h2>} loading={busy}>
              {waiting.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.host.feedbackNone')} />
              ) : (
                <ul className="home-list" aria-label={t('home.host.feedback')}>
                  {waiting.map((trip) => (
                    <li key={trip.id} className="home-list__item">
                      <div className="home-list__main">
                        <span className="home-list__title">{trip.title}</span>
                        <Typography.Text type="secondary" className="home-list__meta">
                          {formatDateRange(trip.startDate, trip.endDate)} · {trip.lead.fullName}
                        </Typography.Text>
                      </div>
                      <div className="home-list__side">
                        <Link to={`/feedback?trip=${trip.id}`}>{t('findings.feedback.give')}</Link>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
          {can?.readInspections && (
            <Col span={24}>
              <Card
                title={<h2 className="card-title">{t('home.host.actions')}</h2>}
                extra={<Link to="/inspections">{t('home.host.allActions')}</Link>}
                loading={actions.loading && !actions.data}
              >
                {actions.error && <Alert type="error" showIcon title={errorMessage(actions.error, t)} />}
                {open.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.host.actionsNone')} />
                ) : (
                  <ul className="home-list" aria-label={t('home.host.actions')}>
                    {open.map((action) => (
                      <li key={action.id} className="home-list__item">
                        <div className="home-list__main">
                          <span className="home-list__title">{action.description}</span>
                          <Typography.Text type="secondary" className="home-list__meta">
                            {action.responsibleUnit.name}
                          </Typography.Text>
                        </div>
                        <div className="home-list__side">
                          <Typography.Text type={action.overdue ? 'danger' : undefined} strong={action.overdue}>
                            {t('home.host.actionDue', { date: formatLocalDate(action.dueOn) })}
                          </Typography.Text>
                          {action.overdue && <Tag color="error">{t('home.cadre.overdue')}</Tag>}
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          )}
          <Col span={24}>
            <CalendarFeedCard owner="UNIT" />
          </Col>
        </Row>
      </Col>
    </>
  );
}
