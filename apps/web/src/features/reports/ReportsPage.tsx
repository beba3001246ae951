import { useQuery } from '@apollo/client/react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Result, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData } from '@/gql';
import { ProvincePicker, selectableYears, useProvinceScope } from '@/features/compliance';
import { errorMessage } from '@/shared/apollo/errors';
import { formatLocalDate } from '@/shared/format/date';
import { formatCount, formatDecimal, formatRatio, formatShare } from '@/shared/format/number';
import { DownloadError, downloadReport } from './downloadReport';
import { ReportEditor } from './ReportEditor';
import { AnnualReportQuery, CentralReportQuery, ReportPage_report } from './reports.operations';

function useDownload() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (path: string, fallback: string) => {
    setBusy(path);
    try {
      const name = await downloadReport(path, fallback);
      message.success(t('reports.downloaded', { name }));
    } catch (error) {
      const status = error instanceof DownloadError ? error.status : 0;
      message.error(status === 404 || status === 403 ? t('reports.downloadNotFound') : t('reports.downloadFailed', { status }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export function ReportsPage() {
  const { t } = useTranslation();
  // Who opens the page, picks any province and sees the central report: the API's me.can; what they may
  // do with a report: its viewerCan.
  const { allowed, can, deciding, central, currentYear, year, choices, choicesLoading, provinceId, chosen, choose } =
    useProvinceScope((c) => c.readReports);

  const { data, loading, error, refetch } = useQuery(AnnualReportQuery, {
    variables: { year, provinceId },
    skip: !allowed || provinceId === undefined,
  });
  const report = data ? getFragmentData(ReportPage_report, data.annualReport) : undefined;
  const download = useDownload();

  if (deciding) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (can && !allowed) return <Result status="403" title={t('reports.forbidden')} />;

  const fileBase = `/files/reports/${provinceId}/${year}`;
  return (
    <div className="reports">
      <Card>
        <div className="page-head">
          <Typography.Title level={1} className="page-title">
            {chosen ? t('reports.titleOf', { year, name: chosen.name }) : t('reports.title')}
          </Typography.Title>
          <div className="page-head__side" aria-live="polite">
            {report &&
              (report.status === 'FINAL' ? (
                <Tag color="green">
                  {t('reports.final', { number: report.number, date: report.issuedOn ? formatLocalDate(report.issuedOn) : '' })}
                </Tag>
              ) : (
                <Tag color="gold">{t('reports.draft')}</Tag>
              ))}
          </div>
        </div>
        <Link className="figures-link" to="/figures">
          {t('figures.link')}
        </Link>
        <div className="dashboard__pickers">
          {(choices.length > 1 || central) && (
            <div className="field">
              <label htmlFor="report-province">{t('reports.province')}</label>
              <ProvincePicker
                id="report-province"
                choices={choices}
                value={provinceId}
                loading={choicesLoading}
                onChange={(id) => choose({ province: id })}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor="report-year">{t('reports.year')}</label>
            <Select<number>
              id="report-year"
              className="picker picker--year"
              virtual={false}
              value={year}
              onChange={(y) => choose({ year: y })}
              options={selectableYears(currentYear).map((y) => ({ value: y, label: String(y) }))}
            />
          </div>
          {report?.viewerCan.download && (
            <div className="form-actions">
              <Button
                icon={<DownloadOutlined />}
                loading={download.busy === `${fileBase}.docx`}
                onClick={() => void download.run(`${fileBase}.docx`, `bao-cao-1-2-${year}.docx`)}
              >
                {t('reports.downloadDocx')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={download.busy === `${fileBase}.xlsx`}
                onClick={() => void download.run(`${fileBase}.xlsx`, `phu-luc-1-2-${year}.xlsx`)}
              >
                {t('reports.downloadXlsx')}
              </Button>
            </div>
          )}
        </div>
        {report && (
          <Typography.Paragraph type="secondary" className="report-hint">
            {report.status === 'FINAL'
              ? t('reports.finalHint')
              : t('reports.draftHint', { date: formatLocalDate(report.figures.computedOn) })}
            {report.status !== 'FINAL' && !report.viewerCan.edit && ` ${t('reports.readOnly')}`}
          </Typography.Paragraph>
        )}
      </Card>

      {can?.readCentralReport && <CentralReportCard year={year} />}

      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {provinceId === undefined ? (
        <Card>
          <Empty description={t('reports.pickProvince')} />
        </Card>
      ) : report ? (
        <ReportEditor key={`${report.provinceId}-${report.year}-${report.status}`} report={report} reload={() => refetch()} />
      ) : (
        loading && (
          <Card>
            <Typography.Text type="secondary">{t('reports.loading')}</Typography.Text>
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        )
      )}
    </div>
  );
}

function CentralReportCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(CentralReportQuery, { variables: { year } });
  const download = useDownload();
  const rows = data?.centralReport.provinces ?? [];
  const base = `/files/central/${year}`;
  return (
    <Card
      title={<h2 className="card-title">{t('reports.central.title', { year })}</h2>}
      extra={
        <div className="form-actions">
          <Button
            icon={<DownloadOutlined />}
            loading={download.busy === `${base}.docx`}
            onClick={() => void download.run(`${base}.docx`, `tong-hop-1-2-${year}.docx`)}
          >
            {t('reports.central.downloadDocx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={download.busy === `${base}.xlsx`}
            onClick={() => void download.run(`${base}.xlsx`, `tong-hop-1-2-${year}.xlsx`)}
          >
            {t('reports.central.downloadXlsx')}
          </Button>
        </div>
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      <Table
        size="small"
        loading={loading && !data}
        rowKey={(r) => r.summary.provinceId}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true, y: 360 }}
        columns={[
          { title: t('reports.central.province'), render: (_, r) => r.summary.province.name },
          {
            title: t('reports.central.agency'),
            render: (_, r) => formatRatio(r.summary.agencyStaff.count, r.summary.agencyStaff.total),
          },
          {
            title: t('reports.central.executive'),
            render: (_, r) => formatRatio(r.summary.executiveMembers.count, r.summary.executiveMembers.total),
          },
          { title: t('reports.central.totalDays'), align: 'right', render: (_, r) => formatCount(r.summary.totalDays) },
          { title: t('reports.central.averageDays'), align: 'right', render: (_, r) => formatDecimal(r.summary.averageDays) },
          { title: t('reports.central.metShare'), align: 'right', render: (_, r) => formatShare(r.summary.metShare) },
          {
            title: t('reports.central.coverage'),
            render: (_, r) => formatRatio(r.summary.coverage.reached, r.summary.coverage.total),
          },
          {
            title: t('reports.central.status'),
            render: (_, r) =>
              r.reportStatus === 'FINAL'
                ? `${r.reportNumber}-BC/TĐTN`
                : r.reportStatus === 'DRAFT'
                  ? t('reports.draft')
                  : t('reports.central.none'),
          },
        ]}
      />
    </Card>
  );
}
