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
    hasData
    metShare
    metCount
    requiredDays
    totalDays
    exemptDays
    averageDays
    hardshipShare
    lateTrips
    tripsRegistered
    tripsApproved
    tripsCarriedOut
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

/**
 * The figures of the annual report, each on its own tile, labelled so that no ratio reads as another:
 * "Cán bộ thuộc diện: 19", "Đạt: 8/19 (42,1%)", "Chuyên trách cơ quan: thuộc diện/tổng số 19/19". A province
 * without a subject cadre shows "Chưa có số liệu" for its shares and averages, never 0.
 */
export function ComplianceTiles({ figures: figuresRef }: ComplianceTilesProps) {
  const { t } = useTranslation();
  const f = getFragmentData(ComplianceTiles_figures, figuresRef);
  const noData = t('compliance.noData');
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
      label: t('compliance.tile.met'),
      value: f.hasData
        ? t('compliance.tile.metValue', { count: f.metCount, total: f.subjectCadres, share: formatShare(f.metShare) })
        : noData,
      note: t('compliance.tile.metNote', { days: f.requiredDays }),
    },
    {
      key: 'days',
      label: t('compliance.tile.totalDays'),
      value: formatCount(f.totalDays),
      note: f.exemptDays > 0 ? t('figures.exemptDaysNote', { count: f.exemptDays }) : undefined,
    },
    { key: 'average', label: t('compliance.tile.averageDays'), value: f.hasData ? formatDecimal(f.averageDays) : noData },
    {
      key: 'hardship',
      label: t('compliance.tile.hardshipShare'),
      value: f.hasData && f.totalDays > 0 ? formatShare(f.hardshipShare) : noData,
    },
    {
      key: 'trips',
      label: t('compliance.tile.tripsCarriedOut'),
      value: formatCount(f.tripsCarriedOut ?? 0),
      note: t('compliance.tile.tripsCarriedOutNote', {
        registered: formatCount(f.tripsRegistered),
        approved: formatCount(f.tripsApproved ?? 0),
      }),
    },
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
