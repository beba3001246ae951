import { Card, Descriptions, Empty, Progress, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatDateRange } from '@/shared/format/date';
import { ComplianceStatusTag } from './ComplianceStatusTag';

export const MyComplianceCard_compliance = graphql(`
  fragment MyComplianceCard_compliance on CadreCompliance {
    year
    countedDays
    requiredDays
    projectedDays
    upcomingDays
    hardshipDays
    status
    windowStart
    windowEnd
  }
`);

interface MyComplianceCardProps {
  compliance: FragmentType<typeof MyComplianceCard_compliance> | null | undefined;
  year: number;
  /** Years to choose from (next year's approved trips are planned days); none: no picker. */
  years?: readonly number[];
  onYearChange?: (year: number) => void;
  /** Days of trips done whose report is still missing: not counted yet, shown apart. */
  awaitingReportDays?: number;
  loading: boolean;
}

/** "Tiến độ của tôi": the viewer's own days this year against what they must do. */
export function MyComplianceCard({
  compliance: ref,
  year,
  years,
  onYearChange,
  awaitingReportDays = 0,
  loading,
}: MyComplianceCardProps) {
  const { t } = useTranslation();
  const mine = getFragmentData(MyComplianceCard_compliance, ref);
  const percent = mine && mine.requiredDays > 0 ? Math.min(100, Math.round((mine.countedDays / mine.requiredDays) * 100)) : 100;
  return (
    <Card
      className="my-compliance"
      title={<h2 className="card-title">{t('compliance.mine.title', { year })}</h2>}
      extra={
        <Space size={8}>
          {mine && <ComplianceStatusTag status={mine.status} />}
          {years && onYearChange && (
            <Select<number>
              aria-label={t('compliance.year')}
              className="picker picker--year"
              size="small"
              virtual={false}
              value={year}
              onChange={onYearChange}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          )}
        </Space>
      }
      loading={loading}
    >
      {mine ? (
        <div className="my-progress">
          <Progress
            type="circle"
            size={96}
            percent={percent}
            status={
              mine.status === 'BEHIND' || mine.status === 'NOT_MET' ? 'exception' : mine.status === 'MET' ? 'success' : 'normal'
            }
            format={() => `${mine.countedDays}/${mine.requiredDays}`}
            aria-label={t('compliance.cadre.daysValue', { counted: mine.countedDays, required: mine.requiredDays })}
          />
          <Descriptions column={1} size="small" colon={false}>
            <Descriptions.Item label={t('compliance.mine.counted')}>
              {t('compliance.cadre.daysValue', { counted: mine.countedDays, required: mine.requiredDays })}
            </Descriptions.Item>
            {awaitingReportDays > 0 && (
              <Descriptions.Item label={t('compliance.mine.awaiting')}>
                <Typography.Text type="warning" strong>
                  {t('compliance.mine.awaitingDays', { count: awaitingReportDays })}
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('compliance.mine.upcoming')}>
              {t('trip.daysCount', { count: mine.upcomingDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('compliance.cadre.projected')}>
              {t('trip.daysCount', { count: mine.projectedDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('compliance.mine.hardship')}>
              {t('trip.daysCount', { count: mine.hardshipDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('compliance.mine.window')}>
              {formatDateRange(mine.windowStart, mine.windowEnd)}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.mine.none')} />
      )}
    </Card>
  );
}
