import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode, badInput, forbidden } from '../../shared/errors';
import { authorize } from '../../shared/policy';
import type { Scope, Viewer } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { type Province, ProvinceStatus } from '../tenancy/province.entity';
import { ComplianceStatus, type DepartmentCompliance, type ProvinceCompliance } from '../compliance/compliance.entity';
import { CARRIED_OUT_STATES, provinceBundles, type ComplianceCache } from '../compliance/compliance.service';
import { LoadPeriod, hostLoad, topicOverlaps } from '../compliance/compliance.hosts';
import { TripKind } from '../trips/trip.entity';
import {
  type AnnualReport,
  CadreCategory,
  type CentralReport,
  type CentralReportRow,
  NARRATIVE_SECTIONS,
  type ReportFigures,
  type ReportNarrative,
  ReportStatus,
} from './report.entity';
import type { SaveReportNarrativeInput } from './report.inputs';
import { ReportErrorCode } from './report.errors';
import { mayEditReport, mayFinalizeReport, type ReportFacts } from './report.policy';

/** Who computes: the request's transaction (row-level security applies), the engine's cache, today. */
export interface ReportSource {
  manager: EntityManager;
  cache: ComplianceCache;
  today: string;
}

/** The near-duplicate threshold the compliance dashboard uses by default. */
const OVERLAP_THRESHOLD = 0.5;
const LIST_LIMIT = 40;
/** Trips carried out (the cadres went): what the report's "đã thực hiện" counts and lists, never mere registrations. */
const COUNTED = `state IN ${CARRIED_OUT_STATES}`;

export function defaultNarrative(provinceName: string): ReportNarrative {
  return {
    directives: '',
    topics: '',
    coordination: '',
    inspections: '',
    meetings: '',
    time: '',
    strengths: '',
    limitations: '',
    directions: '',
    place: provinceName,
    signerTitle: 'BÍ THƯ',
    signerName: '',
  };
}

export function assertReportYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw badInput(field, 'Năm báo cáo không hợp lệ (2015–2100).');
}

/** Titles of a kind's trips in the year, the most travelled first. */
async function titles(source: ReportSource, provinceId: number, year: number, kind: TripKind): Promise<string[]> {
  const rows: Array<{ title: string }> = await source.manager.query(
    `SELECT coalesce(tp.title, t.title) AS title
     FROM trip t LEFT JOIN topic tp ON tp.province_id = t.province_id AND tp.id = t.topic_id
     WHERE t.province_id = $1 AND t.kind = $3 AND t.${COUNTED}
       AND t.start_date BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     GROUP BY 1 ORDER BY count(*) DESC, min(t.start_date), 1 LIMIT ${LIST_LIMIT}`,
    [provinceId, year, kind],
  );
  return rows.map((r) => r.title);
}

/**
 * The report's figures for a province and year. Days, ratios, coverage, lateness, unreported trips and
 * costs are the compliance engine's (one bundle); overlaps and host load are its functions too. Only the
 * lists that illustrate the sections (topics, activities, plans, models) are read here.
 */
