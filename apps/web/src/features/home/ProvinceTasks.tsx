import { WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { ProvinceTasksQuery } from './home.operations';

/** How far ahead merge suggestions look: the trips the board can still put together. */
const MERGE_WEEKS = 8;

const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/**
 * What waits on the province's decisions, for the standing board and the organisation department:
 * registrations waiting and for how long, trips still pending whose first day has passed (flagged),
 * approved trips that could travel as one delegation, host units receiving too many this month.
 * Each section links to the page where it is dealt with, when the API lets the viewer open it.
 */
export function ProvinceTasks() {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const [today] = useState(todayLocalDate);
  const now = dayjs(today);
  const { data, loading, error } = useQuery(ProvinceTasksQuery, {
    variables: {
      today,
      yesterday: iso(now.subtract(1, 'day')),
      until: iso(now.add(MERGE_WEEKS, 'week')),
      monthStart: iso(now.startOf('month')),
      monthEnd: iso(now.endOf('month')),
      withMerges: !!can?.mergeDelegations,
      withLoad: !!can?.readDashboard,
    },
    skip: !can,
  });
  const busy = (loading && !data) || !can;
  const waiting = data?.waiting;
  const oldest = waiting?.nodes[0];
  const waitedDays = oldest ? dayjs().diff(dayjs(oldest.submittedAt ?? oldest.createdAt), 'day') : 0;
  const past = data?.pastStart;
  const pastCount = past?.totalCount ?? 0;
  const merges = data?.mergeSuggestions ?? [];
  const overloaded = data?.overloaded ?? [];

  return (
    <>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      {pastCount > 0 && (
        <Col span={24}>
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined aria-hidden />}
            className="home-alert"
            title={t('home.board.pastStartAlert', { count: pastCount })}
            description={t('home.board.pastStartHint')}
          />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card
          title={<h2 className="card-title">{t('home.board.waiting')}</h2>}
          extra={can?.decideTrips ? <Link to="/approvals">{t('home.board.openApprovals')}</Link> : undefined}
          loading={busy}
        >
          <div className="home-figure">
            <Statistic
              value={waiting?.totalCount ?? 0}
              suffix={t('home.board.registrations', { count: waiting?.totalCount ?? 0 })}
            />
            {oldest && (
              <Typography.Text type={waitedDays >= 3 ? 'danger' : 'secondary'} strong={waitedDays >= 3}>
                {waitedDays < 1 ? t('home.board.oldestToday') : t('home.board.oldest', { count: waitedDays })}
              </Typography.Text>
            )}
          </div>
          {!oldest && <Typography.Text type="secondary">{t('home.board.waitingNone')}</Typography.Text>}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 className="card-title">{t('home.board.pastStart')}</h2>}
          className={pastCount > 0 ? 'home-card--alert' : undefined}
          extra={pastCount > 0 && can?.decideTrips ? <Link to="/approvals">{t('home.board.decide')}</Link> : undefined}
          loading={busy}
        >
          {pastCount === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.board.pastStartNone')} />
          ) : (
            <ul className="home-list" aria-label={t('home.board.pastStart')}>
              {(past?.nodes ?? []).map((trip) => (
                <li key={trip.id} className="home-list__item">
                  <div className="home-list__main">
                    <Link to={`/trips/${trip.id}`} className="home-list__title">
                      {trip.title}
                    </Link>
                    <Typography.Text type="secondary" className="home-list__meta">
                      {formatDateRange(trip.startDate, trip.endDate)} · {trip.lead.fullName}
                    </Typography.Text>
                  </div>
                  <div className="home-list__side">
                    <Tag color="error">{t('approvals.pastStart')}</Tag>
                  </div>
                </li>
              ))}
              {pastCount > (past?.nodes.length ?? 0) && (
                <li className="home-list__item">
                  <Typography.Text type="secondary">
                    {t('home.board.more', { count: pastCount - (past?.nodes.length ?? 0) })}
                  </Typography.Text>
                </li>
              )}
            </ul>
          )}
        </Card>
      </Col>
      {can?.mergeDelegations && (
        <Col xs={24} lg={12}>
          <Card
            title={<h2 className="card-title">{t('home.board.merges', { weeks: MERGE_WEEKS })}</h2>}
            extra={
              can.decideTrips && merges.length > 0 ? (
                <Link to="/approvals?tab=approved">{t('home.board.openMerges')}</Link>
              ) : undefined
            }
            loading={busy}
          >
            {merges.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.board.mergesNone')} />
            ) : (
              <ul className="home-list" aria-label={t('home.board.merges', { weeks: MERGE_WEEKS })}>
                {merges.map((m) => (
                  <li key={`${m.unitId}:${m.weekStart}`} className="home-list__item home-list__item--stacked">
                    <Typography.Text strong className="home-list__title">
                      {m.unitName}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="home-list__meta">
                      {t('home.board.week', { date: formatLocalDate(m.weekStart) })} ·{' '}
                      {t('home.board.tripsCount', { count: m.tripIds.length })}
                    </Typography.Text>
                    <ul className="home-visit__trips">
                      {m.tripIds.map((id, i) => (
                        <li key={id}>
                          <Link to={`/trips/${id}`}>{m.titles[i]}</Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      )}
      {can?.readDashboard && (
        <Col xs={24} lg={12}>
          <Card
            title={<h2 className="card-title">{t('home.board.overloaded')}</h2>}
            extra={overloaded.length > 0 ? <Link to="/dashboard">{t('home.board.openDashboard')}</Link> : undefined}
            loading={busy}
          >
            {overloaded.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.board.overloadedNone')} />
            ) : (
              <ul className="home-list" aria-label={t('home.board.overloaded')}>
                {overloaded.map((load) => (
                  <li key={load.unitId} className="home-list__item">
                    <div className="home-list__main">
                      <Typography.Text strong className="home-list__title">
                        {load.unitName}
                      </Typography.Text>
                    </div>
                    <div className="home-list__side">
                      <Tag color="warning">{t('home.board.delegations', { count: load.delegations })}</Tag>
                      <Typography.Text type="secondary">{t('home.board.cadreDays', { count: load.cadreDays })}</Typography.Text>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      )}
    </>
  );
}
