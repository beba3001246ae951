import { Empty, Progress, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { CadreComplianceTable_CadreFragment } from '@/gql/graphql';
import { ComplianceStatusTag } from './ComplianceStatusTag';

export const CadreComplianceTable_cadre = graphql(`
  fragment CadreComplianceTable_cadre on CadreCompliance {
    cadreId
    fullName
    countedDays
    requiredDays
    projectedDays
    hardshipDays
    status
    byKind {
      topic
      coordination
      inspection
      meeting
    }
  }
`);

interface CadreComplianceTableProps {
  cadres: ReadonlyArray<FragmentType<typeof CadreComplianceTable_cadre>>;
  loading?: boolean;
}

/** Each cadre's days against what they must do; the API orders them by Vietnamese name. */
export function CadreComplianceTable({ cadres: refs, loading = false }: CadreComplianceTableProps) {
  const { t } = useTranslation();
  const cadres = getFragmentData(CadreComplianceTable_cadre, refs);
  const columns: TableColumnsType<CadreComplianceTable_CadreFragment> = [
    { title: t('compliance.cadre.name'), key: 'name', fixed: 'start', render: (_, c) => c.fullName },
    {
      title: t('compliance.cadre.days'),
      key: 'days',
      width: 200,
      render: (_, c) => (
        <div className="days-progress">
          <span className="nowrap">{t('compliance.cadre.daysValue', { counted: c.countedDays, required: c.requiredDays })}</span>
          <Progress
            percent={c.requiredDays > 0 ? Math.min(100, Math.round((c.countedDays / c.requiredDays) * 100)) : 100}
            size="small"
            showInfo={false}
            status={c.status === 'MET' ? 'success' : c.status === 'BEHIND' || c.status === 'NOT_MET' ? 'exception' : 'normal'}
            aria-label={t('compliance.cadre.daysValue', { counted: c.countedDays, required: c.requiredDays })}
          />
        </div>
      ),
    },
    { title: t('compliance.cadre.status'), key: 'status', render: (_, c) => <ComplianceStatusTag status={c.status} /> },
    { title: t('compliance.cadre.projected'), key: 'projected', align: 'end', render: (_, c) => c.projectedDays },
    {
      title: t('compliance.cadre.byKind'),
      key: 'byKind',
      render: (_, c) => (
        <span className="nowrap">
          {t('compliance.cadre.byKindValue', {
            topic: c.byKind.topic,
            coordination: c.byKind.coordination,
            inspection: c.byKind.inspection,
            meeting: c.byKind.meeting,
          })}
        </span>
      ),
    },
    { title: t('compliance.cadre.hardship'), key: 'hardship', align: 'end', render: (_, c) => c.hardshipDays },
  ];
  return (
    <Table<CadreComplianceTable_CadreFragment>
      rowKey="cadreId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={cadres}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.cadre.empty')} /> }}
    />
  );
}