export async function computeFigures(source: ReportSource, provinceId: number, year: number): Promise<ReportFigures> {
  const { manager } = source;
  const bundle = (await provinceBundles(manager, source.cache, year, source.today, [provinceId])).get(provinceId);
  if (!bundle) throw forbidden('Bạn không được xem dữ liệu của tỉnh này.');
  const summary: ProvinceCompliance = bundle.province;
  const subject = bundle.cadres.filter((c) => c.status !== ComplianceStatus.EXEMPT);

  const kindCounts: Array<{ kind: TripKind; trips: number }> = await manager.query(
    `SELECT kind, count(*)::int AS trips FROM trip
     WHERE province_id = $1 AND ${COUNTED} AND start_date BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     GROUP BY kind`,
    [provinceId, year],
  );
  const daysOf = (key: 'topic' | 'coordination' | 'inspection' | 'meeting') => subject.reduce((sum, c) => sum + c.byKind[key], 0);
  const byKind = [
    { kind: TripKind.TOPIC, days: daysOf('topic') },
    { kind: TripKind.COORDINATION, days: daysOf('coordination') },
    { kind: TripKind.INSPECTION, days: daysOf('inspection') },
    { kind: TripKind.MEETING, days: daysOf('meeting') },
  ].map((k) => ({ ...k, trips: kindCounts.find((r) => r.kind === k.kind)?.trips ?? 0 }));

  const roster: Array<{ id: string; agency_staff: boolean; executive_member: boolean; department: string | null }> =
    await manager.query(
      `SELECT c.id, c.agency_staff, c.executive_member, u.name AS department
       FROM cadre c LEFT JOIN unit u ON u.province_id = c.province_id AND u.id = c.department_id
       WHERE c.province_id = $1 AND c.id = ANY ($2::uuid[])`,
      [provinceId, subject.map((c) => c.cadreId)],
    );
  const byId = new Map(roster.map((r) => [r.id, r]));
  const cadres = subject.map((c) => {
    const r = byId.get(c.cadreId);
    const category =
      r?.agency_staff && r.executive_member
        ? CadreCategory.BOTH
        : r?.executive_member
          ? CadreCategory.EXECUTIVE_MEMBER
          : CadreCategory.AGENCY_STAFF;
    return {
      fullName: c.fullName,
      departmentName: r?.department ?? null,
      category,
      countedDays: c.countedDays,
      byKind: { ...c.byKind },
      requiredDays: c.requiredDays,
      status: c.status,
    };
  });

  const goodModels: Array<{ name: string; unitName: string }> = await manager.query(
    `SELECT g.name, u.name AS "unitName"
     FROM good_model g JOIN unit u ON u.province_id = g.province_id AND u.id = g.unit_id
     LEFT JOIN trip t ON t.province_id = g.province_id AND t.id = g.trip_id
     WHERE g.province_id = $1
       AND coalesce(extract(year FROM t.start_date), extract(year FROM g.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')) = $2
     ORDER BY g.name COLLATE "vi-x-icu" LIMIT ${LIST_LIMIT}`,
    [provinceId, year],
  );
  const inspectionPlans: Array<{ title: string; teams: number; visits: number; conclusions: number }> = await manager.query(
    `SELECT p.title,
       (SELECT count(*)::int FROM inspection_team tm WHERE tm.province_id = p.province_id AND tm.plan_id = p.id) AS teams,
       (SELECT count(*)::int FROM trip t JOIN inspection_team tm ON tm.province_id = t.province_id AND tm.id = t.inspection_team_id
        WHERE tm.province_id = p.province_id AND tm.plan_id = p.id AND t.${COUNTED}) AS visits,
       (SELECT count(*)::int FROM inspection_conclusion c
        JOIN trip t ON t.province_id = c.province_id AND t.id = c.trip_id
        JOIN inspection_team tm ON tm.province_id = t.province_id AND tm.id = t.inspection_team_id
        WHERE tm.province_id = p.province_id AND tm.plan_id = p.id) AS conclusions
     FROM inspection_plan p WHERE p.province_id = $1 AND p.year = $2
     ORDER BY p.starts_on, p.title COLLATE "vi-x-icu"`,
    [provinceId, year],
  );
  const [counts]: Array<{ conclusions: number; breaches: number }> = await manager.query(
    `SELECT
       (SELECT count(*)::int FROM inspection_conclusion
        WHERE province_id = $1 AND concluded_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS conclusions,
       (SELECT count(*)::int FROM host_feedback f JOIN trip t ON t.province_id = f.province_id AND t.id = f.trip_id
        WHERE f.province_id = $1 AND f.breach AND t.start_date BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS breaches`,
    [provinceId, year],
  );
  const external: Array<{ line: string }> = await manager.query(
    `SELECT organiser || ': ' || title AS line FROM trip
     WHERE province_id = $1 AND kind = 'INSPECTION' AND organiser IS NOT NULL AND inspection_team_id IS NULL AND ${COUNTED}
       AND start_date BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     GROUP BY 1 ORDER BY min(start_date), 1 LIMIT ${LIST_LIMIT}`,
    [provinceId, year],
  );
  const overlaps = await topicOverlaps(manager, provinceId, year, OVERLAP_THRESHOLD);
  const overloaded = await hostLoad(manager, provinceId, `${year}-01-01`, `${year}-12-31`, LoadPeriod.WEEK, true, 500);

  return {
    summary,
    departments: bundle.departments,
    cadres,
    byKind,
    topics: await titles(source, provinceId, year, TripKind.TOPIC),
    goodModels,
    activities: await titles(source, provinceId, year, TripKind.COORDINATION),
    inspectionPlans,
    conclusions: counts.conclusions,
    inspectionTopics: await titles(source, provinceId, year, TripKind.INSPECTION),
    externalInspections: external.map((e) => e.line),
    indicators: {
      lateTrips: summary.lateTrips,
      overlappingTopics: overlaps.length,
      unreportedTrips: summary.unreportedTrips,
      hostRuleBreaches: counts.breaches,
      overloadedHostWeeks: overloaded.length,
      estimatedCost: summary.estimatedCost,
      actualCost: summary.actualCost,
    },
    computedOn: source.today,
  };
}

