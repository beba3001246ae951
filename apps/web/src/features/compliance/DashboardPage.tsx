import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Card, Empty, Input, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData } from '@/gql';
import type { ComplianceStatus } from '@/gql/graphql';
import { ExportButton } from '@/features/transfer';
import { errorMessage } from '@/shared/apollo/errors';
import { LoadMore } from '@/shared/paging/LoadMore';
import { useRefetchLoaded } from '@/shared/paging/refetchLoaded';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { CadreComplianceTable } from './CadreComplianceTable';
import { ComplianceChangedSubscription, ComplianceTrendQuery, DashboardQuery } from './compliance.operations';
import { FIRST_YEAR, selectableYears } from './complianceScope';
import { useProvinceScope } from './useProvinceScope';
import { COMPLIANCE_STATUSES } from './ComplianceStatusTag';
import { ComplianceTiles } from './ComplianceTiles';
import { CoverageCard } from './CoverageCard';
import { DashboardAlerts } from './DashboardAlerts';
import { HostLoadCalendar } from './HostLoadCalendar';
import { DepartmentTable, DepartmentTable_department } from './DepartmentTable';
import { ProvincePicker } from './ProvincePicker';
import { TrendCard } from './TrendCard';
import { useClearable } from '@/shared/forms/useClearable';

/** How long "Vừa cập nhật" stays after a live update. */
const FRESH_MS = 8000;
const TREND_YEARS = 5;

