import { useQuery } from '@apollo/client/react';
import { Card, Empty, Skeleton, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { nameCollator } from '@/shared/format/collator';
import { HostLoadCalendarQuery } from './compliance.operations';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const TOP_UNITS = 12;

interface HostLoadCalendarProps {
  year: number;
  provinceId: number;
  freshAt: number | null;
}

interface UnitRow {
  unitId: string;
  unitName: string;
  total: number;
  months: Map<number, { delegations: number; cadreDays: number; overloaded: boolean }>;
}

/** The units receiving the most delegations, month by month: where the grassroots are asked too much. */
export function HostLoadCalendar({ year, provinceId, freshAt }: HostLoadCalendarProps) {
  const { t } = useTranslation();
  const { data, loading, refetch } = useQuery(HostLoadCalendarQuery, {
    variables: { from: `${year}-01-01`, to: `${year}-12-31`, provinceId },
  });
  useEffect(() => {
    if (freshAt !== null) void refetch();
  }, [freshAt, refetch]);

  const byUnit = new Map<string, UnitRow>();
  for (const load of data?.hostLoad ?? []) {
    const row = byUnit.get(load.unitId) ?? { unitId: load.unitId, unitName: load.unitName, total: 0, months: new Map() };
    const month = Number(load.periodStart.slice(5, 7));
    row.months.set(month, { delegations: load.delegations, cadreDays: load.cadreDays, overloaded: load.overloaded });
    row.total += load.delegations;
    byUnit.set(load.unitId, row);
  }
  const rows = [...byUnit.values()]
    .sort((a, b) => b.total - a.total || nameCollator.compare(a.unitName, b.unitName))
    .slice(0, TOP_UNITS);
  const peak = Math.max(1, ...rows.flatMap((r) => [...r.months.values()].map((m) => m.delegations)));

  return (
    <Card title={<h2 className="card-title">{t('compliance.hostLoad.title', { year })}</h2>} data-testid="host-load">
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.hostLoad.none')} />
      ) : (
        <div className="host-load" data-scroll-region>
          <table className="host-load__grid">
            <caption className="visually-hidden">{t('compliance.hostLoad.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compliance.hostLoad.unit')}</th>
                {MONTHS.map((m) => (
                  <th scope="col" key={m} abbr={t('compliance.hostLoad.month', { month: m })}>
                    {t('compliance.hostLoad.monthShort', { month: m })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.unitId}>
                  <th scope="row">{row.unitName}</th>
                  {MONTHS.map((m) => {
                    const cell = row.months.get(m);
                    const label = cell
                      ? t('compliance.hostLoad.cell', {
                          unit: row.unitName,
                          month: m,
                          count: cell.delegations,
                          days: cell.cadreDays,
                        })
                      : t('compliance.hostLoad.empty', { unit: row.unitName, month: m });
                    const strength = cell ? 0.15 + 0.85 * (cell.delegations / peak) : 0;
                    return (
                      <td
                        key={m}
                        aria-label={label}
                        className={cell?.overloaded ? 'host-load__cell host-load__cell--over' : 'host-load__cell'}
                        style={cell ? { backgroundColor: `rgba(22, 119, 255, ${strength.toFixed(2)})` } : undefined}
                      >
                        {cell && (
                          <Tooltip title={label}>
                            <span>{cell.delegations}</span>
                          </Tooltip>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted host-load__legend">{t('compliance.hostLoad.legend')}</p>
        </div>
      )}
    </Card>
  );
}