interface ReportRow {
  status: ReportStatus;
  narrative: Partial<ReportNarrative>;
  figures: ReportFigures | null;
  number: string | null;
  issued_on: string | null;
  version: number;
}

async function storedReport(manager: EntityManager, provinceId: number, year: number): Promise<ReportRow | undefined> {
  const rows: ReportRow[] = await manager.query(
    `SELECT status, narrative, figures, number, issued_on::text AS issued_on, version FROM report
     WHERE province_id = $1 AND year = $2`,
    [provinceId, year],
  );
  return rows[0];
}

/** A province's report as the policies read it: a year never written is a draft. */
export async function reportFacts(manager: EntityManager, provinceId: number, year: number): Promise<ReportFacts> {
  return { provinceId, status: (await storedReport(manager, provinceId, year))?.status ?? ReportStatus.DRAFT };
}

/**
 * Reports issued before exempt cadres' days were reported apart carry no exemptDays: none were set apart.
 * Those issued before closed years read "không đạt" counted the cadres short as behind (notMet 0); those
 * issued before trips carried out were told from registrations carry no approved or carried-out count (null).
 */
const frozenSummary = <T extends ProvinceCompliance | DepartmentCompliance>(s: T): T => ({
  ...s,
  exemptDays: s.exemptDays ?? 0,
  notMet: s.notMet ?? 0,
  hasData: s.hasData ?? s.subjectCadres > 0,
  ...('trips' in s
    ? {
        tripsRegistered: s.tripsRegistered ?? s.trips,
        tripsApproved: s.tripsApproved ?? null,
        tripsCarriedOut: s.tripsCarriedOut ?? null,
      }
    : {}),
});

const frozenFigures = (f: ReportFigures): ReportFigures => ({
  ...f,
  summary: frozenSummary(f.summary),
  departments: f.departments.map(frozenSummary),
});

/** The live draft (figures computed now) or the final report (figures as frozen when it was issued). */
export async function loadReport(
  source: ReportSource,
  provinceName: string,
  provinceId: number,
  year: number,
): Promise<AnnualReport> {
  const row = await storedReport(source.manager, provinceId, year);
  const narrative = { ...defaultNarrative(provinceName), ...(row?.narrative ?? {}) };
  if (row?.status === ReportStatus.FINAL && row.figures) {
    return {
      provinceId,
      year,
      status: ReportStatus.FINAL,
      version: row.version,
      number: row.number,
      issuedOn: row.issued_on,
      narrative,
      figures: frozenFigures(row.figures),
    };
  }
  return {
    provinceId,
    year,
    status: ReportStatus.DRAFT,
    version: row?.version ?? 0,
    number: null,
    issuedOn: null,
    narrative,
    figures: await computeFigures(source, provinceId, year),
  };
}

async function refuseStale(manager: EntityManager, provinceId: number, year: number): Promise<never> {
  const current = await storedReport(manager, provinceId, year);
  if (current?.status === ReportStatus.FINAL) {
    throw new AppError(ErrorCode.CONFLICT, 'Báo cáo đã được ban hành, không thể sửa nữa.', {
      reason: ReportErrorCode.REPORT_FINAL,
      field: 'version',
    });
  }
  throw new AppError(ErrorCode.CONFLICT, 'Báo cáo vừa được người khác cập nhật. Vui lòng tải lại trước khi lưu.', {
    reason: ReportErrorCode.VERSION_MISMATCH,
    field: 'version',
    details: { currentVersion: current?.version ?? 0 },
  });
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count], an INSERT … RETURNING with the rows. */
const returned = (result: unknown[]): unknown[] =>
  result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;

function narrativeOf(input: SaveReportNarrativeInput): Partial<ReportNarrative> {
  const changed: Partial<ReportNarrative> = {};
  for (const key of [...NARRATIVE_SECTIONS, 'place', 'signerTitle', 'signerName'] as const) {
    const value = input[key];
    if (value !== undefined && value !== null) changed[key] = value.replace(/\r\n?/g, '\n').trim();
  }
  if (changed.place !== undefined && changed.place.length === 0)
    throw badInput('input.place', 'Cần ghi địa danh ở dòng ngày tháng.');
  if (changed.signerTitle !== undefined && changed.signerTitle.length === 0) {
    throw badInput('input.signerTitle', 'Cần ghi chức vụ người ký.');
  }
  return changed;
}

