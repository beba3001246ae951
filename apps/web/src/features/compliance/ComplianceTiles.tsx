import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatVnd } from '@/shared/format/money';
import { formatCount, formatDecimal, formatRatio, formatShare } from '@/shared/format/number';

export const ComplianceTiles_figures = graphql(`
  fragment ComplianceTiles_figures on ProvinceCompliance {
    subjectCadres
    agencyStaff {
      count
      total
    }
    executiveMembers {
      count
      total
    }
    metShare
    metCount
    requiredDays
    totalDays
    exemptDays
    averageDays
    hardshipShare
    lateTrips
    unreportedTrips
    overdueReports
    estimatedCost
    actualCost
  }
`);

interface ComplianceTilesProps {
  figures: FragmentType<typeof ComplianceTiles_figures>;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  note?: string;
  warn?: boolean;
}

/** The figures of the annual report, each on its own tile. */
export function ComplianceTiles({ figures: figuresRef }: ComplianceTilesProps) {
  const { t } = useTranslation();
  const f = getFragmentData(ComplianceTiles_figures, figuresRef);
  const tiles: Tile[] = [
    { key: 'subject', label: t('compliance.tile.subjectCadres'), value: formatCount(f.subjectCadres) },
    {
      key: 'agency',
      label: t('compliance.tile.agencyStaff'),
      value: formatRatio(f.agencyStaff.count, f.agencyStaff.total),
    },
    {
      key: 'executive',
      label: t('compliance.tile.executiveMembers'),
      value: formatRatio(f.executiveMembers.count, f.executiveMembers.total),
    },
    {
      key: 'met',
      label: t('compliance.tile.metShare'),
      value: formatShare(f.metShare),
      note: t('compliance.tile.metNote', { count: f.metCount, days: f.requiredDays }),
    },
    {
      key: 'days',
      label: t('compliance.tile.totalDays'),
      value: formatCount(f.totalDays),
      note: f.exemptDays > 0 ? t('figures.exemptDaysNote', { count: f.exemptDays }) : undefined,
    },
    { key: 'average', label: t('compliance.tile.averageDays'), value: formatDecimal(f.averageDays) },
    { key: 'hardship', label: t('compliance.tile.hardshipShare'), value: formatShare(f.hardshipShare) },
    { key: 'late', label: t('compliance.tile.lateTrips'), value: formatCount(f.lateTrips), warn: f.lateTrips > 0 },
    {
      key: 'unreported',
      label: t('compliance.tile.unreportedTrips'),
      value: formatCount(f.unreportedTrips),
      warn: f.unreportedTrips > 0,
    },
    {
      key: 'overdue',
      label: t('compliance.tile.overdueReports'),
      value: formatCount(f.overdueReports),
      warn: f.overdueReports > 0,
    },
    {
      key: 'cost',
      label: t('compliance.tile.cost'),
      value: formatVnd(f.actualCost),
      note: t('compliance.tile.estimated', { amount: formatVnd(f.estimatedCost) }),
    },
  ];
  return (
    <ul className="tiles" aria-label={t('compliance.tilesLabel')}>
      {tiles.map((tile) => (
        <li key={tile.key} data-testid={`tile-${tile.key}`}>
          <Card size="small" className={tile.warn ? 'tile tile--warn' : 'tile'}>
            <div className="tile__label">{tile.label}</div>
            <div className="tile__value">{tile.value}</div>
            {tile.note && <div className="tile__note">{tile.note}</div>}
          </Card>
        </li>
      ))}
    </ul>
  );
}
