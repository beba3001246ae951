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
    metCount
    metShare
    onTrack
    atRisk
    behind
    exempt
    totalDays
    exemptDays
    averageDays
    hardshipShare
    overdueReports
  }
`);

interface DepartmentTableProps {
  departments: ReadonlyArray<FragmentType<typeof DepartmentTable_department>>;
  loading?: boolean;
}

export function DepartmentTable({ departments: refs, loading = false }: DepartmentTableProps) {
  const { t } = useTranslation();
  const rows = [...getFragmentData(DepartmentTable_department, refs)].sort((a, b) =>
    nameCollator.compare(a.departmentName ?? '', b.departmentName ?? ''),
  );
  const columns: TableColumnsType<DepartmentTable_DepartmentFragment> = [
    {
      title: t('compliance.department.name'),
      key: 'name',
      fixed: 'start',
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
    {
      title: t('compliance.tile.metShare'),
      key: 'met',
      align: 'end',
      render: (_, d) => `${formatShare(d.metShare)} (${d.metCount})`,
    },
    {
      title: t('compliance.department.progress'),
      key: 'progress',
      render: (_, d) =>
        t('compliance.department.progressValue', { onTrack: d.onTrack, atRisk: d.atRisk, behind: d.behind, exempt: d.exempt }),
    },
    { title: t('compliance.tile.totalDays'), key: 'days', align: 'end', render: (_, d) => formatCount(d.totalDays) },
    { title: t('compliance.tile.averageDays'), key: 'average', align: 'end', render: (_, d) => formatDecimal(d.averageDays) },
    { title: t('figures.exemptDaysColumn'), key: 'exemptDays', align: 'end', render: (_, d) => formatCount(d.exemptDays) },
    { title: t('compliance.tile.hardshipShare'), key: 'hardship', align: 'end', render: (_, d) => formatShare(d.hardshipShare) },
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
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.department.empty')} /> }}
    />
  );
}
