import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatDecimal } from '@/shared/format/number';

export const TrendChart_point = graphql(`
  fragment TrendChart_point on ProvinceCompliance {
    year
    averageDays
    metShare
    hasData
  }
`);

interface TrendCardProps {
  points: ReadonlyArray<FragmentType<typeof TrendChart_point>>;
  loading: boolean;
}

/** Average days per subject cadre over the last years; a year without data is left out, not drawn at 0. */
export function TrendCard({ points: refs, loading }: TrendCardProps) {
  const { t } = useTranslation();
  const points = getFragmentData(TrendChart_point, refs)
    .filter((p) => p.hasData)
    .map((p) => ({ year: String(p.year), average: Math.round(p.averageDays * 100) / 100 }));
  const title = t('compliance.trend.title');
  return (
    <Card title={<h2 className="card-title">{title}</h2>} loading={loading}>
      {points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.trend.empty')} />
      ) : (
        <figure className="chart chart--small" aria-label={title}>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(value) => [formatDecimal(Number(value)), t('compliance.tile.averageDays')]} />
              <Line type="monotone" dataKey="average" stroke="#0054a6" strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
          <figcaption className="sr-only">{points.map((p) => `${p.year}: ${formatDecimal(p.average)}`).join('; ')}</figcaption>
        </figure>
      )}
    </Card>
  );
}
