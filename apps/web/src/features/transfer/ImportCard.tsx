import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Spin, Table, Typography, Upload } from 'antd';
import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql } from '@/gql';
import type { ImportCard_JobFragment, ImportKind } from '@/gql/graphql';
import { downloadFile } from '@/shared/files/download';
import { formatCount } from '@/shared/format/number';
import { TEMPLATE_FILES, UploadError, checkFile, uploadImport } from './upload';
import { ImportJobQuery, ImportProgressSubscription } from './transfer.operations';

/** What the card shows of an import: its progress while it runs, its counts or problems once over. */
export const ImportCard_job = graphql(`
  fragment ImportCard_job on ImportJob {
    id
    kind
    fileName
    status
    phase
    percent
    processedRows
    totalRows
    createdCount
    updatedCount
    skippedCount
    problemCount
    message
    createdAt
    finishedAt
    problems {
      sheet
      row
      column
      message
    }
  }
`);

type ImportJobView = ImportCard_JobFragment;

const isFinished = (job: { status: string } | undefined | null): boolean => !!job && job.status !== 'RUNNING';

/**
 * An import job as it runs: pushed by the `importProgress` subscription, with the job read once at
 * the start (it may already be over) and again every few seconds in case the stream missed its end;
 * every 2 s when the subscription fails.
 */
