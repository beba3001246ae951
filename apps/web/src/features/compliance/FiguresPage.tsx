import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const TERMS = [
  'subject',
  'counted',
  'required',
  'met',
  'status',
  'totals',
  'noData',
  'trips',
  'coverage',
  'hardship',
  'parts',
] as const;
const ROWS = ['binh', 'cuc', 'dung', 'an'] as const;
const COLUMNS = ['cadre', 'exemptions', 'available', 'required', 'counted', 'status'] as const;

/**
 * "Cách tính số liệu": how every figure of the dashboard, the central comparison and the annual report
 * is computed, with a worked example. The report's annex prints the same definitions (API
 * `compliance.definitions.ts`); keep the two in step.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  return (
    <Card className="figures-help">
      <Typography.Title level={1} className="page-title">
        {t('figures.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('figures.intro')}</Typography.Paragraph>
      <Typography.Title level={2}>{t('figures.termsTitle')}</Typography.Title>
      <dl>
        {TERMS.map((term) => (
          <div key={term} id={`figure-${term}`}>
            <dt>
              <Typography.Text strong>{t(`figures.terms.${term}.term`)}</Typography.Text>
            </dt>
            <dd>
              <Typography.Paragraph>{t(`figures.terms.${term}.text`)}</Typography.Paragraph>
            </dd>
          </div>
        ))}
      </dl>
      <Typography.Title level={2}>{t('figures.example.title')}</Typography.Title>
      <Typography.Paragraph>{t('figures.example.intro')}</Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={ROWS.map((key) => ({ key }))}
        columns={COLUMNS.map((column) => ({
          key: column,
          title: t(`figures.example.columns.${column}`),
          render: (_: unknown, row: { key: (typeof ROWS)[number] }) => t(`figures.example.rows.${row.key}.${column}`),
        }))}
      />
      <Typography.Paragraph className="figures-help__result">{t('figures.example.result')}</Typography.Paragraph>
    </Card>
  );
}
