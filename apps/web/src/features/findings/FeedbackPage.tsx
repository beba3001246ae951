import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FeedbackTripsQuery as TripsData, HostFeedbackListQuery as FeedbackData, Role } from '@/gql/graphql';
import { ViewerQuery } from '@/features/trips/trip.operations';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatDateTime, todayLocalDate } from '@/shared/format/date';
import { FeedbackTripsQuery, HostFeedbackQuery } from './findings.operations';
import { useFindingsTranslation, type FindingsKey } from './findingsI18n';
import { HostFeedbackModal, type FeedbackTrip } from './HostFeedbackModal';
import { LoadMore, appendNodes } from './paging';
import { useFindingEvents } from './useFindingEvents';
import './findings.css';

const REVIEWERS: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD', 'CENTRAL'];

/** Host units give their word on visits; the organisation department sees the broken rules. */
export function FeedbackPage() {
  const { t } = useFindingsTranslation();
  const { data: viewer } = useQuery(ViewerQuery);
  const me = viewer?.me;
  if (!me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (me.role === 'HOST_UNIT') return <HostVisits />;
  if (REVIEWERS.includes(me.role)) return <Breaches />;
  return <Result status="403" title={t('findings.forbidden')} />;
}

function HostVisits() {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [params, setParams] = useSearchParams();
  const [today] = useState(todayLocalDate);
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<FeedbackTrip | null>(null);
  const { data, loading, error, fetchMore } = useQuery(FeedbackTripsQuery, {
    variables: { to: today },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.trips;
  const wanted = params.get('trip');

  // The incoming-delegations page links here with the visit to give feedback on.
  useEffect(() => {
    const trip = wanted ? connection?.nodes.find((n) => n.id === wanted) : undefined;
    if (trip) {
      setOpen(trip);
      setParams({}, { replace: true });
    }
  }, [wanted, connection, setParams]);

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('findings.feedback.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('findings.feedback.hostIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={t('findings.feedback.noVisits')} />
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((trip) => (
            <li key={trip.id}>
              <Card size="small" className="findings-card">
                <div className="findings-card__tags">
                  <Tag>{tApp(`trip.kind.${trip.kind}`)}</Tag>
                  {sent.has(trip.id) && <Tag color="green">{t('findings.feedback.sentTag')}</Tag>}
                </div>
                <Typography.Title level={3} className="findings-card__title">
                  {trip.title}
                </Typography.Title>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {formatDateRange(trip.startDate, trip.endDate)} · {trip.destinations.map((d) => d.name).join(', ')} ·{' '}
                  {t('findings.feedback.lead', { name: trip.lead.fullName })}
                </Typography.Text>
                {!sent.has(trip.id) && (
                  <div className="findings-card__actions">
                    <Button onClick={() => setOpen(trip)}>{t('findings.feedback.give')}</Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <LoadMore
          shown={connection.nodes.length}
          total={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          loading={loading}
          onLoadMore={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: appendNodes<TripsData, 'trips'>('trips'),
            })
          }
        />
      )}
      <HostFeedbackModal trip={open} onClose={() => setOpen(null)} onSent={(id) => setSent((prev) => new Set([...prev, id]))} />
    </Card>
  );
}

type Filter = 'breaches' | 'all';
const RULES = ['noConference', 'noDistrictEscort', 'noCost'] as const;

function Breaches() {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [filter, setFilter] = useState<Filter>('breaches');
  const { data, loading, error, fetchMore } = useQuery(HostFeedbackQuery, {
    variables: { breachesOnly: filter === 'breaches' },
    notifyOnNetworkStatusChange: true,
  });
  useFindingEvents(['HOST_RULE_BREACH'], ['HostFeedbackList']);
  const connection = data?.hostFeedback;

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('findings.feedback.reviewTitle')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('findings.feedback.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'breaches', label: t('findings.feedback.breachesOnly') },
            { value: 'all', label: t('findings.feedback.all') },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('findings.feedback.reviewIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={filter === 'breaches' ? t('findings.feedback.noBreaches') : t('findings.feedback.none')} />
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((f) => (
            <li key={`${f.tripId}/${f.unitId}`}>
              <Card size="small" className={f.breach ? 'findings-card findings-card--overdue' : 'findings-card'}>
                <div className="findings-card__tags">
                  {f.breach ? (
                    <Tag color="red">{t('findings.feedback.breach')}</Tag>
                  ) : (
                    <Tag color="green">{t('findings.feedback.ok')}</Tag>
                  )}
                  <Typography.Text type="secondary">{f.unit.name}</Typography.Text>
                </div>
                <Typography.Title level={3} className="findings-card__title">
                  {f.trip.title}
                </Typography.Title>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {formatDateRange(f.trip.startDate, f.trip.endDate)} ·{' '}
                  {t('findings.feedback.lead', { name: f.trip.lead.fullName })} ·{' '}
                  {t('findings.feedback.sentAt', { date: formatDateTime(f.createdAt) })}
                </Typography.Text>
                <ul className="feedback-rules">
                  {RULES.map((rule) => (
                    <li key={rule} className={f[rule] ? 'feedback-rule' : 'feedback-rule feedback-rule--broken'}>
                      {f[rule] ? '✓' : '✗'} {t(`findings.feedback.rule.${rule}` as FindingsKey)}
                      <span className="sr-only">: {f[rule] ? t('findings.feedback.kept') : t('findings.feedback.broken')}</span>
                    </li>
                  ))}
                </ul>
                {f.comment && <Typography.Paragraph className="findings-card__answer">{f.comment}</Typography.Paragraph>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <LoadMore
          shown={connection.nodes.length}
          total={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          loading={loading}
          onLoadMore={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: appendNodes<FeedbackData, 'hostFeedback'>('hostFeedback'),
            })
          }
        />
      )}
    </Card>
  );
}
