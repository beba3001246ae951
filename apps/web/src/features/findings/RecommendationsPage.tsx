import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Badge, Button, Card, Empty, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationStatus } from '@/gql/graphql';
import { useViewerCan } from '@/features/shell';
import { ExportButton } from '@/features/transfer';
import { errorMessage } from '@/shared/apollo/errors';
import { FindingsUnitQuery, RecommendationCountsQuery, RecommendationsQuery } from './findings.operations';
import { useFindingsTranslation } from './findingsI18n';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { RecommendationCard, type Recommendation } from './RecommendationCard';
import { AnswerModal, AssignModal, RaiseModal } from './RecommendationModals';
import { useFindingEvents } from './useFindingEvents';
import './findings.css';
import { useCloseRecommendation } from './findings.mutations';

const STATUSES: readonly RecommendationStatus[] = ['OPEN', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'];

/** The recommendations raised at the grassroots, by status, overdue first; assign, answer, close. */
export function RecommendationsPage() {
  const { t } = useFindingsTranslation();
  const { can, me } = useViewerCan();
  const [status, setStatus] = useState<RecommendationStatus>('OPEN');
  const [raising, setRaising] = useState(false);
  const { data: counts } = useQuery(RecommendationCountsQuery, { skip: !can?.readRecommendations });
  // A host unit's account raises recommendations for its own unit.
  const { data: hostUnit } = useQuery(FindingsUnitQuery, {
    variables: { id: me?.unitId ?? '' },
    skip: !me?.unitId,
  });
  useFindingEvents(['RECOMMENDATION_RAISED', 'RECOMMENDATION_ANSWERED'], ['Recommendations', 'RecommendationCounts']);

  if (!can || !me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!can.readRecommendations) return <Result status="403" title={t('findings.forbidden')} />;

  const count: Record<RecommendationStatus, number | undefined> = {
    OPEN: counts?.open.totalCount,
    IN_PROGRESS: counts?.inProgress.totalCount,
    ANSWERED: counts?.answered.totalCount,
    CLOSED: counts?.closed.totalCount,
  };
  const overdue = counts?.overdue.totalCount ?? 0;
  const host = me.unitId !== null;

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('findings.rec.title')}
        </Typography.Title>
        <Space wrap>
          <ExportButton list="recommendations" variables={{ statuses: [status] }} />
          {can.raiseRecommendations && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setRaising(true)}
              disabled={host && !hostUnit}
            >
              {t('findings.rec.raise')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{host ? t('findings.rec.hostIntro') : t('findings.rec.intro')}</Typography.Paragraph>
      {overdue > 0 && (
        <Alert type="warning" showIcon title={t('findings.rec.overdueAlert', { count: overdue })} className="findings-alert" />
      )}
      <Tabs
        activeKey={status}
        onChange={(key) => setStatus(key as RecommendationStatus)}
        items={STATUSES.map((s) => ({
          key: s,
          label: (
            <span>
              {t(`findings.recStatus.${s}`)}{' '}
              {count[s] !== undefined && <Badge count={count[s]} showZero color={s === 'OPEN' ? '#874d00' : '#595959'} />}
            </span>
          ),
          children: s === status ? <StatusColumn status={s} /> : null,
        }))}
      />
      <RaiseModal open={raising} onClose={() => setRaising(false)} ownUnit={hostUnit?.unit ?? null} />
    </Card>
  );
}

function StatusColumn({ status }: { status: RecommendationStatus }) {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const { message } = App.useApp();
  const [assigning, setAssigning] = useState<Recommendation | null>(null);
  const [answering, setAnswering] = useState<Recommendation | null>(null);
  const { data, loading, error, list } = usePagedList(RecommendationsQuery, (d) => d.recommendations, {
    variables: { statuses: [status] },
    notifyOnNetworkStatusChange: true,
  });
  const [close] = useCloseRecommendation();

  const onClose = async (rec: Recommendation) => {
    try {
      await close({ variables: { id: rec.id, version: rec.version } });
      void message.success(t('findings.rec.closed'));
    } catch (e) {
      void message.error(errorMessage(e, tApp));
    }
  };

  const connection = data?.recommendations;
  return (
    <section aria-label={t(`findings.recStatus.${status}`)}>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={t(`findings.rec.empty.${status}`)} />
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((rec) => (
            <li key={rec.id}>
              <RecommendationCard
                recommendation={rec}
                onAssign={setAssigning}
                onAnswer={setAnswering}
                onClose={(r) => void onClose(r)}
              />
            </li>
          ))}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
      <AssignModal rec={assigning} onClose={() => setAssigning(null)} />
      <AnswerModal rec={answering} onClose={() => setAnswering(null)} />
    </section>
  );
}
