import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Badge, Button, Card, Empty, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationStatus, Role } from '@/gql/graphql';
import { ExportButton } from '@/features/transfer/ExportButton';
import { ViewerQuery } from '@/features/trips/trip.operations';
import { errorMessage } from '@/shared/apollo/errors';
import {
  FindingsUnitQuery,
  RecommendationCountsQuery,
  RecommendationsQuery,
  ViewerDepartmentQuery,
} from './findings.operations';
import { useFindingsTranslation } from './findingsI18n';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { RecommendationCard, type Recommendation } from './RecommendationCard';
import { AnswerModal, AssignModal, RaiseModal } from './RecommendationModals';
import { useFindingEvents } from './useFindingEvents';
import './findings.css';
import { useCloseRecommendation } from './findings.mutations';

const STATUSES: readonly RecommendationStatus[] = ['OPEN', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'];
const READERS: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'CENTRAL', 'HOST_UNIT'];
const MANAGERS: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD'];
const RAISERS: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'HOST_UNIT'];

/** The recommendations raised at the grassroots, by status, overdue first; assign, answer, close. */
export function RecommendationsPage() {
  const { t } = useFindingsTranslation();
  const { data: viewer } = useQuery(ViewerQuery);
  const me = viewer?.me;
  const [status, setStatus] = useState<RecommendationStatus>('OPEN');
  const [raising, setRaising] = useState(false);
  const { data: counts } = useQuery(RecommendationCountsQuery, { skip: !me || !READERS.includes(me.role) });
  const { data: dept } = useQuery(ViewerDepartmentQuery, {
    variables: { id: me?.cadreId ?? '' },
    skip: me?.role !== 'DEPARTMENT_HEAD' || !me.cadreId,
  });
  const { data: hostUnit } = useQuery(FindingsUnitQuery, {
    variables: { id: me?.unitId ?? '' },
    skip: me?.role !== 'HOST_UNIT' || !me.unitId,
  });
  useFindingEvents(['RECOMMENDATION_RAISED', 'RECOMMENDATION_ANSWERED'], ['Recommendations', 'RecommendationCounts']);

  if (!me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!READERS.includes(me.role)) return <Result status="403" title={t('findings.forbidden')} />;

  const count: Record<RecommendationStatus, number | undefined> = {
    OPEN: counts?.open.totalCount,
    IN_PROGRESS: counts?.inProgress.totalCount,
    ANSWERED: counts?.answered.totalCount,
    CLOSED: counts?.closed.totalCount,
  };
  const overdue = counts?.overdue.totalCount ?? 0;
  const host = me.role === 'HOST_UNIT';

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('findings.rec.title')}
        </Typography.Title>
        <Space wrap>
          <ExportButton list="recommendations" variables={{ statuses: [status] }} />
          {RAISERS.includes(me.role) && (
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
              {count[s] !== undefined && <Badge count={count[s]} showZero color={s === 'OPEN' ? 'gold' : '#8c8c8c'} />}
            </span>
          ),
          children:
            s === status ? <StatusColumn status={s} role={me.role} departmentId={dept?.cadre.departmentId ?? null} /> : null,
        }))}
      />
      <RaiseModal open={raising} onClose={() => setRaising(false)} ownUnit={hostUnit?.unit ?? null} />
    </Card>
  );
}

interface StatusColumnProps {
  status: RecommendationStatus;
  role: Role;
  departmentId: string | null;
}

function StatusColumn({ status, role, departmentId }: StatusColumnProps) {
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
  const manager = MANAGERS.includes(role);
  const canAnswer = (rec: Recommendation) =>
    manager || (role === 'DEPARTMENT_HEAD' && departmentId !== null && rec.departmentId === departmentId);

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
                canAssign={manager}
                canAnswer={canAnswer}
                canClose={manager}
                onAssign={setAssigning}
                onAnswer={setAnswering}
                onClose={(r) => void onClose(r)}
              />
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <LoadMore list={list} />
      )}
      <AssignModal rec={assigning} onClose={() => setAssigning(null)} />
      <AnswerModal rec={answering} onClose={() => setAnswering(null)} />
    </section>
  );
}
