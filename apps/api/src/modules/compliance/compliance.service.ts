import type { EntityManager } from 'typeorm';
import { foldVietnamese } from '../../shared/search';
import { present } from '../../shared/present';
import {
  CadreCompliance,
  type CadreCoverage,
  ComplianceStatus,
  type ComplianceSummary,
  Coverage,
  DepartmentCompliance,
  ProvinceCompliance,
} from './compliance.entity';

interface CadreRow {
  province_id: number;
  cadre_id: string;
  full_name: string;
  department_id: string | null;
  window_start: string;
  window_end: string;
  available_days: number;
  required_days: number;
  counted_days: number;
  topic_days: number;
  coordination_days: number;
  inspection_days: number;
  meeting_days: number;
  district_days: number;
  commune_days: number;
  chapter_days: number;
  hardship_days: number;
  upcoming_days: number;
  late_trips: number;
  overdue_reports: number;
  levels_met: boolean;
  status: ComplianceStatus;
  projected_days: number;
}

const toCadre = (year: number, r: CadreRow): CadreCompliance => ({
  provinceId: r.province_id,
  cadreId: r.cadre_id,
  fullName: r.full_name,
  departmentId: r.department_id,
  year,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  availableDays: r.available_days,
  requiredDays: r.required_days,
  countedDays: r.counted_days,
  byKind: { topic: r.topic_days, coordination: r.coordination_days, inspection: r.inspection_days, meeting: r.meeting_days },
  byLevel: { district: r.district_days, commune: r.commune_days, chapter: r.chapter_days },
  hardshipDays: r.hardship_days,
  upcomingDays: r.upcoming_days,
  lateTrips: r.late_trips,
  overdueReports: r.overdue_reports,
  levelsMet: r.levels_met,
  status: r.status,
  projectedDays: r.projected_days,
});

export interface CadreFilter {
  departmentId?: string | null;
  statuses?: ComplianceStatus[];
  cadreIds?: string[];
  search?: string;
}

/** Filters a province's computed cadre figures (already in Vietnamese name order). */
export function filterCadres(rows: CadreCompliance[], filter: CadreFilter): CadreCompliance[] {
  const pattern = filter.search ? foldVietnamese(filter.search).split(/\s+/).filter(Boolean) : null;
  return rows.filter(
    (r) =>
      (!filter.departmentId || r.departmentId === filter.departmentId) &&
      (!filter.statuses?.length || filter.statuses.includes(r.status)) &&
      (!filter.cadreIds || filter.cadreIds.includes(r.cadreId)) &&
      (!pattern || inOrder(foldVietnamese(r.fullName), pattern)),
  );
}

function inOrder(text: string, words: string[]): boolean {
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
}

interface SummaryRow {
  province_id: number;
  department_id?: string | null;
  department_name?: string | null;
  window_start: string;
  window_end: string;
  required_base: number;
  subject: number;
  agency_total: number;
  agency_subject: number;
  exec_total: number;
  exec_subject: number;
  met: number;
  on_track: number;
  at_risk: number;
  behind: number;
  not_met: number;
  exempt: number;
  total_days: number;
  hardship_days: number;
  exempt_days: number;
  overdue: number;
}

/**
 * Totals, averages and shares are over the subject cadres only, the same people the subject count
 * names: a cadre exempt for the whole window may still have days (an exemption recorded after the
 * trip), which are reported apart as exemptDays and never move the province's figures.
 */
const SUMMARY_COLUMNS = `
  count(*) FILTER (WHERE f.status <> 'EXEMPT')::int AS subject,
  count(*) FILTER (WHERE f.agency_staff)::int AS agency_total,
  count(*) FILTER (WHERE f.agency_staff AND f.status <> 'EXEMPT')::int AS agency_subject,
  count(*) FILTER (WHERE f.executive_member)::int AS exec_total,
  count(*) FILTER (WHERE f.executive_member AND f.status <> 'EXEMPT')::int AS exec_subject,
  count(*) FILTER (WHERE f.status = 'MET')::int AS met,
  count(*) FILTER (WHERE f.status = 'ON_TRACK')::int AS on_track,
  count(*) FILTER (WHERE f.status = 'AT_RISK')::int AS at_risk,
  count(*) FILTER (WHERE f.status = 'BEHIND')::int AS behind,
  count(*) FILTER (WHERE f.status = 'NOT_MET')::int AS not_met,
  count(*) FILTER (WHERE f.status = 'EXEMPT')::int AS exempt,
  coalesce(sum(f.counted_days) FILTER (WHERE f.status <> 'EXEMPT'), 0)::int AS total_days,
  coalesce(sum(f.hardship_days) FILTER (WHERE f.status <> 'EXEMPT'), 0)::int AS hardship_days,
  coalesce(sum(f.counted_days) FILTER (WHERE f.status = 'EXEMPT'), 0)::int AS exempt_days,
  coalesce(sum(f.overdue_reports), 0)::int AS overdue`;

