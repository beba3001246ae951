import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  List,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CadreComplianceTable } from '@/features/compliance';
import { useOrgTranslation, PLAN_STATE_COLOR } from '@/features/organisation';
import { useViewerCan } from '@/features/shell';
import { TripStateTag, useAcceptTripReport } from '@/features/trips';
import { getFragmentData, graphql } from '@/gql';
import type { PlanTrip_TripFragment } from '@/gql/graphql';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { formatDateRange, formatDateTime, formatLocalDate } from '@/shared/format/date';
import {
  DepartmentPlanQuery,
  HeadDepartmentQuery,
  MembersProgressQuery,
  PlanTrip_trip,
  ReportsToAcceptQuery,
} from './department.operations';
import { useSubmitQuarterlyPlan } from './department.mutations';

/** The department's plan for the quarter as the page heads it: its state, when it was sent, the board's note. */
export const DepartmentPlanPage_plan = graphql(`
  fragment DepartmentPlanPage_plan on QuarterlyPlan {
    id
    departmentId
    quarter
    state
    version
    note
    submittedAt
    decidedAt
    viewerCan {
      submit
    }
  }
`);

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a quarter as `LocalDate`s. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/**
 * The quarter of the viewer's own department: its trips and plan, members' days, reports waiting for the
 * head. Opened by whoever the API lets submit their department's plan (me.can).
 */
export function DepartmentPlanPage() {
  const { t } = useOrgTranslation();
  const { can, me, loading: canLoading } = useViewerCan();
  const allowed = !!can?.submitDepartmentPlan;
  const cadreId = me?.cadreId ?? null;
  const { data: head, loading: headLoading } = useQuery(HeadDepartmentQuery, {
    variables: { cadreId: cadreId ?? '' },
    skip: !cadreId || !allowed,
  });

  if ((canLoading && !can) || headLoading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!allowed) return <Result status="403" title={t('dept.forbidden')} />;
  const department = head?.cadre.department;
  if (!department) return <Result status="warning" title={t('dept.noDepartment')} />;
  return <DepartmentPlan departmentId={department.id} departmentName={department.name} />;
}

function DepartmentPlan({ departmentId, departmentName }: { departmentId: string; departmentName: string }) {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [quarter, setQuarter] = useState(Math.floor(now.getMonth() / 3) + 1);
  const range = quarterRange(year, quarter);
  const plan = usePagedList(DepartmentPlanQuery, (d) => d.trips, { variables: { year, quarter, departmentId, ...range } });
  const [submit, { loading: submitting }] = useSubmitQuarterlyPlan();
  const own = getFragmentData(DepartmentPlanPage_plan, plan.data?.quarterlyPlans ?? []).find(
    (p) => p.departmentId === departmentId,
  );
  const trips = plan.data?.trips;
  const tripRows = getFragmentData(PlanTrip_trip, trips?.nodes ?? []);
  const waiting = tripRows.filter((trip) => trip.state === 'DRAFT' || trip.state === 'RETURNED').length;
  // A quarter never submitted has no plan yet: the page opens only for those who may submit it (me.can).
  const canSubmit = (own ? own.viewerCan.submit : true) && waiting > 0;

  const submitPlan = async () => {
    try {
      await submit({ variables: { departmentId, year, quarter } });
      void message.success(t('dept.plan.submitted', { quarter, year }));
    } catch (error) {
      void message.error(errorMessage(error, tt));
    }
  };

  const tripColumns: TableColumnsType<PlanTrip_TripFragment> = [
    {
      title: t('dept.trip.title'),
      key: 'title',
      render: (_, trip) => (
        <div>
          <Link to={`/trips/${trip.id}`} className="org-strong">
            {trip.title}
          </Link>
          <Typography.Text type="secondary" className="org-small">
            {tt(`trip.kind.${trip.kind}`)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('dept.trip.lead'), key: 'lead', render: (_, trip) => trip.lead.fullName },
    {
      title: t('dept.trip.dates'),
      key: 'dates',
      render: (_, trip) => <span className="nowrap">{formatDateRange(trip.startDate, trip.endDate)}</span>,
    },
    { title: <span className="nowrap">{t('dept.trip.days')}</span>, key: 'days', align: 'end', render: (_, trip) => trip.days },
    { title: t('dept.trip.state'), key: 'state', render: (_, trip) => <TripStateTag state={trip.state} /> },
  ];

  return (
    <Space orientation="vertical" size={16} className="org-stack">
      <Card>
        <div className="page-head">
          <div>
            <Typography.Title level={1} className="page-title">
              {t('dept.title', { department: departmentName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('dept.intro')}</Typography.Text>
          </div>
          <Space wrap>
            <Select<number>
              aria-label={t('dept.quarter')}
              value={quarter}
              onChange={setQuarter}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('dept.quarterValue', { quarter: q }) }))}
            />
            <Select<number>
              aria-label={t('org.year')}
              value={year}
              onChange={setYear}
              options={[year - 1, year, year + 1]
                .filter((y, i, all) => all.indexOf(y) === i)
                .map((y) => ({ value: y, label: t('org.yearValue', { year: y }) }))}
            />
          </Space>
        </div>
        {plan.error && <Alert type="error" showIcon title={errorMessage(plan.error, tt)} className="org-form__alert" />}
        <div className="org-plan-state">
          <span>
            {t('dept.plan.state')}{' '}
            {own ? (
              <Tag color={PLAN_STATE_COLOR[own.state]}>{t(`org.planState.${own.state}`)}</Tag>
            ) : (
              <Tag>{t('dept.plan.notSubmitted')}</Tag>
            )}
            {own?.submittedAt && (
              <Typography.Text type="secondary">
                {t('dept.plan.submittedAt', { at: formatDateTime(own.submittedAt) })}
              </Typography.Text>
            )}
          </span>
          <Popconfirm
            title={t('dept.plan.submitConfirmTitle', { quarter, year })}
            description={t('dept.plan.submitConfirm', { count: waiting })}
            okText={t('dept.plan.submit')}
            cancelText={t('org.cancel')}
            onConfirm={() => void submitPlan()}
            disabled={!canSubmit}
          >
            <Button type="primary" icon={<SendOutlined aria-hidden />} disabled={!canSubmit} loading={submitting}>
              {t('dept.plan.submit')}
            </Button>
          </Popconfirm>
        </div>
        {own?.note && <Alert type="info" showIcon title={t('dept.plan.note', { note: own.note })} className="org-form__alert" />}
        <Typography.Paragraph type="secondary">
          {t('dept.plan.period', { from: formatLocalDate(range.from), to: formatLocalDate(range.to) })}
          {trips ? ` · ${t('dept.plan.count', { count: trips.totalCount })}` : ''}
        </Typography.Paragraph>
        <Table<PlanTrip_TripFragment>
          rowKey="id"
          size="middle"
          loading={plan.loading}
          columns={tripColumns}
          dataSource={tripRows}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{
            emptyText: plan.loading ? (
              ' '
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dept.plan.empty', { quarter, year })}>
                <Link to="/trips/new">{t('dept.plan.register')}</Link>
              </Empty>
            ),
          }}
        />
        <LoadMore list={plan.list} />
      </Card>
      <ReportsCard departmentId={departmentId} />
      <MembersCard departmentId={departmentId} year={year} />
    </Space>
  );
}

