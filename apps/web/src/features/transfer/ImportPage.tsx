import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CanGate } from '@/features/organisation';
import { getFragmentData, graphql } from '@/gql';
import type { ImportKind, ImportStatus, RecentImports_JobFragment } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateTime } from '@/shared/format/date';
import { formatCount } from '@/shared/format/number';
import { ImportCard } from './ImportCard';
import { ImportJobsQuery } from './transfer.operations';

/** A row of the recent imports: what was imported, when, and how it ended. */
export const RecentImports_job = graphql(`
  fragment RecentImports_job on ImportJob {
    id
    kind
    fileName
    status
    createdCount
    updatedCount
    skippedCount
    problemCount
    createdAt
  }
`);

type Job = RecentImports_JobFragment;

const KINDS: readonly ImportKind[] = ['UNITS', 'ROSTER', 'TRIPS'];
const STATUS_COLOR: Record<ImportStatus, string> = { RUNNING: 'processing', DONE: 'success', INVALID: 'warning', ERROR: 'error' };

function useRecentImports() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ImportJobsQuery, {
    variables: { first: 10 },
    fetchPolicy: 'cache-and-network',
  });
  return {
    refetch: () => void refetch(),
    card: (
      <Card title={t('transfer.import.recent')}>
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />}
        <Table<Job>
          size="small"
          rowKey="id"
          loading={loading && !data}
          dataSource={getFragmentData(RecentImports_job, data?.importJobs ?? [])}
          pagination={false}
          locale={{ emptyText: t('transfer.import.recentEmpty') }}
          scroll={{ x: 640 }}
          columns={[
            {
              title: t('transfer.import.recentColumns.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (value: string) => formatDateTime(value),
            },
            {
              title: t('transfer.import.recentColumns.kind'),
              dataIndex: 'kind',
              width: 190,
              render: (kind: ImportKind) => t(`transfer.import.kinds.${kind}`),
            },
            { title: t('transfer.import.recentColumns.fileName'), dataIndex: 'fileName', ellipsis: true },
            {
              title: t('transfer.import.recentColumns.status'),
              key: 'status',
              width: 280,
              render: (_: unknown, job: Job) => (
                <>
                  <Tag color={STATUS_COLOR[job.status]}>{t(`transfer.import.statuses.${job.status}`)}</Tag>
                  <Typography.Text type="secondary">
                    {job.status === 'DONE' &&
                      t('transfer.import.result', {
                        created: formatCount(job.createdCount),
                        updated: formatCount(job.updatedCount),
                        skipped: formatCount(job.skippedCount),
                      })}
                    {job.status === 'INVALID' && t('transfer.import.problemCount', { count: job.problemCount })}
                  </Typography.Text>
                </>
              ),
            },
          ]}
        />
      </Card>
    ),
  };
}

function ImportContent() {
  const { t } = useTranslation();
  const recent = useRecentImports();
  // A card listing a file's problems takes the whole width, so the table stays readable.
  const [wide, setWide] = useState<ReadonlySet<ImportKind>>(new Set());
  const widen = (kind: ImportKind) => (shown: boolean) =>
    setWide((now) => {
      const next = new Set(now);
      if (shown) next.add(kind);
      else next.delete(kind);
      return next;
    });
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={1} className="page-title">
          {t('transfer.import.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('transfer.import.intro')}
        </Typography.Paragraph>
      </Col>
      {KINDS.map((kind) => (
        <Col key={kind} xs={24} xl={wide.has(kind) ? 24 : 8}>
          <ImportCard kind={kind} onFinished={recent.refetch} onProblems={widen(kind)} />
        </Col>
      ))}
      <Col span={24}>{recent.card}</Col>
    </Row>
  );
}

/** `/organisation/import`: the organisation department loads its units, roster and past trips from Excel. */
export function ImportPage() {
  return <CanGate can="importData">{() => <ImportContent />}</CanGate>;
}