function toSummary(year: number, r: SummaryRow): ComplianceSummary {
  return {
    provinceId: r.province_id,
    year,
    requiredDays: r.required_base,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    subjectCadres: r.subject,
    agencyStaff: { count: r.agency_subject, total: r.agency_total },
    executiveMembers: { count: r.exec_subject, total: r.exec_total },
    metCount: r.met,
    metShare: r.subject === 0 ? 0 : r.met / r.subject,
    onTrack: r.on_track,
    atRisk: r.at_risk,
    behind: r.behind,
    notMet: r.not_met,
    exempt: r.exempt,
    hasData: r.subject > 0,
    totalDays: r.total_days,
    exemptDays: r.exempt_days,
    averageDays: r.subject === 0 ? 0 : Math.round((r.total_days / r.subject) * 100) / 100,
    hardshipShare: r.total_days === 0 ? 0 : r.hardship_days / r.total_days,
    overdueReports: r.overdue,
  };
}

/** Trips that were approved (whether or not they happened yet), as an SQL list of states. */
export const APPROVED_STATES = `('APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')`;
/** Trips carried out: the cadres went (reported or not), as an SQL list of states. */
export const CARRIED_OUT_STATES = `('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')`;

interface TripStatsRow {
  province_id: number;
  late: number;
  unreported: number;
  trips: number;
  approved: number;
  carried_out: number;
  estimated: string | null;
  actual: string | null;
}

interface CoverageRow {
  province_id: number;
  unit_id: string;
  name: string;
  reached: boolean;
}

/**
 * Chapter-meeting coverage: the district-level units (before the 2025 reform) or commune-level unions
 * (after) valid in the window, and whether provincial cadres attended a chapter meeting under each.
 */
const COVERAGE_CTES = `WITH RECURSIVE rules AS (SELECT * FROM province_rules($1, $2)),
     tops AS (
       SELECT u.province_id, u.id, u.name FROM unit u JOIN rules r ON r.province_id = u.province_id
       WHERE u.kind = ANY (CASE WHEN r.we < DATE '2025-07-01' THEN ARRAY['DISTRICT_UNION', 'AFFILIATED_UNION']
                                ELSE ARRAY['COMMUNE_UNION'] END)
         AND u.valid_from <= r.we AND (u.valid_to IS NULL OR u.valid_to >= r.ws)
     ),
     tree AS (
       SELECT province_id, id, id AS top FROM tops
       UNION ALL
       SELECT u.province_id, u.id, t.top FROM unit u JOIN tree t ON u.province_id = t.province_id AND u.parent_id = t.id
     ),
     visits AS (
       SELECT x.province_id, x.top, t.id AS trip_id
       FROM tree x
       JOIN unit du ON du.province_id = x.province_id AND du.id = x.id AND du.kind = 'CHAPTER'
       JOIN trip_destination d ON d.province_id = x.province_id AND d.unit_id = x.id
       JOIN trip t ON t.province_id = d.province_id AND t.id = d.trip_id
       JOIN rules r ON r.province_id = t.province_id
       WHERE t.kind = 'MEETING' AND t.state IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
         AND coalesce(t.actual_start, t.start_date) <= r.we AND coalesce(t.actual_end, t.end_date) >= r.ws
     )`;

async function coverage(manager: EntityManager, year: number, provinceIds: number[]): Promise<Map<number, Coverage>> {
  const rows: CoverageRow[] = await manager.query(
    `${COVERAGE_CTES},
     reached AS (SELECT DISTINCT province_id, top FROM visits)
     SELECT t.province_id, t.id AS unit_id, t.name, (r.top IS NOT NULL) AS reached
     FROM tops t LEFT JOIN reached r ON r.province_id = t.province_id AND r.top = t.id
     ORDER BY t.name COLLATE "vi-x-icu"`,
    [year, provinceIds],
  );
  const result = new Map<number, Coverage>();
  for (const id of provinceIds) result.set(id, { reached: 0, total: 0, missing: [] });
  for (const r of rows) {
    const c = present(result.get(r.province_id), 'coverage of the province');
    c.total += 1;
    if (r.reached) c.reached += 1;
    else c.missing.push({ unitId: r.unit_id, name: r.name, reached: false });
  }
  return result;
}

