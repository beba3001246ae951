import { Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { ProvinceStatus, ProvincesTable_ProvinceFragment } from '@/gql/graphql';
import { nameCollator } from '@/shared/format/collator';
import { formatLocalDate } from '@/shared/format/date';

export const ProvincesTable_province = graphql(`
  fragment ProvincesTable_province on Province {
    id
    code
    name
    status
    mergedOn
    successor {
      id
      name
    }
  }
`);

type StatusFilter = ProvinceStatus | 'ALL';
const STATUS_FILTERS: readonly StatusFilter[] = ['ALL', 'ACTIVE', 'MERGED'];

interface ProvincesTableProps {
  provinces: ReadonlyArray<FragmentType<typeof ProvincesTable_province>>;
  loading?: boolean;
}

export function ProvincesTable({ provinces: provinceRefs, loading = false }: ProvincesTableProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('ALL');
  const provinces = getFragmentData(ProvincesTable_province, provinceRefs);

  const rows = useMemo(
    () => provinces.filter((p) => status === 'ALL' || p.status === status).sort((a, b) => nameCollator.compare(a.name, b.name)),
    [provinces, status],
  );

  const columns: TableColumnsType<ProvincesTable_ProvinceFragment> = [
    { title: t('province.code'), dataIndex: 'code', key: 'code', width: 72 },
    { title: t('province.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('province.status'),
      key: 'status',
      render: (_, province) =>
        province.status === 'ACTIVE' ? (
          <Tag color="success">{t('province.statusValue.ACTIVE')}</Tag>
        ) : (
          <span className="province-status">
            <Tag className="province-status__tag">
              {province.successor
                ? t('province.mergedInto', { successor: province.successor.name })
                : t('province.statusValue.MERGED')}
            </Tag>
            {province.mergedOn && (
              <Typography.Text type="secondary" className="province-status__date">
                {t('province.mergedOn', { date: formatLocalDate(province.mergedOn) })}
              </Typography.Text>
            )}
          </span>
        ),
    },
  ];

  return (
    <section aria-labelledby="provinces-title" className="provinces">
      <div className="provinces__toolbar">
        <Typography.Title level={2} id="provinces-title" className="card-title">
          {t('province.listTitle')}
        </Typography.Title>
        <Segmented<StatusFilter>
          aria-label={t('province.status')}
          value={status}
          onChange={setStatus}
          options={STATUS_FILTERS.map((value) => ({
            value,
            label: value === 'ALL' ? t('province.all') : t(`province.statusValue.${value}`),
          }))}
        />
      </div>
      <Table<ProvincesTable_ProvinceFragment>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('province.empty') }}
      />
    </section>
  );
}