/** Reports the members sent back: the head reads each (trip page) and accepts it here or there. */
function ReportsCard({ departmentId }: { departmentId: string }) {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(ReportsToAcceptQuery, { variables: { departmentId } });
  const { acceptTripReport } = useAcceptTripReport();
  const [accepting, setAccepting] = useState<string | null>(null);
  const reports = getFragmentData(PlanTrip_trip, data?.trips.nodes ?? []);

  const accept = async (trip: PlanTrip_TripFragment) => {
    setAccepting(trip.id);
    try {
      await acceptTripReport({ id: trip.id, version: trip.version });
      void message.success(t('dept.reports.accepted', { title: trip.title }));
      await refetch();
    } catch (failure) {
      if (apiError(failure)?.code === 'CONFLICT') {
        void message.warning(t('dept.reports.conflict'));
        await refetch();
      } else {
        void message.error(errorMessage(failure, tt));
      }
    } finally {
      setAccepting(null);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} className="org-card-title">
          {t('dept.reports.title', { count: data?.trips.totalCount ?? 0 })}
        </Typography.Title>
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      <List
        loading={loading}
        dataSource={reports}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dept.reports.empty')} /> }}
        renderItem={(trip) => (
          <List.Item
            actions={[
              <Link key="read" to={`/trips/${trip.id}`} aria-label={t('dept.reports.readLabel', { title: trip.title })}>
                {t('dept.reports.read')}
              </Link>,
              ...(trip.viewerCan.acceptReport
                ? [
                    <Button
                      key="accept"
                      size="small"
                      type="primary"
                      icon={<CheckOutlined aria-hidden />}
                      loading={accepting === trip.id}
                      aria-label={t('dept.reports.acceptLabel', { title: trip.title })}
                      onClick={() => void accept(trip)}
                    >
                      {t('dept.reports.accept')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={trip.title}
              description={
                <span>
                  {trip.lead.fullName} · {formatDateRange(trip.startDate, trip.endDate)}
                  {trip.report && ` · ${t('dept.reports.sentAt', { at: formatDateTime(trip.report.submittedAt) })}`}
                  {trip.report?.late && (
                    <Tag color="orange" className="org-tag-gap">
                      {t('dept.reports.late')}
                    </Tag>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Each member's days toward the year's requirement: the dashboard's table, for this department only. */
function MembersCard({ departmentId, year }: { departmentId: string; year: number }) {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { data, loading, error, list } = usePagedList(MembersProgressQuery, (d) => d.cadreCompliance, {
    variables: { year, departmentId },
  });
  const connection = data?.cadreCompliance;
  return (
    <Card
      title={
        <Typography.Title level={2} className="org-card-title">
          {t('dept.members.title', { year })}
        </Typography.Title>
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      <CadreComplianceTable cadres={connection?.nodes ?? []} loading={loading && !connection} />
      <LoadMore list={list} />
    </Card>
  );
}