export interface ProvinceBundle {
  province: ProvinceCompliance;
  departments: DepartmentCompliance[];
  /** Every subject cadre, in Vietnamese name order. */
  cadres: CadreCompliance[];
}

/**
 * Everything a province reports for a year, in one pass of the engine: per cadre, per department
 * and per province (GROUPING SETS over the cadre rows), plus coverage and trip statistics.
 */
async function computeBundles(
  manager: EntityManager,
  year: number,
  today: string,
  provinceIds: number[],
): Promise<Map<number, ProvinceBundle>> {
  const rows: Array<{ kind: 'C' | 'S'; row: Record<string, unknown> }> = await manager.query(
    `WITH f AS MATERIALIZED (
       SELECT x.*, c.full_name, row_number() OVER (ORDER BY c.full_name COLLATE "vi-x-icu", c.id) AS ord
       FROM cadre_compliance($1, $2, $3) x JOIN cadre c ON c.province_id = x.province_id AND c.id = x.cadre_id
     ),
     s AS (
       SELECT f.province_id, f.department_id, grouping(f.department_id) AS by_province, u.name AS department_name,
         min(f.window_start)::text AS window_start, min(f.window_end)::text AS window_end, min(f.required_base) AS required_base,
         ${SUMMARY_COLUMNS}
       FROM f LEFT JOIN unit u ON u.province_id = f.province_id AND u.id = f.department_id
       GROUP BY GROUPING SETS ((f.province_id), (f.province_id, f.department_id, u.name))
     )
     SELECT 'C' AS kind, to_jsonb(f) AS row FROM f
     UNION ALL
     SELECT 'S', to_jsonb(s) FROM s`,
    [year, today, provinceIds],
  );
  const rules: Array<{ province_id: number; ws: string; we: string; required_base: number }> = await manager.query(
    'SELECT province_id, ws::text AS ws, we::text AS we, required_base FROM province_rules($1, $2)',
    [year, provinceIds],
  );
  const stats: TripStatsRow[] = await manager.query(
    `SELECT province_id,
       count(*) FILTER (WHERE late_registration AND state NOT IN ('CANCELLED', 'REJECTED'))::int AS late,
       count(*) FILTER (WHERE state = 'COMPLETED')::int AS unreported,
       count(*) FILTER (WHERE state NOT IN ('DRAFT', 'CANCELLED', 'REJECTED'))::int AS trips,
       count(*) FILTER (WHERE state IN ${APPROVED_STATES})::int AS approved,
       count(*) FILTER (WHERE state IN ${CARRIED_OUT_STATES})::int AS carried_out,
       sum(estimated_cost) FILTER (WHERE state NOT IN ('DRAFT', 'CANCELLED', 'REJECTED')) AS estimated,
       sum(actual_cost) FILTER (WHERE state NOT IN ('DRAFT', 'CANCELLED', 'REJECTED')) AS actual
     FROM trip WHERE province_id = ANY ($2) AND start_date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)
     GROUP BY province_id`,
    [year, provinceIds],
  );
  const covered = await coverage(manager, year, provinceIds);

  const result = new Map<number, ProvinceBundle>();
  for (const r of rules) {
    const empty: SummaryRow = {
      province_id: r.province_id,
      window_start: r.ws,
      window_end: r.we,
      required_base: r.required_base,
      subject: 0,
      agency_total: 0,
      agency_subject: 0,
      exec_total: 0,
      exec_subject: 0,
      met: 0,
      on_track: 0,
      at_risk: 0,
      behind: 0,
      not_met: 0,
      exempt: 0,
      total_days: 0,
      hardship_days: 0,
      exempt_days: 0,
      overdue: 0,
    };
    const t = stats.find((x) => x.province_id === r.province_id);
    result.set(r.province_id, {
      province: {
        ...toSummary(year, empty),
        coverage: covered.get(r.province_id) ?? { reached: 0, total: 0, missing: [] },
        lateTrips: t?.late ?? 0,
        unreportedTrips: t?.unreported ?? 0,
        trips: t?.trips ?? 0,
        tripsRegistered: t?.trips ?? 0,
        tripsApproved: t?.approved ?? 0,
        tripsCarriedOut: t?.carried_out ?? 0,
        estimatedCost: Number(t?.estimated ?? 0),
        actualCost: Number(t?.actual ?? 0),
      },
      departments: [],
      cadres: [],
    });
  }
  const sorted = rows.filter((r) => r.kind === 'C').sort((a, b) => Number(a.row.ord) - Number(b.row.ord));
  for (const { row } of sorted) result.get(row.province_id as number)?.cadres.push(toCadre(year, row as unknown as CadreRow));
  for (const { row } of rows.filter((r) => r.kind === 'S')) {
    const summary = row as unknown as SummaryRow & { by_province: number };
    const bundle = result.get(summary.province_id);
    if (!bundle) continue;
    if (summary.by_province === 1) {
      Object.assign(bundle.province, toSummary(year, summary));
    } else {
      bundle.departments.push({
        ...toSummary(year, summary),
        departmentId: summary.department_id ?? null,
        departmentName: summary.department_name ?? null,
      });
    }
  }
  for (const bundle of result.values()) {
    // No data: nobody subject, or not one trip registered in the year (the province kept no records of it).
    const recorded = bundle.province.tripsRegistered > 0;
    bundle.province.hasData &&= recorded;
    for (const d of bundle.departments) d.hasData &&= recorded;
    bundle.departments.sort((a, b) => collator.compare(a.departmentName ?? '~', b.departmentName ?? '~'));
  }
  return result;
}

