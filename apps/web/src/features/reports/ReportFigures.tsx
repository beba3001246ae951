import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPage_ReportFragment } from '@/gql/graphql';
import { formatAmount } from '@/shared/format/money';
import { formatCount, formatDecimal, formatRatio, formatShare } from '@/shared/format/number';

type Figures = ReportPage_ReportFragment['figures'];

const List = ({ title, items }: { title: string; items: readonly string[] }) =>
  items.length === 0 ? null : (
    <div className="report-figures__list">
      <Typography.Text strong>{title}</Typography.Text>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );

/** The figures under "2. Kết quả theo nội dung": trips carried out (never mere registrations) and days per kind. */
export function KindFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      {figures.byKind.map((k) => (
        <Descriptions.Item key={k.kind} label={t(`reports.kind.${k.kind}`)}>
          {t('reports.kindLine', { trips: formatCount(k.trips), days: formatCount(k.days) })}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function TopicFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return (
    <>
      <List title={t('reports.topicsList')} items={figures.topics} />
      <List title={t('reports.goodModels')} items={figures.goodModels.map((m) => `${m.name} (${m.unitName})`)} />
    </>
  );
}

export function ActivityFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return <List title={t('reports.activities')} items={figures.activities} />;
}

export function InspectionFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return (
    <>
      <List
        title={t('reports.plans')}
        items={figures.inspectionPlans.map((p) => `${p.title}: ${t('reports.planLine', { ...p })}`)}
      />
      <p>
        {t('reports.conclusions')}: <strong>{formatCount(figures.conclusions)}</strong>
      </p>
      <List title={t('reports.external')} items={figures.externalInspections} />
    </>
  );
}

export function MeetingFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const coverage = figures.summary.coverage;
  return (
    <p data-testid="coverage">
      {t('reports.coverage')}: <strong>{formatRatio(coverage.reached, coverage.total)}</strong>
      {coverage.missing.length > 0 && ` — ${t('reports.missing', { names: coverage.missing.map((m) => m.name).join(', ') })}`}
    </p>
  );
}

export function TimeFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const s = figures.summary;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('reports.agencyStaff')}>
        {formatRatio(s.agencyStaff.count, s.agencyStaff.total)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reports.executiveMembers')}>
        {formatRatio(s.executiveMembers.count, s.executiveMembers.total)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reports.totalDays')}>{formatCount(s.totalDays)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.averageDays')}>{formatDecimal(s.averageDays)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.metShare', { days: s.requiredDays })}>
        {formatShare(s.metShare)} ({formatRatio(s.metCount, s.subjectCadres)})
      </Descriptions.Item>
      <Descriptions.Item label={t('reports.exempt')}>{formatCount(s.exempt)}</Descriptions.Item>
      {s.exemptDays > 0 && (
        <Descriptions.Item label={t('figures.exemptDaysColumn')}>{formatCount(s.exemptDays)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function IndicatorFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const i = figures.indicators;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('reports.indicator.lateTrips')}>{formatCount(i.lateTrips)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.overlappingTopics')}>{formatCount(i.overlappingTopics)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.unreportedTrips')}>{formatCount(i.unreportedTrips)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.hostRuleBreaches')}>{formatCount(i.hostRuleBreaches)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.overloadedHostWeeks')}>
        {formatCount(i.overloadedHostWeeks)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reports.hardshipShare')}>{formatShare(figures.summary.hardshipShare)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.estimatedCost')}>{formatAmount(i.estimatedCost)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.indicator.actualCost')}>{formatAmount(i.actualCost)}</Descriptions.Item>
    </Descriptions>
  );
}
