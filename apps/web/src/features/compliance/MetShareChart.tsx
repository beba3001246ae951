import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatShare } from '@/shared/format/number';

export const MetShareChart_row = graphql(`
  fragment MetShareChart_row on ProvinceCompliance {
    provinceId
    hasData
    metShare
    province {
      id
      name
    }
  }
`);

const BAR_HEIGHT = 22;

/**
 * Share of subject cadres meeting the requirement, one bar per province with data, in the table's order;
 * a province without data has no bar (it is not at 0%).
 */
export function MetShareChart({ rows: refs }: { rows: ReadonlyArray<FragmentType<typeof MetShareChart_row>> }) {
  const { t } = useTranslation();
  const all = getFragmentData(MetShareChart_row, refs);
  const rows = all
    .filter((r) => r.hasData)
    .map((r) => ({
      name: r.province.name,
      share: Math.round(r.metShare * 1000) / 10,
    }));
  const title = t('central.chartTitle');
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={rows.length * BAR_HEIGHT + 40}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="name" width={110} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [formatShare(Number(value) / 100), t('compliance.tile.metShare')]} />
          <Bar dataKey="share" fill="#0054a6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{rows.map((r) => `${r.name}: ${formatShare(r.share / 100)}`).join('; ')}</figcaption>
      {all.length > rows.length && (
        <p className="muted chart__note">{t('central.noDataNote', { count: all.length - rows.length })}</p>
      )}
    </figure>
  );
}