const collator = new Intl.Collator('vi');

/**
 * Computed figures kept between requests, keyed by the province's compliance version (bumped at
 * commit by any change that can move them), the year and the day. An entry is only ever served to a
 * viewer allowed to read that province.
 */
export class ComplianceCache {
  private readonly entries = new Map<string, ProvinceBundle>();

  constructor(private readonly capacity = 500) {}

  get(key: string): ProvinceBundle | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, bundle: ProvinceBundle): void {
    this.entries.set(key, bundle);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}

/** The figures of these provinces for a year: from the cache when nothing changed, else computed once. */
export async function provinceBundles(
  manager: EntityManager,
  cache: ComplianceCache,
  year: number,
  today: string,
  provinceIds: number[],
): Promise<Map<number, ProvinceBundle>> {
  const versions: Array<{ province_id: number; version: string }> = await manager.query(
    `SELECT p.id AS province_id, coalesce(v.version, 0)::text AS version
     FROM unnest($1::int[]) AS p(id) LEFT JOIN compliance_version v ON v.province_id = p.id`,
    [provinceIds],
  );
  const keyOf = (id: number, version: string) => `${id}:${year}:${today}:${version}`;
  const result = new Map<number, ProvinceBundle>();
  const missing: Array<{ id: number; key: string }> = [];
  for (const v of versions) {
    const key = keyOf(v.province_id, v.version);
    const hit = cache.get(key);
    if (hit) result.set(v.province_id, hit);
    else missing.push({ id: v.province_id, key });
  }
  if (missing.length > 0) {
    const computed = await computeBundles(
      manager,
      year,
      today,
      missing.map((m) => m.id),
    );
    for (const m of missing) {
      const bundle = computed.get(m.id);
      if (!bundle) continue;
      cache.set(m.key, bundle);
      result.set(m.id, bundle);
    }
  }
  return result;
}

/** Per cadre: how many of the province's coverage units they attended a chapter meeting in. */
export async function cadreCoverage(manager: EntityManager, year: number, provinceId: number): Promise<CadreCoverage[]> {
  const rows: Array<{ cadre_id: string; full_name: string; reached: number; total: number }> = await manager.query(
    `${COVERAGE_CTES},
     totals AS (SELECT count(*)::int AS total FROM tops)
     SELECT c.id AS cadre_id, c.full_name, count(DISTINCT v.top)::int AS reached, (SELECT total FROM totals) AS total
     FROM visits v
     JOIN trip_member m ON m.province_id = v.province_id AND m.trip_id = v.trip_id
     JOIN cadre c ON c.province_id = m.province_id AND c.id = m.cadre_id
     GROUP BY c.id, c.full_name
     ORDER BY c.full_name COLLATE "vi-x-icu"`,
    [year, [provinceId]],
  );
  return rows.map((r) => ({ cadreId: r.cadre_id, fullName: r.full_name, reached: r.reached, total: r.total }));
}

export async function provinceCoverage(manager: EntityManager, year: number, provinceId: number): Promise<Coverage> {
  return present((await coverage(manager, year, [provinceId])).get(provinceId), 'coverage of the province');
}
