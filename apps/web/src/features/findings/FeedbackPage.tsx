import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HostOwnFeedbackQuery as OwnFeedbackData } from '@/gql/graphql';
import { useViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { DATE_FORMAT, formatDateRange, formatDateTime, todayLocalDate } from '@/shared/format/date';
import { FeedbackTripsQuery, HostFeedbackQuery, HostOwnFeedbackQuery } from './findings.operations';
import { useFindingsTranslation, type FindingsKey } from './findingsI18n';
import { HostFeedbackModal, VISIT_RULES, type FeedbackTrip, type VisitRule } from './HostFeedbackModal';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingEvents } from './useFindingEvents';
import './findings.css';

/** Host units give their word on visits; the organisation department sees the broken rules. */
export function FeedbackPage() {
  const { t } = useFindingsTranslation();
  const { can, me } = useViewerCan();
  if (!can || !me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (can.giveFeedback) return <HostVisits unitId={me.unitId ?? null} />;
  if (can.readFeedback) return <Breaches />;
  return <Result status="403" title={t('findings.forbidden')} />;
}

type OwnFeedback = OwnFeedbackData['hostFeedback']['nodes'][number];

/** The API takes at most this many visits in one feedback look-up. */
const FEEDBACK_TRIPS_MAX = 200;

function HostVisits({ unitId }: { unitId: string | null }) {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [params, setParams] = useSearchParams();
  const [today] = useState(todayLocalDate);
  const [open, setOpen] = useState<FeedbackTrip | null>(null);
  const { data, loading, error, list } = usePagedList(FeedbackTripsQuery, (d) => d.trips, {
    variables: { to: today },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.trips;
  const wanted = params.get('trip');
  const tripIds = useMemo(() => (connection?.nodes ?? []).slice(0, FEEDBACK_TRIPS_MAX).map((n) => n.id), [connection]);
  const own = useQuery(HostOwnFeedbackQuery, { variables: { tripIds }, skip: tripIds.length === 0 });
  // Units below this one answer for themselves; this page is about the unit's own word.
  const sent = useMemo(() => {
    const byTrip = new Map<string, OwnFeedback>();
    for (const f of (own.data ?? own.previousData)?.hostFeedback.nodes ?? []) {
      if (f.unitId === unitId) byTrip.set(f.tripId, f);
    }
    return byTrip;
  }, [own.data, own.previousData, unitId]);
  const checking = own.loading && !own.data && !own.previousData;

  // The incoming-delegations page links here with the visit to give feedback on; a visit already
  // answered just shows what was sent.
  useEffect(() => {
    const trip = wanted ? connection?.nodes.find((n) => n.id === wanted) : undefined;
    if (!trip || checking) return;
    if (!sent.has(trip.id) && trip.viewerCanGiveFeedback) setOpen(trip);
    setParams({}, { replace: true });
  }, [wanted, connection, checking, sent, setParams]);

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('findings.feedback.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('findings.feedback.hostIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {own.error && <Alert type="error" showIcon title={errorMessage(own.error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={t('findings.feedback.noVisits')} />
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((trip) => {
            const mine = sent.get(trip.id);
            return (
              <li key={trip.id}>
                <Card size="small" className="findings-card">
                  <div className="findings-card__tags">
                    <Tag>{tApp(`trip.kind.${trip.kind}`)}</Tag>
                    {mine && <Tag color="green">{t('findings.feedback.sentTag')}</Tag>}
                  </div>
                  <Typography.Title level={2} className="findings-card__title">
                    {trip.title}
                  </Typography.Title>
                  <Typography.Text type="secondary" className="findings-card__meta">
                    {formatDateRange(trip.startDate, trip.endDate)} · {trip.destinations.map((d) => d.name).join(', ')} ·{' '}
                    {t('findings.feedback.lead', { name: trip.lead.fullName })}
                  </Typography.Text>
                  {mine ? (
                    <section aria-label={t('findings.feedback.yours')}>
                      <Typography.Text type="secondary">
                        {t('findings.feedback.sentOn', { date: dayjs(mine.createdAt).format(DATE_FORMAT) })}
                      </Typography.Text>
                      <FeedbackRules feedback={mine} />
                      {mine.comment && (
                        <Typography.Paragraph className="findings-card__answer">{mine.comment}</Typography.Paragraph>
                      )}
                    </section>
                  ) : (
                    !checking &&
                    trip.viewerCanGiveFeedback && (
                      <div className="findings-card__actions">
                        <Button onClick={() => setOpen(trip)}>{t('findings.feedback.give')}</Button>
                      </div>
                    )
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
      <HostFeedbackModal trip={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

/** The visit rules as the host answered them: kept ✓, broken ✗ (said aloud for screen readers). */
function FeedbackRules({ feedback }: { feedback: Record<VisitRule, boolean> }) {
  const { t } = useFindingsTranslation();
  return (
    <ul className="feedback-rules">
      {VISIT_RULES.map((rule) => (
        <li key={rule} className={feedback[rule] ? 'feedback-rule' : 'feedback-rule feedback-rule--broken'}>
          {feedback[rule] ? '✓' : '✗'} {t(`findings.feedback.rule.${rule}` as FindingsKey)}
          <span className="sr-only">: {feedback[rule] ? t('findings.feedback.kept') : t('findings.feedback.broken')}</span>
        </li>
      ))}
    </ul>
  );
}

type Filter = 'breaches' | 'all';

function Breaches() {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [filter, setFilter] = useState<Filter>('breaches');
  const { data, loading, error, list } = usePagedList(HostFeedbackQuery, (d) => d.hostFeedback, {
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
                <Typography.Title level={2} className="findings-card__title">
                  {f.trip.title}
                </Typography.Title>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {formatDateRange(f.trip.startDate, f.trip.endDate)} ·{' '}
                  {t('findings.feedback.lead', { name: f.trip.lead.fullName })} ·{' '}
                  {t('findings.feedback.sentAt', { date: formatDateTime(f.createdAt) })}
                </Typography.Text>
                <FeedbackRules feedback={f} />
                {f.comment && <Typography.Paragraph className="findings-card__answer">{f.comment}</Typography.Paragraph>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
    </Card>
  );
}
