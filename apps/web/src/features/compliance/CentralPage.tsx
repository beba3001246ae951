import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Card, Result, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSearchParamsMerge } from '@/shared/hooks/useSearchParamsMerge';
import type { ComparisonOrder } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { CentralTable } from './CentralTable';
import { useViewerCan } from '@/features/shell';
import { CentralComparisonQuery, ComplianceChangedSubscription } from './compliance.operations';
import { selectableYears, yearParam } from './complianceScope';
import { MetShareChart } from './MetShareChart';

const ORDERS: readonly ComparisonOrder[] = ['MET_SHARE', 'AVERAGE_DAYS', 'COVERAGE', 'HARDSHIP_SHARE', 'LATE_TRIPS', 'NAME'];

function orderParam(value: string | null): ComparisonOrder {
  return ORDERS.find((o) => o === value) ?? 'MET_SHARE';
}

/** The central union's view: every province's results in one year, drilling down into one. */
export function CentralPage() {
  const { t } = useTranslation();
  const currentYear = new Date().getFullYear();
  const [params, merge] = useSearchParamsMerge();
  const year = yearParam(params.get('year'), currentYear);
  const orderBy = orderParam(params.get('orderBy'));
  const { can, loading: canLoading } = useViewerCan();
  const allowed = !!can?.readCentralComparison;
  const { data, previousData, loading, error, refetch } = useQuery(CentralComparisonQuery, {
    variables: { year, orderBy },
    skip: !allowed,
  });
  // Central users hear every province; the server coalesces bursts, so each push is one refetch.
  useSubscription(ComplianceChangedSubscription, {
    variables: { year },
    skip: !allowed,
    onData: () => void refetch(),
  });
  const rows = (data ?? previousData)?.centralComparison ?? [];

  const choose = (next: { year?: number; orderBy?: ComparisonOrder }) => merge(next);

  if (canLoading && !can) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (can && !allowed) return <Result status="403" title={t('central.forbidden')} />;

  return (
    <div className="dashboard">
      <Card>
        <div className="page-head">
          <Typography.Title level={1} className="page-title">
            {t('central.title', { year })}
          </Typography.Title>
          <div className="field field--inline">
            <label htmlFor="central-year">{t('compliance.year')}</label>
            <Select<number>
              id="central-year"
              className="picker picker--year"
              virtual={false}
              value={year}
              onChange={(y) => choose({ year: y })}
              options={selectableYears(currentYear).map((y) => ({ value: y, label: String(y) }))}
            />
          </div>
        </div>
        <Typography.Paragraph type="secondary">
          {t('central.intro')} <Link to="/figures">{t('figures.link')}</Link>
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
        <CentralTable rows={rows} year={year} orderBy={orderBy} onOrderBy={(o) => choose({ orderBy: o })} loading={loading} />
      </Card>
      <Card title={<h2 className="card-title">{t('central.chartTitle')}</h2>} loading={loading && rows.length === 0}>
        <MetShareChart rows={rows} />
      </Card>
    </div>
  );
}
