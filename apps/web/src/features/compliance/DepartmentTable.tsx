import { Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { DepartmentTable_DepartmentFragment } from '@/gql/graphql';
import { nameCollator } from '@/shared/format/collator';
import { formatCount, formatDecimal, formatRatio, formatShare } from '@/shared/format/number';

export const DepartmentTable_department = graphql(`
  fragment DepartmentTable_department on DepartmentCompliance {
    departmentId
    departmentName
    subjectCadres
    agencyStaff {
      count
      total
    }
    executiveMembers {
      count
      total
    }
    hasData
    metCount
    metShare
    onTrack
    atRisk
    behind
    notMet
    exempt
    totalDays
    exemptDays
    averageDays
    hardshipShare
    overdueReports
  }
`);

/** Below this width the table scrolls inside its card; above, its headings wrap instead of widening the page. */
const DEPARTMENT_TABLE_MIN_WIDTH = 1000;

interface DepartmentTableProps {
  departments: ReadonlyArray<FragmentType<typeof DepartmentTable_department>>;
  loading?: boolean;
}

/** Whose state a column counts: together they add up to the department's subject cadres. */
const STATES = [
  ['MET', 'metCount'],
  ['ON_TRACK', 'onTrack'],
  ['AT_RISK', 'atRisk'],
  ['BEHIND', 'behind'],
  ['NOT_MET', 'notMet'],
] as const;

/**
 * Each department's figures. The state columns (met, on track, at risk, behind, not met) add up to the
 * subject headcount; cadres exempt all window stand apart. It fits a 1440 px screen without scrolling;
 * narrower screens scroll it inside its card.
 */
export function DepartmentTable({ departments: refs, loading = false }: DepartmentTableProps) {
  const { t } = useTranslation();
  const noData = <span className="muted">{t('compliance.noData')}</span>;
  const rows = [...getFragmentData(DepartmentTable_department, refs)].sort((a, b) =>
    nameCollator.compare(a.departmentName ?? '', b.departmentName ?? ''),
  );
  const columns: TableColumnsType<DepartmentTable_DepartmentFragment> = [
    {
      title: t('compliance.department.name'),
      key: 'name',
      fixed: 'start',
      width: 200,
      render: (_, d) => d.departmentName ?? t('compliance.department.none'),
    },
    { title: t('compliance.tile.subjectCadres'), key: 'subject', align: 'end', render: (_, d) => d.subjectCadres },
    {
      title: t('compliance.department.agencyStaff'),
      key: 'agency',
      align: 'end',
      render: (_, d) => formatRatio(d.agencyStaff.count, d.agencyStaff.total),
    },
    {
      title: t('compliance.department.executiveMembers'),
      key: 'executive',
      align: 'end',
      render: (_, d) => formatRatio(d.executiveMembers.count, d.executiveMembers.total),
    },
    ...STATES.map(([status, field]) => ({
      title: t(`compliance.status.${status}`),
      key: status,
      align: 'end' as const,
      render: (_: unknown, d: DepartmentTable_DepartmentFragment) => d[field],
    })),
    {
      title: t('compliance.department.metShare'),
      key: 'metShare',
      align: 'end',
      render: (_, d) => (d.hasData ? formatShare(d.metShare) : noData),
    },
    { title: t('compliance.status.EXEMPT'), key: 'exempt', align: 'end', render: (_, d) => d.exempt },
    { title: t('compliance.tile.totalDays'), key: 'days', align: 'end', render: (_, d) => formatCount(d.totalDays) },
    {
      title: t('compliance.tile.averageDays'),
      key: 'average',
      align: 'end',
      render: (_, d) => (d.hasData ? formatDecimal(d.averageDays) : noData),
    },
    { title: t('figures.exemptDaysColumn'), key: 'exemptDays', align: 'end', render: (_, d) => formatCount(d.exemptDays) },
    {
      title: t('compliance.tile.hardshipShare'),
      key: 'hardship',
      align: 'end',
      render: (_, d) => (d.hasData && d.totalDays > 0 ? formatShare(d.hardshipShare) : noData),
    },
    { title: t('compliance.tile.overdueReports'), key: 'overdue', align: 'end', render: (_, d) => d.overdueReports },
  ];
  return (
    <Table<DepartmentTable_DepartmentFragment>
      rowKey={(d) => d.departmentId ?? 'none'}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      className="department-table"
      tableLayout="auto"
      scroll={{ x: DEPARTMENT_TABLE_MIN_WIDTH }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.department.empty')} /> }}
    />
  );
}