/** Saves the narrative of a draft; `version` must be the one the editor started from. */
export async function saveNarrative(
  manager: EntityManager,
  viewer: Viewer | null,
  scope: Scope,
  input: SaveReportNarrativeInput,
): Promise<void> {
  assertReportYear(input.year, 'input.year');
  await authorize(mayEditReport({ viewer, scope }, await reportFacts(manager, input.provinceId, input.year)));
  const changed = narrativeOf(input);
  const rows: unknown[] =
    input.version === 0
      ? await manager.query(
          `INSERT INTO report (province_id, year, narrative, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (province_id, year) DO NOTHING RETURNING version`,
          [input.provinceId, input.year, JSON.stringify(changed), viewerOf({ viewer }).id],
        )
      : await manager
          .query(
            `UPDATE report SET narrative = narrative || $3::jsonb, version = version + 1, updated_by = $5, updated_at = now()
           WHERE province_id = $1 AND year = $2 AND version = $4 AND status = 'DRAFT' RETURNING version`,
            [input.provinceId, input.year, JSON.stringify(changed), input.version, viewerOf({ viewer }).id],
          )
          .then(returned);
  if (rows.length === 0) await refuseStale(manager, input.provinceId, input.year);
}

const NUMBER = /^[0-9]{1,6}$/;

/** Issues the report under a number: its figures are frozen as they stand today. */
export async function finalizeReport(
  source: ReportSource,
  viewer: Viewer | null,
  scope: Scope,
  provinceId: number,
  year: number,
  version: number,
  number: string,
): Promise<void> {
  assertReportYear(year);
  await authorize(mayFinalizeReport({ viewer, scope }, await reportFacts(source.manager, provinceId, year)));
  const trimmed = number.trim();
  if (!NUMBER.test(trimmed)) throw badInput('number', 'Số văn bản chỉ gồm chữ số, ví dụ 125 (trong "125-BC/TĐTN").');
  if (!Number.isInteger(version) || version < 0) throw badInput('version', 'Phiên bản không hợp lệ.');
  const figures = JSON.stringify(await computeFigures(source, provinceId, year));
  const { manager } = source;
  const rows: unknown[] =
    version === 0
      ? await manager.query(
          `INSERT INTO report (province_id, year, status, figures, number, issued_on, updated_by, finalized_by, finalized_at)
           VALUES ($1, $2, 'FINAL', $3, $4, $5, $6, $6, now())
           ON CONFLICT (province_id, year) DO NOTHING RETURNING version`,
          [provinceId, year, figures, trimmed, source.today, viewerOf({ viewer }).id],
        )
      : await manager
          .query(
            `UPDATE report SET status = 'FINAL', figures = $3, number = $4, issued_on = $5, version = version + 1,
               updated_by = $6, updated_at = now(), finalized_by = $6, finalized_at = now()
             WHERE province_id = $1 AND year = $2 AND version = $7 AND status = 'DRAFT' RETURNING version`,
            [provinceId, year, figures, trimmed, source.today, viewerOf({ viewer }).id, version],
          )
          .then(returned);
  if (rows.length === 0) await refuseStale(manager, provinceId, year);
}

/**
 * Every given province side by side: a province's issued report keeps its frozen figures; the others
 * are computed now by the engine, in one pass.
 */
export async function centralRows(source: ReportSource, provinceIds: number[], year: number): Promise<CentralReportRow[]> {
  const stored: Array<{ province_id: number; status: ReportStatus; number: string | null; summary: ProvinceCompliance | null }> =
    await source.manager.query(
      `SELECT province_id, status, number, figures -> 'summary' AS summary FROM report WHERE year = $1 AND province_id = ANY ($2)`,
      [year, provinceIds],
    );
  const byProvince = new Map(stored.map((s) => [s.province_id, s]));
  const bundles = await provinceBundles(source.manager, source.cache, year, source.today, provinceIds);
  return provinceIds.flatMap((id) => {
    const report = byProvince.get(id);
    const live = bundles.get(id)?.province;
    const summary = report?.status === ReportStatus.FINAL && report.summary ? frozenSummary(report.summary) : live;
    return summary ? [{ summary, reportStatus: report?.status ?? null, reportNumber: report?.number ?? null }] : [];
  });
}

/** The provinces a central report lists: the 34 current ones always, merged ones for years they have records of. */
export async function centralReport(
  source: ReportSource,
  provinces: readonly Province[],
  readable: number[],
  year: number,
): Promise<CentralReport> {
  const candidates = provinces.filter((p) => readable.includes(p.id));
  const rows = await centralRows(
    source,
    candidates.map((p) => p.id),
    year,
  );
  const active = new Set(candidates.filter((p) => p.status === ProvinceStatus.ACTIVE).map((p) => p.id));
  return {
    year,
    provinces: rows.filter((r) => active.has(r.summary.provinceId) || r.summary.subjectCadres + r.summary.exempt > 0),
  };
}
