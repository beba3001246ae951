import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { nameCollator } from '@/shared/format/collator';

export const CoverageCard_coverage = graphql(`
  fragment CoverageCard_coverage on Coverage {
    reached
    total
    missing {
      unitId
      name
    }
  }
`);

/** Chapter-meeting coverage, "17/18 đơn vị", and the units nobody has visited yet. */
export function CoverageCard({ coverage: coverageRef }: { coverage: FragmentType<typeof CoverageCard_coverage> }) {
  const { t } = useTranslation();
  const coverage = getFragmentData(CoverageCard_coverage, coverageRef);
  const missing = [...coverage.missing].sort((a, b) => nameCollator.compare(a.name, b.name));
  return (
    <Card
      title={
        <h2 className="card-title" id="coverage-title">
          {t('compliance.coverage.title')}
        </h2>
      }
      extra={
        <span className="coverage__figure" data-testid="coverage">
          {t('compliance.coverage.units', { reached: coverage.reached, total: coverage.total })}
        </span>
      }
    >
      {coverage.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.coverage.none')} />
      ) : missing.length === 0 ? (
        <Typography.Text type="success">{t('compliance.coverage.all')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('compliance.coverage.missing')}</Typography.Paragraph>
          <ul className="tag-grid" aria-labelledby="coverage-title">
            {missing.map((unit) => (
              <li key={unit.unitId}>
                <Tag color="orange">{unit.name}</Tag>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