function useImportJob(jobId: string): { job: ImportJobView | undefined; polling: boolean } {
  const [polling, setPolling] = useState(false);
  const [pushed, setPushed] = useState<ImportJobView | undefined>(undefined);
  const [readFinished, setReadFinished] = useState(false);
  const finishedByPush = isFinished(pushed);
  const interval = finishedByPush || readFinished ? 0 : polling ? 2000 : 5000;
  const query = useQuery(ImportJobQuery, {
    variables: { id: jobId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
    pollInterval: interval,
  });
  const read = getFragmentData(ImportCard_job, query.data?.importJob);
  if (isFinished(read) && !readFinished) setReadFinished(true);
  const finished = finishedByPush || isFinished(read);
  useSubscription(ImportProgressSubscription, {
    variables: { jobId },
    skip: polling || finished,
    onData: ({ data }) => {
      if (data.data) setPushed(getFragmentData(ImportCard_job, data.data.importProgress));
    },
    onError: () => setPolling(true),
  });
  const job = isFinished(pushed) ? pushed : isFinished(read) ? read : (pushed ?? read);
  return { job, polling };
}

type Problem = ImportJobView['problems'][number];

/** The outcome of a finished import: its counts, or the rows to fix. */
export function ImportOutcome({ job, onAgain }: { job: ImportJobView; onAgain: () => void }) {
  const { t } = useTranslation();
  const again = (
    <Button size="small" onClick={onAgain}>
      {t('transfer.import.another')}
    </Button>
  );
  if (job.status === 'DONE') {
    return (
      <Alert
        type="success"
        showIcon
        title={t('transfer.import.done', { name: job.fileName })}
        description={t('transfer.import.counts', {
          created: formatCount(job.createdCount),
          updated: formatCount(job.updatedCount),
          skipped: formatCount(job.skippedCount),
        })}
        action={again}
      />
    );
  }
  if (job.status === 'ERROR') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('transfer.import.error', { name: job.fileName })}
        description={job.message}
        action={again}
      />
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        title={t('transfer.import.invalid', { name: job.fileName, count: job.problemCount })}
        description={t('transfer.import.invalidHint')}
        action={again}
      />
      <Table<Problem & { key: number }>
        size="small"
        dataSource={job.problems.map((problem, key) => ({ ...problem, key }))}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('transfer.import.columns.sheet'), dataIndex: 'sheet', width: 120 },
          { title: t('transfer.import.columns.row'), dataIndex: 'row', width: 70, align: 'right' },
          { title: t('transfer.import.columns.column'), dataIndex: 'column', width: 200 },
          { title: t('transfer.import.columns.message'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}

function JobProgress({
  jobId,
  onFinished,
  onAgain,
}: {
  jobId: string;
  onFinished: (job: ImportJobView) => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const { job, polling } = useImportJob(jobId);
  const [reported, setReported] = useState(false);
  if (job && isFinished(job) && !reported) {
    setReported(true);
    onFinished(job);
  }
  if (job && isFinished(job)) return <ImportOutcome job={job} onAgain={onAgain} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {job ? t(`transfer.import.phases.${job.phase}`) : t('transfer.import.uploading')}
        {job && job.totalRows > 0 && (
          <Typography.Text type="secondary">
            {' · '}
            {t('transfer.import.rows', { processed: formatCount(job.processedRows), total: formatCount(job.totalRows) })}
          </Typography.Text>
        )}
      </Typography.Text>
      <Progress percent={job?.percent ?? 0} status="active" aria-label={t('transfer.import.phases.READING')} />
      {polling && <Typography.Text type="secondary">{t('transfer.import.polling')}</Typography.Text>}
    </Space>
  );
}

type Refusal = { title: string; message: string };

/** One kind of import: its template, the file drop, the live progress and the outcome. */
export function ImportCard({
  kind,
  onFinished,
  onProblems,
}: {
  kind: ImportKind;
  onFinished?: () => void;
  /** Told when the card shows a problems table (true) and when it no longer does (false): it needs room. */
  onProblems?: (shown: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile(`/files/templates/${TEMPLATE_FILES[kind]}`, TEMPLATE_FILES[kind]);
    } catch {
      message.error(t('transfer.import.templateFailed'));
    } finally {
      setTemplateBusy(false);
    }
  };

  const send = async (file: File) => {
    setRefusal(null);
    const problem = checkFile(file);
    if (problem) {
      setRefusal({
        title: t(problem === 'tooLarge' ? 'transfer.import.reasons.FILE_TOO_LARGE' : 'transfer.import.reasons.FILE_CORRUPT'),
        message:
          problem === 'tooLarge'
            ? t('transfer.import.tooLarge', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) })
            : t('transfer.import.wrongExtension', { name: file.name }),
      });
      return;
    }
    setUploading(true);
    try {
      setJobId(await uploadImport(kind, file));
    } catch (error) {
      const refused = error instanceof UploadError ? error : new UploadError(0);
      const reason = refused.reason as 'WRONG_TEMPLATE' | 'FILE_CORRUPT' | 'FILE_TOO_LARGE' | 'FILE_MISSING' | undefined;
      setRefusal({
        title: reason ? t(`transfer.import.reasons.${reason}`) : t('transfer.import.uploadFailed', { status: refused.status }),
        message: refused.serverMessage ?? t('transfer.import.uploadFailed', { status: refused.status }),
      });
    } finally {
      setUploading(false);
    }
  };

  const reset = () => {
    onProblems?.(false);
    setJobId(null);
    setRefusal(null);
  };

  return (
    <Card
      title={t(`transfer.import.kinds.${kind}`)}
      extra={
        <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void downloadTemplate()}>
          {t('transfer.import.template')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`transfer.import.descriptions.${kind}`)}</Typography.Text>
        {/* What happens to records already there: the same sentence as the template's guide sheet. */}
        <Typography.Text type="secondary">{t(`transfer.import.existing.${kind}`)}</Typography.Text>
        {jobId ? (
          <JobProgress
            jobId={jobId}
            onAgain={reset}
            onFinished={(job) => {
              onFinished?.();
              if (job.status === 'INVALID') onProblems?.(true);
            }}
          />
        ) : (
          <Spin spinning={uploading} description={t('transfer.import.uploading')}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('transfer.import.drop')}</p>
              <p className="ant-upload-hint">{t('transfer.import.dropHint')}</p>
            </Upload.Dragger>
          </Spin>
        )}
        {refusal && <Alert type="error" showIcon title={refusal.title} description={refusal.message} />}
      </Space>
    </Card>
  );
}
