import { Empty, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ColumnType, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { CentralTable_RowFragment, ComparisonOrder } from '@/gql/graphql';
import { formatCount, formatDecimal, formatRatio, formatShare } from '@/shared/format/number';

export const CentralTable_row = graphql(`
  fragment CentralTable_row on ProvinceCompliance {
    provinceId
    province {
      id
      name
      status
    }
    subjectCadres
    hasData
    metShare
    averageDays
    hardshipShare
    lateTrips
    tripsRegistered
    tripsApproved
    tripsCarriedOut
    totalDays
    coverage {
      reached
      total
    }
  }
`);

/** Below this width the table scrolls inside its card; above, its headings wrap instead of widening the page. */
const CENTRAL_TABLE_MIN_WIDTH = 900;

interface CentralTableProps {
  rows: ReadonlyArray<FragmentType<typeof CentralTable_row>>;
  year: number;
  orderBy: ComparisonOrder;
  onOrderBy: (order: ComparisonOrder) => void;
  loading?: boolean;
}

/**
 * Every province's figures side by side; the API sorts, a header click asks it to, and provinces without
 * data come last. Their shares and averages read "Chưa có số liệu", never 0%.
 */
export function CentralTable({ rows: refs, year, orderBy, onOrderBy, loading = false }: CentralTableProps) {
  const { t } = useTranslation();
  const noData = <span className="muted">{t('compliance.noData')}</span>;
  const navigate = useNavigate();
  const rows = getFragmentData(CentralTable_row, refs);
  const drill = (provinceId: number) => `/dashboard?province=${provinceId}&year=${year}`;
  const sortable = (order: ComparisonOrder): ColumnType<CentralTable_RowFragment> => {
    const direction: SortOrder = order === 'NAME' ? 'ascend' : 'descend';
    return {
      sorter: true,
      sortOrder: orderBy === order ? direction : null,
      sortDirections: [direction],
      showSorterTooltip: false,
    };
  };

  const columns: TableColumnsType<CentralTable_RowFragment> = [
    {
      title: t('compliance.province'),
      key: 'NAME',
      fixed: 'start',
      ...sortable('NAME'),
      render: (_, r) => (
        <Link to={drill(r.provinceId)} onClick={(e) => e.stopPropagation()}>
          {r.province.status === 'MERGED' ? t('compliance.historical', { name: r.province.name }) : r.province.name}
        </Link>
      ),
    },
    { title: t('compliance.tile.subjectCadres'), key: 'subject', align: 'end', render: (_, r) => formatCount(r.subjectCadres) },
    {
      title: t('compliance.tile.metShare'),
      key: 'MET_SHARE',
      align: 'end',
      ...sortable('MET_SHARE'),
      render: (_, r) => (r.hasData ? formatShare(r.metShare) : noData),
    },
    {
      title: t('compliance.tile.averageDays'),
      key: 'AVERAGE_DAYS',
      align: 'end',
      ...sortable('AVERAGE_DAYS'),
      render: (_, r) => (r.hasData ? formatDecimal(r.averageDays) : noData),
    },
    {
      title: t('compliance.coverage.short'),
      key: 'COVERAGE',
      align: 'end',
      ...sortable('COVERAGE'),
      render: (_, r) => formatRatio(r.coverage.reached, r.coverage.total),
    },
    {
      title: t('compliance.tile.hardshipShare'),
      key: 'HARDSHIP_SHARE',
      align: 'end',
      ...sortable('HARDSHIP_SHARE'),
      render: (_, r) => (r.hasData && r.totalDays > 0 ? formatShare(r.hardshipShare) : noData),
    },
    {
      title: t('compliance.tile.tripsCarriedOut'),
      key: 'trips',
      align: 'end',
      render: (_, r) => (
        <span
          title={t('compliance.tile.tripsCarriedOutNote', {
            registered: formatCount(r.tripsRegistered),
            approved: formatCount(r.tripsApproved ?? 0),
          })}
        >
          {formatCount(r.tripsCarriedOut ?? 0)}
        </span>
      ),
    },
    {
      title: t('compliance.tile.lateTrips'),
      key: 'LATE_TRIPS',
      align: 'end',
      ...sortable('LATE_TRIPS'),
      render: (_, r) => r.lateTrips,
    },
  ];

  const onChange: TableProps<CentralTable_RowFragment>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    onOrderBy(one?.order ? (String(one.columnKey) as ComparisonOrder) : 'NAME');
  };

  return (
    <Table<CentralTable_RowFragment>
      rowKey="provinceId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      className="central-table"
      tableLayout="auto"
      scroll={{ x: CENTRAL_TABLE_MIN_WIDTH }}
      onChange={onChange}
      onRow={(r) => ({ onClick: () => void navigate(drill(r.provinceId)), className: 'row-link' })}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('central.empty')} /> }}
    />
  );
}
