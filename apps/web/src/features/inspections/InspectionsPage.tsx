import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewerCan, type ViewerCan } from '@/features/shell';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingEvents, useFindingsTranslation } from '@/features/findings';
import { errorMessage } from '@/shared/apollo/errors';
import { ConclusionModal, type ConcludedVisit } from './ConclusionModal';
import { CorrectiveActionsList } from './CorrectiveActionsList';
import { ExternalFormModal } from './ExternalFormModal';
import { InspectionPlansQuery } from './inspections.operations';
import { PlanCard, type Plan } from './PlanCard';
import { PlanFormModal } from './PlanFormModal';
import { TeamFormModal } from './TeamFormModal';
import { VisitFormModal, type VisitTarget } from './VisitFormModal';

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];

/** The year's inspection plans with their teams and visits, and the corrective actions to follow. */
export function InspectionsPage() {
  const { t } = useFindingsTranslation();
  const { can, me } = useViewerCan();
  useFindingEvents(
    ['INSPECTION_PLANNED', 'CONCLUSION', 'ACTION_DONE', 'ACTION_VERIFIED'],
    ['InspectionPlans', 'CorrectiveActions'],
  );

  if (!can || !me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!can.readInspections) return <Result status="403" title={t('findings.forbidden')} />;
  // Plans are read by the province's staff; a host unit follows the corrections asked of it.
  const plans = can.readInspectionPlans;

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('findings.inspections.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {plans ? t('findings.inspections.intro') : t('findings.inspections.hostIntro')}
      </Typography.Paragraph>
      {plans ? (
        <Tabs
          items={[
            {
              key: 'plans',
              label: t('findings.inspections.plansTab'),
              children: <Plans can={can} cadreId={me.cadreId ?? null} />,
            },
            { key: 'actions', label: t('findings.inspections.actionsTab'), children: <CorrectiveActionsList withPlan /> },
          ]}
        />
      ) : (
        <CorrectiveActionsList withPlan={false} />
      )}
    </Card>
  );
}

interface PlansProps {
  can: ViewerCan;
  cadreId: string | null;
}

function Plans({ can, cadreId }: PlansProps) {
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
          {can.manageInspections && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('findings.plan.create')}
            </Button>
          )}
          {can.recordInspections && <Button onClick={() => setExternal(true)}>{t('findings.external.open')}</Button>}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={t('findings.plan.empty', { year })}>
          {can.manageInspections && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('findings.plan.create')}
            </Button>
          )}
        </Empty>
      ) : (
        <ul className="findings-list">
          {connection.nodes.map((plan) => (
            <li key={plan.id}>
              <PlanCard plan={plan} onAddTeam={setTeamFor} onSchedule={setVisitFor} onConclude={setConcluding} />
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
        cadreId={cadreId}
        canPickCadre={can.registerTripForOthers}
      />
    </section>
  );
}
