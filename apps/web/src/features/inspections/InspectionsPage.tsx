import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Result, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/gql/graphql';
import { ViewerQuery } from '@/features/trips/trip.operations';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingEvents } from '@/features/findings/useFindingEvents';
import { useFindingsTranslation } from '@/features/findings/findingsI18n';
import '@/features/findings/findings.css';
import { errorMessage } from '@/shared/apollo/errors';
import { ConclusionModal, type ConcludedVisit } from './ConclusionModal';
import { CorrectiveActionsList } from './CorrectiveActionsList';
import { ExternalFormModal } from './ExternalFormModal';
import { InspectionPlansQuery } from './inspections.operations';
import { MANAGERS, STAFF } from './inspectionLabels';
import { PlanCard, type Plan } from './PlanCard';
import { PlanFormModal } from './PlanFormModal';
import { TeamFormModal } from './TeamFormModal';
import { VisitFormModal, type VisitTarget } from './VisitFormModal';

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];

/** The year's inspection plans with their teams and visits, and the corrective actions to follow. */
export function InspectionsPage() {
  const { t } = useFindingsTranslation();
  const { data: viewer } = useQuery(ViewerQuery);
  const me = viewer?.me;
  useFindingEvents(
    ['INSPECTION_PLANNED', 'CONCLUSION', 'ACTION_DONE', 'ACTION_VERIFIED'],
    ['InspectionPlans', 'CorrectiveActions'],
  );

  if (!me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const staff = STAFF.includes(me.role);
  if (!staff && me.role !== 'HOST_UNIT') return <Result status="403" title={t('findings.forbidden')} />;

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('findings.inspections.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {staff ? t('findings.inspections.intro') : t('findings.inspections.hostIntro')}
      </Typography.Paragraph>
      {staff ? (
        <Tabs
          items={[
            { key: 'plans', label: t('findings.inspections.plansTab'), children: <Plans viewer={me} /> },
            { key: 'actions', label: t('findings.inspections.actionsTab'), children: <CorrectiveActionsList viewer={me} /> },
          ]}
        />
      ) : (
        <CorrectiveActionsList viewer={me} />
      )}
    </Card>
  );
}

interface PlansProps {
  viewer: { role: Role; cadreId?: string | null };
}

function Plans({ viewer }: PlansProps) {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [year, setYear] = useState(THIS_YEAR);
  const [creating, setCreating] = useState(false);
  const [external, setExternal] = useState(false);
  const [teamFor, setTeamFor] = useState<Plan | null>(null);
  const [visitFor, setVisitFor] = useState<VisitTarget | null>(null);
  const [concluding, setConcluding] = useState<ConcludedVisit | null>(null);
  const { data, loading, error, list } = usePagedList(InspectionPlansQuery, (d) => d.inspectionPlans, {
    variables: { year },
    notifyOnNetworkStatusChange: true,
  });
  const canManage = MANAGERS.includes(viewer.role);
  const connection = data?.inspectionPlans;

  return (
    <section aria-labelledby="plans-title" className="findings-section">
      <div className="page-head">
        <Typography.Title level={2} id="plans-title" className="findings-section__title">
          {t('findings.plan.listTitle', { year })}
        </Typography.Title>
        <Space wrap>
          <Select<number>
            aria-label={t('findings.common.year')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: t('findings.common.yearN', { year: y }) }))}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('findings.plan.create')}
            </Button>
          )}
          <Button onClick={() => setExternal(true)}>{t('findings.external.open')}</Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={t('findings.plan.empty', { year })}>
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('findings.plan.create')}
            </Button>
          )}
        </Empty>
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((plan) => (
            <li key={plan.id}>
              <PlanCard
                plan={plan}
                canManage={canManage}
                cadreId={viewer.cadreId ?? null}
                onAddTeam={setTeamFor}
                onSchedule={setVisitFor}
                onConclude={setConcluding}
              />
            </li>
          ))}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
      <PlanFormModal year={year} open={creating} onClose={() => setCreating(false)} />
      <TeamFormModal plan={teamFor} onClose={() => setTeamFor(null)} />
      <VisitFormModal target={visitFor} onClose={() => setVisitFor(null)} />
      <ConclusionModal visit={concluding} onClose={() => setConcluding(null)} />
      <ExternalFormModal
        open={external}
        onClose={() => setExternal(false)}
        cadreId={viewer.cadreId ?? null}
        canPickCadre={canManage || viewer.role === 'DEPARTMENT_HEAD'}
      />
    </section>
  );
}