export function DashboardPage() {
  const clearable = useClearable();
  const { t } = useTranslation();
  // The page, and whether any province may be picked or only one's own and its predecessors: the API's me.can.
  const {
    allowed,
    can,
    deciding,
    central,
    currentYear,
    year,
    choices,
    choicesLoading,
    provinceId,
    chosen,
    choose: chooseScope,
  } = useProvinceScope((c) => c.readDashboard);

  const [search, setSearch] = useState('');
  const [statuses, setStatuses] = useState<ComplianceStatus[]>([]);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const debounced = useDebouncedValue(search.trim(), 300);
  const filter = {
    search: debounced || null,
    statuses: statuses.length ? statuses : null,
    departmentId: departmentId ?? null,
  };
  const { data, previousData, loading, error, list } = usePagedList(DashboardQuery, (d) => d.cadreCompliance, {
    variables: { year, provinceId, filter },
    skip: !allowed || provinceId === undefined,
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const trend = useQuery(ComplianceTrendQuery, {
    variables: { fromYear: Math.max(FIRST_YEAR, year - TREND_YEARS + 1), toYear: year, provinceId },
    skip: !allowed || provinceId === undefined,
  });
  const refetchShown = useRefetchLoaded(['Dashboard']);

  const [freshAt, setFreshAt] = useState<number | null>(null);
  useEffect(() => {
    if (freshAt === null) return;
    const timer = setTimeout(() => setFreshAt(null), FRESH_MS);
    return () => clearTimeout(timer);
  }, [freshAt]);
  useSubscription(ComplianceChangedSubscription, {
    variables: { year },
    skip: !allowed || provinceId === undefined,
    onData: ({ data: pushed }) => {
      if (pushed.data?.complianceChanged.province.provinceId !== provinceId) return;
      // The rows loaded with "Xem thêm" stay: the list fetches again as many as it shows.
      void Promise.all([refetchShown(), trend.refetch()]).then(() => setFreshAt(Date.now()));
    },
  });

  const choose = (next: { province?: number; year?: number }) => {
    setDepartmentId(undefined);
    chooseScope(next);
  };

  if (deciding) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (can && !allowed) return <Result status="403" title={t('compliance.forbidden')} />;

  const figures = shown?.provinceCompliance;
  const departments = getFragmentData(DepartmentTable_department, shown?.departmentCompliance ?? []);
  const cadres = shown?.cadreCompliance;
  const firstLoad = loading && !shown;
  const historical = chosen?.historical ?? false;

  return (
    <div className="dashboard">
      <Card>
        <div className="page-head">
          <Typography.Title level={1} className="page-title">
            {chosen ? t('compliance.titleOf', { name: chosen.name, year }) : t('compliance.title')}
          </Typography.Title>
          <div className="page-head__side" aria-live="polite">
            {freshAt !== null && (
              <Tag color="green" className="fresh-tag">
                {t('compliance.fresh')}
              </Tag>
            )}
            {historical && <Tag>{t('compliance.readOnly')}</Tag>}
          </div>
        </div>
        <Link className="figures-link" to="/figures">
          {t('figures.link')}
        </Link>
        <div className="dashboard__pickers">
          {choices.length > 1 || central ? (
            <div className="field">
              <label htmlFor="dashboard-province">{t('compliance.province')}</label>
              <ProvincePicker
                id="dashboard-province"
                choices={choices}
                value={provinceId}
                loading={choicesLoading}
                onChange={(id) => choose({ province: id })}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="dashboard-year">{t('compliance.year')}</label>
            <Select<number>
              id="dashboard-year"
              className="picker picker--year"
              virtual={false}
              value={year}
              onChange={(y) => choose({ year: y })}
              options={selectableYears(currentYear).map((y) => ({ value: y, label: String(y) }))}
            />
          </div>
        </div>
      </Card>

      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}

      {provinceId === undefined ? (
        <Card>
          <Empty description={t('compliance.pickProvinceFirst')} />
        </Card>
      ) : (
        <>
          {figures ? (
            <ComplianceTiles figures={figures} />
          ) : (
            <Card loading={firstLoad}>{!firstLoad && <Empty description={t('compliance.noFigures')} />}</Card>
          )}

          <div className="dashboard__row">
            {figures ? <CoverageCard coverage={figures.coverage} /> : <Card loading={firstLoad} />}
            <TrendCard points={trend.data?.complianceTrend ?? []} loading={trend.loading && !trend.data} />
          </div>

          <div className="dashboard__row">
            <DashboardAlerts year={year} provinceId={provinceId} freshAt={freshAt} />
            <HostLoadCalendar year={year} provinceId={provinceId} freshAt={freshAt} />
          </div>

          <Card title={<h2 className="card-title">{t('compliance.department.title')}</h2>}>
            <DepartmentTable departments={shown?.departmentCompliance ?? []} loading={firstLoad} />
          </Card>

          <Card
            title={<h2 className="card-title">{t('compliance.cadre.title')}</h2>}
            extra={
              <span className="muted">
                {cadres && t('compliance.cadre.count', { count: cadres.totalCount })}{' '}
                <ExportButton list="cadres" size="small" variables={{ year, provinceId, filter }} />
              </span>
            }
          >
            <div className="filters" role="search" aria-label={t('compliance.cadre.filters')}>
              <Input.Search
                allowClear
                aria-label={t('compliance.cadre.search')}
                placeholder={t('compliance.cadre.search')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <Select<ComplianceStatus[]>
                mode="multiple"
                allowClear={clearable}
                aria-label={t('compliance.cadre.status')}
                placeholder={t('compliance.cadre.allStatuses')}
                value={statuses}
                onChange={setStatuses}
                options={COMPLIANCE_STATUSES.map((s) => ({ value: s, label: t(`compliance.status.${s}`) }))}
              />
              <Select<string>
                allowClear={clearable}
                aria-label={t('compliance.department.name')}
                placeholder={t('compliance.cadre.allDepartments')}
                value={departmentId}
                onChange={setDepartmentId}
                options={departments
                  .filter((d) => d.departmentId)
                  .map((d) => ({ value: d.departmentId ?? '', label: d.departmentName ?? '' }))}
              />
            </div>
            <CadreComplianceTable cadres={cadres?.nodes ?? []} loading={loading && !list.loadingMore} />
            <LoadMore list={list} />
          </Card>
        </>
      )}
    </div>
  );
}
