import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../db/database';
import { hashPassword } from '../modules/accounts/auth.service';
import { communeUnionName, loadCommunes } from '../modules/tenancy/province.catalog';
import { present } from '../shared/present';
import { addDays, daysBetween, formatVn, quarterOf } from '../shared/dates';
import {
  BATCHES_2026,
  BINH_THUAN_2019,
  BT_BATCHES_2019,
  BT_DISTRICTS,
  BT_GOOD_MODELS,
  CANCEL_NOTES,
  CONCERNS,
  COORDINATION_ACTIVITIES,
  currentRoster,
  DEPARTMENTS,
  DIFFICULTIES,
  FAMILY,
  GIVEN,
  GOOD_MODELS_2026,
  INSPECTIONS,
  LATE_JUSTIFICATIONS,
  MEETING_QUALITY,
  MIDDLE,
  PROVINCES,
  RECOMMENDATIONS,
  REJECT_NOTES,
  RETURN_NOTES,
  TOPICS_2019,
  TOPICS_2026,
  type DeptKey,
  type DemoCode,
  type Flags,
  type ProvinceDemo,
  type RosterSlot,
} from './demo.data';
import {
  BT_MODEL_ROWS,
  DONE_NOTES,
  EXTERNAL_INSPECTIONS,
  FEEDBACK_BREACHES,
  FEEDBACK_COMMENTS,
  FIELD_TOPIC,
  GOOD_MODELS,
  HOST_RECOMMENDATION,
  INSPECTION_PLANS,
  RECOMMENDATION_CATALOGUE,
  type GoodModelSpec,
  type InspectionPlanSpec,
  type Rating,
  type RecommendationSpec,
  type ReplicationKey,
} from './demo.findings.data';

export { BINH_THUAN_2019 } from './demo.data';

/** The provinces the demo fills with data; accounts follow the pattern `<role>.<code>`. */
export const DEMO_PROVINCES = ['LDG', 'HNI', 'HCM', 'DNG', 'QTI'] as const;

/** The demo's year and its "today": trips before it have happened, trips after it are planned. */
export const DEMO_YEAR = 2026;
export const DEMO_TODAY = '2026-11-27';

const PROVINCE_LABEL: Record<DemoCode, string> = {
  LDG: 'Lâm Đồng, kèm lịch sử Bình Thuận 2019',
  HNI: 'Hà Nội',
  HCM: 'TP. Hồ Chí Minh',
  DNG: 'Đà Nẵng',
  QTI: 'Quảng Trị',
};

const ACCOUNT_LINES: Array<[string, string]> = [
  ['trunguong', 'Trung ương Đoàn: xem và so sánh mọi tỉnh'],
  ['admin.<mã tỉnh>', 'Ban Tổ chức: quản trị tổ chức, cán bộ, quy định'],
  ['thuongtruc.<mã tỉnh>', 'Thường trực: duyệt đăng ký đi cơ sở'],
  ['truongban.<mã tỉnh>', 'Trưởng Ban Phong trào: trình kế hoạch, nhận báo cáo'],
  ['canbo.<mã tỉnh>', 'Cán bộ Ban Phong trào: đăng ký, báo cáo chuyến đi'],
  ['coso.<mã tỉnh>', 'Đoàn xã/phường: xem các đoàn công tác sắp đến'],
];

export const DEMO_ACCOUNTS_NOTE = (password: string): string => {
  const width = Math.max(...ACCOUNT_LINES.map(([name]) => name.length)) + 2;
  return [
    `  Tài khoản mẫu (mật khẩu: ${password}):`,
    ...ACCOUNT_LINES.map(([name, what]) => `    ${name.padEnd(width)}${what}`),
    `    <mã tỉnh>: ${DEMO_PROVINCES.map((c) => `${c.toLowerCase()} (${PROVINCE_LABEL[c]})`).join(', ')}`,
  ].join('\n');
};

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Deterministic pseudo-random numbers, so every fresh start shows the same demo. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const int = (rnd: Rnd, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: Rnd, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
function shuffle<T>(rnd: Rnd, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const at = (date: string, minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`;
};
/** "Phường Mũi Né" -> "phường Mũi Né", as it reads inside a union's name. */
const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const money = (n: number): number => Math.round(n / 10_000) * 10_000;

type Row = Record<string, unknown>;

class Tables {
  readonly rows = new Map<string, Row[]>();
  add(table: string, row: Row): void {
    const list = this.rows.get(table) ?? [];
    list.push(row);
    this.rows.set(table, list);
  }
}

/** Multi-row insert of same-shaped rows through one JSON parameter. */
async function insertAll(client: Client, table: string, rows: Row[] | undefined): Promise<number> {
  if (!rows?.length) return 0;
  const cols = Object.keys(rows[0]);
  const list = cols.join(', ');
  for (let i = 0; i < rows.length; i += 2000) {
    await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [
      JSON.stringify(rows.slice(i, i + 2000)),
    ]);
  }
  return rows.length;
}

const TABLE_ORDER = [
  'unit',
  'cadre',
  'app_user',
  'exemption',
  'policy_rule',
  'batch',
  'topic',
  'quarterly_plan',
  'delegation',
  'inspection_plan',
  'inspection_plan_target',
  'inspection_team',
  'inspection_team_member',
  'trip',
  'trip_member',
  'trip_destination',
  'trip_event',
  'trip_report',
  'inspection_conclusion',
  'corrective_action',
  'good_model',
  'good_model_replication',
  'recommendation',
  'host_feedback',
];

// ---------------------------------------------------------------------------------------------
// In-memory model

interface UnitRec {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  flags: Flags;
  /** The district-level ancestor (Bình Thuận), for reports. */
  district?: string;
}

interface CadreRec {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  position: string;
  dept: DeptKey | null;
  deptId: string | null;
  agency: boolean;
  executive: boolean;
  userId: string | null;
  busy: Set<string>;
  exempt: Array<[string, string]>;
  remaining: number;
}

interface ReportSpec {
  findings: string;
  difficulties: string;
  concerns: string;
  goodModels: string;
  recommendations: string;
  details: Record<string, unknown>;
}

type State =
  'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'RETURNED' | 'COMPLETED' | 'REPORTED' | 'REPORT_ACCEPTED' | 'CANCELLED';
type Kind = 'TOPIC' | 'COORDINATION' | 'INSPECTION' | 'MEETING';

interface TripSpec {
  id: string;
  kind: Kind;
  state: State;
  title: string;
  purpose: string;
  expectedOutput: string;
  topicId: string | null;
  lead: CadreRec;
  members: CadreRec[];
  dests: UnitRec[];
  start: string;
  end: string;
  batchId: string | null;
  planId: string | null;
  delegationId: string | null;
  lateJustification: string | null;
  decisionNote: string | null;
  /** For a cancelled trip: whether it had been approved before. */
  cancelledAfterApproval?: boolean;
  report: ReportSpec | null;
  /** An inspection team's visit. */
  inspectionTeamId?: string | null;
  /** Who ran a higher-level inspection the cadre joined ("Trung ương Đoàn", "Tỉnh ủy"). */
  organiser?: string | null;
}

interface Actor {
  name: string;
  userId: string | null;
}

/** One province's rows, with what its trips need to know. */
class ProvinceBuild {
  readonly t = new Tables();
  readonly units: UnitRec[] = [];
  readonly cadres: CadreRec[] = [];
  readonly trips: TripSpec[] = [];
  readonly deptIds = new Map<DeptKey, string>();
  readonly batches: Array<{ id: string; quarter: number; number: number; start: string; end: string; deadline: string }> = [];
  readonly topics: Array<{ id: string; title: string; dept: DeptKey }> = [];
  travelOrder = 0;

  constructor(
    readonly provinceId: number,
    readonly rnd: Rnd,
    readonly today: string,
    readonly reportDueDays: number,
  ) {}

  unit(
    kind: string,
    name: string,
    parentId: string | null,
    validFrom: string,
    validTo: string | null,
    flags: Flags = {},
    communeCode: string | null = null,
  ): UnitRec {
    const rec: UnitRec = { id: randomUUID(), kind, name, parentId, validFrom, validTo, flags };
    this.units.push(rec);
    this.t.add('unit', {
      province_id: this.provinceId,
      id: rec.id,
      parent_id: parentId,
      kind,
      name,
      commune_code: communeCode,
      valid_from: validFrom,
      valid_to: validTo,
      remote: !!flags.remote,
      border: !!flags.border,
      island: !!flags.island,
    });
    return rec;
  }

  cadre(
    slot: RosterSlot,
    name: string,
    gender: 'MALE' | 'FEMALE',
    term: string,
    subjectFrom: string,
    subjectTo: string | null,
  ): CadreRec {
    const deptId = slot.dept ? (this.deptIds.get(slot.dept) ?? null) : null;
    const rec: CadreRec = {
      id: randomUUID(),
      name,
      gender,
      position: slot.position,
      dept: slot.dept,
      deptId,
      agency: slot.agency,
      executive: slot.executive,
      userId: null,
      busy: new Set(),
      exempt: [],
      remaining: 0,
    };
    this.cadres.push(rec);
    this.t.add('cadre', {
      province_id: this.provinceId,
      id: rec.id,
      full_name: name,
      gender,
      position: slot.position,
      department_id: deptId,
      agency_staff: slot.agency,
      executive_member: slot.executive,
      term,
      subject_from: subjectFrom,
      subject_to: subjectTo,
    });
    return rec;
  }

  exemption(cadre: CadreRec, kind: string, start: string, end: string, note: string, approvedBy: string): void {
    cadre.exempt.push([start, end]);
    this.t.add('exemption', {
      province_id: this.provinceId,
      id: randomUUID(),
      cadre_id: cadre.id,
      kind,
      start_date: start,
      end_date: end,
      note,
      approved_by: approvedBy,
      created_at: at(addDays(start, -3), 9 * 60),
    });
  }

  batch(year: number, quarter: number, number: number, start: string, end: string): void {
    const deadline = addDays(start, -5);
    const id = randomUUID();
    this.batches.push({ id, quarter, number, start, end, deadline });
    this.t.add('batch', {
      province_id: this.provinceId,
      id,
      year,
      quarter,
      number,
      starts_on: start,
      ends_on: end,
      registration_deadline: deadline,
    });
  }

  topic(year: number, title: string, dept: DeptKey, description: string): void {
    const id = randomUUID();
    this.topics.push({ id, title, dept });
    this.t.add('topic', {
      province_id: this.provinceId,
      id,
      year,
      title,
      description,
      department_id: this.deptIds.get(dept === 'TT' ? 'TC' : dept),
    });
  }

  /** The batch whose period contains the trip's dates, as registration requires (trip.checks.ts); none otherwise. */
  batchFor(start: string, end: string): string | null {
    return this.batches.find((b) => start >= b.start && end <= b.end)?.id ?? null;
  }

  isFree(cadre: CadreRec, start: string, len: number, gap = 0): boolean {
    for (let i = -gap; i < len + gap; i += 1) {
      const d = addDays(start, i);
      if (cadre.busy.has(d)) return false;
    }
    const end = addDays(start, len - 1);
    return !cadre.exempt.some(([s, e]) => start <= e && end >= s);
  }

  occupy(cadre: CadreRec, start: string, end: string): void {
    for (let d = start; d <= end; d = addDays(d, 1)) cadre.busy.add(d);
  }

  trip(
    spec: Omit<TripSpec, 'id' | 'batchId' | 'planId' | 'delegationId' | 'lateJustification' | 'decisionNote' | 'report'> &
      Partial<TripSpec>,
  ): TripSpec {
    const trip: TripSpec = {
      id: randomUUID(),
      batchId: this.batchFor(spec.start, spec.end),
      planId: null,
      delegationId: null,
      lateJustification: null,
      decisionNote: null,
      report: null,
      ...spec,
    };
    const live = !['REJECTED', 'CANCELLED'].includes(trip.state);
    for (const m of trip.members) {
      if (live) this.occupy(m, trip.start, trip.end);
    }
    this.trips.push(trip);
    return trip;
  }
}

// ---------------------------------------------------------------------------------------------
// Trip rows: the trip, its members, destinations, timeline and report, consistent with its state

interface Actors {
  approver: Actor;
  headOf: (dept: DeptKey | null) => Actor;
  organiser: Actor;
}

const STEP_PATH: Record<State, string[]> = {
  DRAFT: [],
  SUBMITTED: ['SUBMITTED'],
  APPROVED: ['SUBMITTED', 'APPROVED'],
  REJECTED: ['SUBMITTED', 'REJECTED'],
  RETURNED: ['SUBMITTED', 'RETURNED'],
  COMPLETED: ['SUBMITTED', 'APPROVED', 'COMPLETED'],
  REPORTED: ['SUBMITTED', 'APPROVED', 'COMPLETED', 'REPORTED'],
  REPORT_ACCEPTED: ['SUBMITTED', 'APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED'],
  CANCELLED: ['SUBMITTED', 'APPROVED', 'CANCELLED'],
};
const AFTER: Record<string, State> = {
  REGISTERED: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  RETURNED: 'RETURNED',
  COMPLETED: 'COMPLETED',
  REPORTED: 'REPORTED',
  REPORT_ACCEPTED: 'REPORT_ACCEPTED',
  CANCELLED: 'CANCELLED',
};

function writeTrip(b: ProvinceBuild, trip: TripSpec, actors: Actors): void {
  const { rnd } = b;
  const p = b.provinceId;
  const lead: Actor = { name: trip.lead.name, userId: trip.lead.userId };
  const now = Date.parse(at(b.today, 17 * 60));
  let steps = ['REGISTERED', ...STEP_PATH[trip.state]];
  if (trip.state === 'CANCELLED' && !trip.cancelledAfterApproval) steps = ['REGISTERED', 'CANCELLED'];

  // When each step happened: registration before the trip (or after it began, for a late one).
  const late = trip.lateJustification !== null;
  let day = late ? addDays(trip.start, int(rnd, 1, 2)) : addDays(trip.start, -int(rnd, 9, 20));
  if (day >= b.today) day = addDays(b.today, -int(rnd, 2, 6));
  const events: Array<{ event: string; day: string; actor: Actor; note: string | null }> = [];
  let last = '';
  const settled = trip.state === 'REPORT_ACCEPTED' && addDays(trip.end, 30) < b.today;
  const reportDay = addDays(trip.end, int(rnd, 2, 8) + (rnd() < 0.12 ? 6 : 0));
  for (const step of steps) {
    let d = day;
    let actor = lead;
    let note: string | null = null;
    switch (step) {
      case 'REGISTERED':
        d = day;
        break;
      case 'SUBMITTED':
        d = addDays(last, rnd() < 0.5 ? 0 : 1);
        note = late ? trip.lateJustification : null;
        break;
      case 'APPROVED':
        d = late ? addDays(last, 1) : minDate(addDays(last, int(rnd, 1, 3)), addDays(trip.start, -1));
        actor = actors.approver;
        break;
      case 'REJECTED':
      case 'RETURNED':
        d = addDays(last, int(rnd, 1, 2));
        actor = actors.approver;
        note = trip.decisionNote;
        break;
      case 'CANCELLED':
        d = minDate(addDays(last, int(rnd, 1, 4)), addDays(trip.start, -1));
        note = trip.decisionNote;
        break;
      case 'COMPLETED':
        d = addDays(trip.end, rnd() < 0.6 ? 0 : 1);
        break;
      case 'REPORTED':
        d = reportDay;
        break;
      case 'REPORT_ACCEPTED':
        d = addDays(last, int(rnd, 1, 4));
        actor = actors.headOf(trip.lead.dept);
        break;
    }
    d = maxDate(d, last || d);
    d = minDate(d, b.today);
    last = d;
    events.push({ event: step, day: d, actor, note });
  }
  // Timestamps strictly increasing within working hours.
  let prev = 0;
  const stamped = events.map((e) => {
    let ms = Date.parse(at(e.day, int(rnd, 7 * 60 + 30, 16 * 60 + 30)));
    if (ms <= prev) ms = prev + int(rnd, 15, 90) * 60_000;
    prev = Math.min(ms, now);
    return { ...e, ts: new Date(prev).toISOString() };
  });
  if (trip.delegationId) {
    const approvedAt = present(
      stamped.find((e) => e.event === 'APPROVED'),
      'approval',
    ).ts;
    stamped.push({
      event: 'MERGED',
      day: '',
      actor: actors.organiser,
      note: 'Ghép đoàn 2 chuyến',
      ts: new Date(Date.parse(approvedAt) + 3_600_000).toISOString(),
    });
  }

  let prevState: State | null = null;
  for (const e of stamped) {
    const to = e.event === 'MERGED' ? 'APPROVED' : AFTER[e.event];
    b.t.add('trip_event', {
      province_id: p,
      id: randomUUID(),
      trip_id: trip.id,
      event: e.event,
      from_state: prevState,
      to_state: to,
      actor_id: e.actor.userId,
      actor_name: e.actor.name,
      note: e.note,
      at: e.ts,
    });
    prevState = to;
  }

  const done = ['COMPLETED', 'REPORTED', 'REPORT_ACCEPTED'].includes(trip.state);
  const approvedEver = done || trip.state === 'APPROVED' || (trip.state === 'CANCELLED' && !!trip.cancelledAfterApproval);
  const days = daysBetween(trip.start, trip.end);
  const estimated = money(trip.members.length * days * 350_000 + 400_000 + rnd() * 300_000);
  const submitted = stamped.find((e) => e.event === 'SUBMITTED');
  const warnings = late
    ? [
        {
          code: 'LATE_REGISTRATION',
          severity: 'WARN',
          field: 'input.startDate',
          message: `Đăng ký muộn: chuyến đi bắt đầu ${formatVn(trip.start)}, trước ngày đăng ký. Cần giải trình bằng văn bản.`,
        },
      ]
    : [];
  b.t.add('trip', {
    province_id: p,
    id: trip.id,
    kind: trip.kind,
    state: trip.state,
    title: trip.title,
    purpose: trip.purpose,
    expected_output: trip.expectedOutput,
    topic_id: trip.topicId,
    lead_cadre_id: trip.lead.id,
    department_id: trip.lead.deptId,
    batch_id: trip.batchId,
    plan_id: trip.planId,
    delegation_id: trip.delegationId,
    start_date: trip.start,
    end_date: trip.end,
    actual_start: done ? trip.start : null,
    actual_end: done ? trip.end : null,
    travel_order_no: approvedEver ? `${(b.travelOrder += 1)}/CL-TĐTN` : null,
    estimated_cost: estimated,
    actual_cost: done ? money(estimated * (0.85 + rnd() * 0.2)) : null,
    settlement: done ? (settled ? 'SETTLED' : 'PENDING') : 'NONE',
    late_registration: late,
    late_justification: trip.lateJustification,
    decision_note: trip.decisionNote,
    warnings,
    version: stamped.length,
    created_by: trip.lead.userId,
    created_at: stamped[0].ts,
    updated_at: stamped[stamped.length - 1].ts,
    submitted_at: submitted?.ts ?? null,
    inspection_team_id: trip.inspectionTeamId ?? null,
    organiser: trip.organiser ?? null,
  });
  for (const m of trip.members) {
    b.t.add('trip_member', { province_id: p, trip_id: trip.id, cadre_id: m.id, is_lead: m.id === trip.lead.id });
  }
  for (const u of trip.dests) b.t.add('trip_destination', { province_id: p, trip_id: trip.id, unit_id: u.id });

  if (trip.state === 'REPORTED' || trip.state === 'REPORT_ACCEPTED') {
    const r = trip.report ?? defaultReport(rnd, trip);
    const reported = present(
      stamped.find((e) => e.event === 'REPORTED'),
      'report event',
    );
    const accepted = stamped.find((e) => e.event === 'REPORT_ACCEPTED');
    const dueOn = addDays(trip.end, b.reportDueDays);
    b.t.add('trip_report', {
      province_id: p,
      trip_id: trip.id,
      findings: r.findings,
      difficulties: r.difficulties,
      members_concerns: r.concerns,
      good_models: r.goodModels,
      recommendations: r.recommendations,
      details: r.details,
      due_on: dueOn,
      submitted_at: reported.ts,
      submitted_by: reported.actor.userId,
      late: reported.day > dueOn,
      accepted_at: accepted?.ts ?? null,
      accepted_by: accepted?.actor.userId ?? null,
    });
  }
}

function defaultReport(rnd: Rnd, trip: TripSpec): ReportSpec {
  const place = trip.dests.map((d) => d.name).join(', ');
  const details: Record<string, unknown> = {};
  let findings = `Đã làm việc trực tiếp với ${place}; nắm tình hình tổ chức Đoàn, đoàn viên và hoạt động của thanh thiếu nhi trên địa bàn.`;
  if (trip.kind === 'MEETING') {
    details.membersPresent = int(rnd, 12, 35);
    details.meetingQuality = pick(rnd, MEETING_QUALITY);
    findings = `Dự sinh hoạt tại ${place}: ${String(details.membersPresent)} đoàn viên có mặt. ${String(details.meetingQuality)}`;
  } else if (trip.kind === 'INSPECTION') {
    details.conclusion = INSPECTIONS.find((i) => trip.title.startsWith(i.title))?.conclusion ?? INSPECTIONS[0].conclusion;
    findings = `Đoàn kiểm tra làm việc với ${place} theo kế hoạch của Ban Thường vụ. Đã ban hành thông báo kết luận.`;
  } else if (trip.kind === 'COORDINATION') {
    details.activityOutcome =
      COORDINATION_ACTIVITIES.find((a) => trip.title.startsWith(a.title))?.outcome ?? 'Hoạt động diễn ra đúng kế hoạch.';
    findings = `Phối hợp cùng ${place} tổ chức hoạt động; không tổ chức hội nghị, không gây phiền hà cho cơ sở.`;
  }
  return {
    findings,
    difficulties: pick(rnd, DIFFICULTIES),
    concerns: pick(rnd, CONCERNS),
    goodModels: trip.kind === 'TOPIC' ? pick(rnd, GOOD_MODELS_2026) : '',
    recommendations: pick(rnd, RECOMMENDATIONS),
    details,
  };
}

// ---------------------------------------------------------------------------------------------
// Names

function nameMaker(rnd: Rnd): (gender: 'MALE' | 'FEMALE') => string {
  const used = new Set<string>();
  return (gender) => {
    for (;;) {
      const name = `${pick(rnd, FAMILY)} ${pick(rnd, MIDDLE[gender])} ${pick(rnd, GIVEN[gender])}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// A current province in 2026

const KIND_WEIGHTS: Array<[Kind, number]> = [
  ['TOPIC', 0.42],
  ['COORDINATION', 0.24],
  ['INSPECTION', 0.18],
  ['MEETING', 0.16],
];
const KIND_LENGTH: Record<Kind, [number, number]> = { TOPIC: [4, 6], COORDINATION: [3, 5], INSPECTION: [3, 4], MEETING: [1, 2] };
const pickKind = (rnd: Rnd): Kind => {
  let x = rnd();
  for (const [k, w] of KIND_WEIGHTS) {
    if ((x -= w) < 0) return k;
  }
  return 'TOPIC';
};
const PURPOSE: Record<Kind, string> = {
  TOPIC: 'Khảo sát, nắm tình hình theo chuyên đề đã đăng ký; không tổ chức hội nghị, không gây phiền hà cho cơ sở.',
  COORDINATION: 'Phối hợp với cơ sở tổ chức, triển khai hoạt động theo chương trình công tác của Tỉnh đoàn.',
  INSPECTION: 'Thực hiện kế hoạch kiểm tra, giám sát của Ban Thường vụ; làm việc với Ban Chấp hành Đoàn cơ sở.',
  MEETING: 'Dự sinh hoạt chi đoàn, nắm tâm tư, nguyện vọng của đoàn viên thanh niên.',
};
const OUTPUT: Record<Kind, string> = {
  TOPIC: 'Báo cáo kết quả khảo sát, đề xuất giải pháp và mô hình hay để nhân rộng.',
  COORDINATION: 'Hoạt động được tổ chức đúng kế hoạch, báo cáo kết quả phối hợp.',
  INSPECTION: 'Thông báo kết luận kiểm tra, giám sát.',
  MEETING: 'Báo cáo dự sinh hoạt chi đoàn, góp ý nâng chất lượng sinh hoạt.',
};

interface ProvinceAccounts {
  admin: { id: string; name: string };
  thuongtruc: CadreRec;
  truongban: CadreRec;
  canbo: CadreRec;
  host: UnitRec;
}

function buildCurrentProvince(b: ProvinceBuild, p: ProvinceDemo, passwordHash: string): ProvinceAccounts {
  const { rnd } = b;
  const pid = b.provinceId;
  const Y = DEMO_YEAR;

  // Unit tree: the agency, its departments, district level until 30/6/2025, communes from 1/7/2025.
  const root = b.unit('PROVINCIAL_AGENCY', `Cơ quan ${p.union}`, null, '2015-01-01', null);
  for (const d of DEPARTMENTS(p.orgDepartment)) b.deptIds.set(d.key, b.unit(d.kind, d.name, root.id, '2015-01-01', null).id);
  b.deptIds.set('TT', root.id);
  for (const d of p.districts) {
    const kind = d.name.startsWith('Đoàn Khối') ? 'AFFILIATED_UNION' : 'DISTRICT_UNION';
    const flags = { remote: !!d.remote, border: !!d.border, island: !!d.island };
    const u = b.unit(kind, d.name, root.id, '2015-01-01', '2025-06-30', flags);
    b.unit('CHAPTER', d.chapter, u.id, '2015-01-01', '2025-06-30', flags);
  }
  const affiliated: UnitRec[] = [];
  const affiliatedChapters: UnitRec[] = [];
  for (const a of p.affiliated) {
    const u = b.unit('AFFILIATED_UNION', a.name, root.id, '2015-01-01', null);
    affiliated.push(u);
    affiliatedChapters.push(b.unit('CHAPTER', a.chapter, u.id, '2015-01-01', null));
  }
  const catalogue = new Map(
    loadCommunes()
      .filter((c) => c.provinceId === pid)
      .map((c) => [c.name, c.code]),
  );
  const communes: UnitRec[] = [];
  const chapters: UnitRec[] = [...affiliatedChapters];
  let host: UnitRec | null = null;
  let school: UnitRec | null = null;
  p.communes.forEach(([name, flags], i) => {
    const code = catalogue.get(name);
    if (!code) return;
    const u = b.unit('COMMUNE_UNION', communeUnionName(name), root.id, '2025-07-01', null, flags ?? {}, code);
    communes.push(u);
    if (i === p.hostIndex) host = u;
    if (i < 14 || i === p.hostIndex) {
      const ward = name.startsWith('Phường');
      const cell = ward ? 'khu phố' : 'thôn';
      for (const n of [int(rnd, 1, 4), int(rnd, 5, 9)]) {
        chapters.push(b.unit('CHAPTER', `Chi đoàn ${cell} ${n}, ${lowerFirst(name)}`, u.id, '2025-07-01', null, flags ?? {}));
      }
      chapters.push(b.unit('CHAPTER', `Chi đoàn Công an ${lowerFirst(name)}`, u.id, '2025-07-01', null, flags ?? {}));
    }
    if (name === p.school[0]) {
      school = b.unit('GRASSROOTS_UNION', p.school[1], u.id, '2015-01-01', null);
      chapters.push(b.unit('CHAPTER', 'Chi đoàn lớp 11A1', school.id, '2025-09-05', null));
    }
  });
  if (!host) host = communes[Math.min(p.hostIndex, communes.length - 1)];
  const hostUnit: UnitRec = host;
  const schools: UnitRec[] = school ? [school] : [];

  // Roster.
  const nextName = nameMaker(rnd);
  const slots = currentRoster(p);
  for (const slot of slots) {
    const gender = slot.gender ?? (rnd() < 0.3 ? 'FEMALE' : 'MALE');
    b.cadre(
      slot,
      nextName(gender),
      gender,
      p.term,
      rnd() < 0.8 ? '2022-10-01' : `202${int(rnd, 3, 5)}-0${int(rnd, 1, 9)}-01`,
      null,
    );
  }
  const bySlot = (account: RosterSlot['account']) => b.cadres[slots.findIndex((s) => s.account === account)];
  const thuongtruc = bySlot('thuongtruc');
  const truongban = bySlot('truongban');
  const canbo = bySlot('canbo');

  // Accounts (before trips, which point at their authors).
  const code = p.code.toLowerCase();
  const admin = { id: randomUUID(), name: `Ban Tổ chức ${p.union}` };
  const user = (
    username: string,
    role: string,
    fullName: string,
    cadre: CadreRec | null,
    unitId: string | null,
    id = randomUUID(),
  ) => {
    if (cadre) cadre.userId = id;
    b.t.add('app_user', {
      id,
      province_id: pid,
      username,
      password_hash: passwordHash,
      full_name: fullName,
      role,
      cadre_id: cadre?.id ?? null,
      unit_id: unitId,
    });
  };
  user(`admin.${code}`, 'PROVINCE_ADMIN', admin.name, null, null, admin.id);
  user(`thuongtruc.${code}`, 'STANDING_BOARD', thuongtruc.name, thuongtruc, null);
  user(`truongban.${code}`, 'DEPARTMENT_HEAD', truongban.name, truongban, null);
  user(`canbo.${code}`, 'CADRE', canbo.name, canbo, null);
  const hostUserId = randomUUID();
  user(`coso.${code}`, 'HOST_UNIT', hostUnit.name, null, hostUnit.id, hostUserId);

  // Exemptions: maternity, long study, long sick leave.
  const approvedBy = `Ban Thường vụ ${p.union}`;
  const mother =
    b.cadres.find((c) => c.dept === 'TG' && c.gender === 'FEMALE' && !c.position.startsWith('Trưởng')) ?? b.cadres[11];
  b.exemption(mother, 'MATERNITY', `${Y}-02-02`, `${Y}-08-01`, 'Nghỉ chế độ thai sản 6 tháng.', approvedBy);
  const student = present(
    b.cadres.find((c) => c.dept === 'TN' && c.position.startsWith('Chuyên viên')),
    'a youth-work specialist',
  );
  b.exemption(
    student,
    'LONG_STUDY',
    `${Y}-03-02`,
    `${Y}-12-31`,
    'Học Cao cấp lý luận chính trị tập trung tại Học viện Chính trị quốc gia Hồ Chí Minh.',
    approvedBy,
  );
  const sick = present(
    b.cadres.find((c) => c.dept === 'VP' && c.position.startsWith('Chuyên viên')),
    'an office specialist',
  );
  b.exemption(sick, 'LONG_SICK_LEAVE', `${Y}-05-11`, `${Y}-08-10`, 'Điều trị dài ngày sau phẫu thuật.', approvedBy);

  // The year's rule, batches, topics and quarterly plans.
  const rule = RULES[p.code];
  if (rule) {
    b.t.add('policy_rule', {
      province_id: pid,
      year: Y,
      required_days: rule.requiredDays,
      window_start: rule.windowStart,
      window_end: rule.windowEnd,
      min_days_district: null,
      min_days_commune: rule.minCommune ?? null,
      min_days_chapter: rule.minChapter ?? null,
      report_required: true,
      report_due_days: rule.reportDueDays,
      check_late_registration: 'WARN',
      check_double_booking: 'BLOCK',
      check_host_load: 'WARN',
      host_load_max_per_week: rule.hostLoadMax,
      check_topic_overlap: 'WARN',
      version: 2,
      updated_at: at(`${Y}-01-08`, 9 * 60),
    });
  }
  for (const [q, n, s, e] of BATCHES_2026) b.batch(Y, q, n, s, e);
  for (const [title, dept] of TOPICS_2026) b.topic(Y, title, dept, `Chuyên đề năm ${Y} do ${deptName(p, dept)} chủ trì.`);
  const plans = new Map<string, string>();
  for (const d of DEPARTMENTS(p.orgDepartment)) {
    for (const q of [1, 2, 3]) {
      const id = randomUUID();
      plans.set(`${d.key}:${q}`, id);
      const qStart = `${Y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
      b.t.add('quarterly_plan', {
        province_id: pid,
        id,
        department_id: b.deptIds.get(d.key),
        year: Y,
        quarter: q,
        state: 'APPROVED',
        note: '',
        submitted_at: at(addDays(qStart, -12), 10 * 60),
        decided_at: at(addDays(qStart, -8), 15 * 60),
        version: 3,
      });
    }
  }

  // Destinations by kind, valid on every 2026 date.
  const others = communes.filter((c) => c.id !== hostUnit.id);
  const destFor = (kind: Kind): UnitRec[] => {
    if (kind === 'MEETING') return [pick(rnd, chapters)];
    if (rnd() < 0.1) return [hostUnit];
    if (kind === 'COORDINATION' && rnd() < 0.3) return [pick(rnd, affiliated)];
    if (kind === 'INSPECTION' && schools.length && rnd() < 0.2) return [pick(rnd, schools)];
    const first =
      rnd() < 0.3
        ? pick(rnd, others.filter((c) => c.flags.remote || c.flags.border || c.flags.island).concat(others.slice(0, 1)))
        : pick(rnd, others);
    if (kind === 'TOPIC' && rnd() < 0.25) {
      const second = pick(rnd, others);
      if (second.id !== first.id) return [first, second];
    }
    return [first];
  };
  const topicFor = (lead: CadreRec) => {
    const own = b.topics.filter((t) => t.dept === lead.dept);
    return own.length && rnd() < 0.7 ? pick(rnd, own) : pick(rnd, b.topics);
  };
  const titleFor = (kind: Kind, dests: UnitRec[], start: string, lead: CadreRec): { title: string; topicId: string | null } => {
    const place = dests.map((d) => d.name).join(' và ');
    if (kind === 'TOPIC') {
      const t = topicFor(lead);
      return { title: `${t.title} tại ${place}`, topicId: t.id };
    }
    if (kind === 'COORDINATION') {
      const month = Number(start.slice(5, 7));
      const options = COORDINATION_ACTIVITIES.filter((a) => a.months.includes(month));
      return { title: `${pick(rnd, options.length ? options : COORDINATION_ACTIVITIES).title} tại ${place}`, topicId: null };
    }
    if (kind === 'INSPECTION') return { title: `${pick(rnd, INSPECTIONS).title} tại ${place}`, topicId: null };
    return { title: `Dự sinh hoạt ${place}`, topicId: null };
  };

  const required = rule?.requiredDays ?? 60;
  const windowStart = rule?.windowStart ?? `${Y}-01-01`;
  const firstDay = maxDate(addDays(windowStart, 4), `${Y}-01-05`);
  const pastEnd = addDays(b.today, -2);
  const stateByEnd = (end: string): State =>
    end > addDays(b.today, -7) ? 'COMPLETED' : end > addDays(b.today, -17) ? 'REPORTED' : 'REPORT_ACCEPTED';

  const place = (
    kind: Kind,
    lead: CadreRec,
    len: number,
    from: string,
    to: string,
    companions: number,
    state: State | null,
    extra: Partial<TripSpec> = {},
  ): TripSpec | null => {
    let start = from;
    while (addDays(start, len - 1) <= to && !b.isFree(lead, start, len, 1)) start = addDays(start, 1);
    const end = addDays(start, len - 1);
    if (end > to) return null;
    const members = [lead];
    if (companions > 0) {
      const pool = shuffle(
        rnd,
        b.cadres.filter((c) => c !== lead && (c.remaining > 0 || state !== null) && b.isFree(c, start, len, 1)),
      );
      pool.sort((x, y) => Number(y.dept === lead.dept) - Number(x.dept === lead.dept));
      members.push(...pool.slice(0, companions));
    }
    const dests = extra.dests ?? destFor(kind);
    const { title, topicId } = titleFor(kind, dests, start, lead);
    const s = state ?? stateByEnd(end);
    for (const m of members)
      if (!['REJECTED', 'CANCELLED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'].includes(s)) m.remaining -= len;
    return b.trip({
      kind,
      state: s,
      title,
      purpose: PURPOSE[kind],
      expectedOutput: OUTPUT[kind],
      topicId,
      lead,
      members,
      dests,
      start,
      end,
      ...extra,
    });
  };

  // Forced first: what the demo accounts should find waiting for them.
  const pt = b.cadres.filter((c) => c.dept === 'PT');
  const ptDeputy = present(
    pt.find((c) => c.position.startsWith('Phó')),
    'a deputy head',
  );
  const ptOther = present(
    pt.find((c) => c !== canbo && c.position.startsWith('Chuyên viên')),
    'a specialist',
  );
  place('TOPIC', canbo, 3, addDays(b.today, -4), pastEnd, 0, 'COMPLETED');
  place('COORDINATION', ptDeputy, 3, addDays(b.today, -16), addDays(b.today, -9), 1, 'REPORTED');
  place('MEETING', ptOther, 1, addDays(b.today, -13), addDays(b.today, -9), 0, 'REPORTED');

  // The Standing Committee's inspection plans: target communes, a team across departments, its visits.
  const away = new Set([mother, student, sick]);
  const planCount = int(rnd, 1, 2);
  const planWindows: Array<[string, string]> =
    planCount === 1
      ? [[`${Y}-04-01`, `${Y}-11-20`]]
      : [
          [`${Y}-03-02`, `${Y}-06-30`],
          [`${Y}-08-03`, `${Y}-12-18`],
        ];
  const teamLeads = [
    present(
      b.cadres.find((c) => c.dept === 'TC' && c.position.startsWith('Trưởng')),
      'the organisation head',
    ),
    b.cadres[2],
  ];
  // The host commune is inspected first, so its account has corrective actions to report on.
  const targetPool = [
    hostUnit,
    ...shuffle(
      rnd,
      others.filter((c) => !GOOD_MODELS[p.code].some((m) => c.name === communeUnionName(m.commune))),
    ),
  ];
  const teamVisits: Array<{ trip: TripSpec; plan: InspectionPlanSpec }> = [];
  shuffle(rnd, INSPECTION_PLANS)
    .slice(0, planCount)
    .forEach((spec, k) => {
      const [startsOn, endsOn] = planWindows[k];
      const planId = randomUUID();
      const title = `${spec.title} năm ${Y}`;
      const targets = targetPool.splice(0, int(rnd, 3, 6));
      b.t.add('inspection_plan', {
        province_id: pid,
        id: planId,
        year: Y,
        title,
        subject: spec.subject,
        description: spec.description,
        starts_on: startsOn,
        ends_on: endsOn,
        version: 1,
        created_at: at(addDays(startsOn, -int(rnd, 15, 25)), 9 * 60),
      });
      for (const u of targets) b.t.add('inspection_plan_target', { province_id: pid, plan_id: planId, unit_id: u.id });
      const lead = teamLeads[k];
      const team = [lead];
      const depts = shuffle(
        rnd,
        (['TC', 'TG', 'PT', 'TN', 'VP'] as const).filter((d) => d !== lead.dept),
      );
      for (const d of depts.slice(0, int(rnd, 2, 3))) {
        const pool = b.cadres.filter((c) => c.dept === d && !away.has(c) && c !== canbo);
        if (pool.length) team.push(pick(rnd, pool));
      }
      const teamId = randomUUID();
      b.t.add('inspection_team', {
        province_id: pid,
        id: teamId,
        plan_id: planId,
        name: `Đoàn kiểm tra số ${k + 1}: ${spec.title.replace(/^(Kiểm tra|Giám sát) /u, '')}`,
        lead_cadre_id: lead.id,
      });
      for (const c of team) b.t.add('inspection_team_member', { province_id: pid, team_id: teamId, cadre_id: c.id });

      // One visit per target unit, as much of the team as is free; a plan still running has one to come.
      const visit = (u: UnitRec, from: string, to: string, len: number, state: State | null): void => {
        const mates = (s: string) => team.slice(1).filter((m) => b.isFree(m, s, len, 0));
        const need = Math.min(2, team.length - 1);
        let start = from;
        while (addDays(start, len - 1) <= to && !(b.isFree(lead, start, len, 1) && mates(start).length >= need))
          start = addDays(start, 1);
        const end = addDays(start, len - 1);
        if (end > to) return;
        const members = [lead, ...mates(start)];
        const s = state ?? stateByEnd(end);
        if (DONE_STATES.includes(s)) for (const m of members) m.remaining -= len;
        const trip = b.trip({
          kind: 'INSPECTION',
          state: s,
          title: `${title} tại ${u.name}`,
          purpose: spec.description,
          expectedOutput: 'Báo cáo kết luận kiểm tra',
          topicId: null,
          lead,
          members,
          dests: [u],
          start,
          end,
          inspectionTeamId: teamId,
        });
        teamVisits.push({ trip, plan: spec });
      };
      const upcoming = endsOn > b.today;
      const done = upcoming ? targets.slice(0, -1) : targets;
      const last = minDate(endsOn, pastEnd);
      const span = daysBetween(startsOn, last);
      done.forEach((u, i) => visit(u, addDays(startsOn, Math.floor((i * span) / done.length)), last, int(rnd, 2, 3), null));
      if (upcoming) visit(targets[targets.length - 1], `${Y}-12-01`, `${Y}-12-06`, 2, 'APPROVED');
    });

  // Higher-level teams a cadre joined: the central union's everywhere, the party committee's in a province.
  EXTERNAL_INSPECTIONS.filter((e) => e.organiser === 'Trung ương Đoàn' || p.place.startsWith('tỉnh')).forEach((e, k) => {
    const dest = pick(rnd, others);
    const from = k === 0 ? `${Y}-05-11` : `${Y}-09-14`;
    for (const c of shuffle(
      rnd,
      b.cadres.filter((x) => (x.dept === 'TT' || x.dept === 'TC' || x.dept === 'PT') && !away.has(x)),
    )) {
      const trip = place('INSPECTION', c, 3, from, addDays(from, 40), 0, null, {
        dests: [dest],
        title: `${e.title} tại ${dest.name}`,
        purpose: `Tham gia đoàn kiểm tra, giám sát của ${e.organiser}`,
        expectedOutput: 'Báo cáo kết quả tham gia đoàn kiểm tra, giám sát',
        organiser: e.organiser,
      });
      if (trip) break;
    }
  });

  // Good models, each found on a topic trip to its commune.
  const modelTrips: Array<{ spec: GoodModelSpec; unit: UnitRec; trip: TripSpec }> = [];
  GOOD_MODELS[p.code].slice(0, int(rnd, 5, 7)).forEach((spec, i) => {
    const unit = communes.find((c) => c.name === communeUnionName(spec.commune)) ?? pick(rnd, others);
    const topic = b.topics[FIELD_TOPIC[spec.field]];
    const from = addDays(maxDate(firstDay, `${Y}-03-09`), i * 30);
    const leads = [
      ...shuffle(
        rnd,
        b.cadres.filter((c) => c.dept === topic.dept && !away.has(c)),
      ),
      ...shuffle(
        rnd,
        b.cadres.filter((c) => c.dept !== null && c.dept !== topic.dept && !away.has(c)),
      ),
    ];
    for (const c of leads) {
      const trip = place('TOPIC', c, int(rnd, 3, 4), from, addDays(from, 35), 0, null, {
        dests: [unit],
        title: `${topic.title} tại ${unit.name}`,
        topicId: topic.id,
      });
      if (trip) {
        modelTrips.push({ spec, unit, trip });
        break;
      }
    }
  });

  // Targets: a spread around the requirement, lower for cadres exempt part of the year.
  const factors = shuffle(
    rnd,
    [1.25, 1.18, 1.12, 1.08, 1.05, 1.03, 1.02, 1.0, 1.0, 0.97, 0.93, 0.88, 0.82, 0.76, 0.7, 0.63, 0.55, 0.48, 0.4, 0.32, 0.22],
  );
  const span = daysBetween(firstDay, pastEnd);
  b.cadres.forEach((c, i) => {
    const exemptDays = c.exempt.reduce((n, [s, e]) => n + daysBetween(maxDate(s, firstDay), minDate(e, pastEnd)), 0);
    const factor = c === truongban || c === canbo ? Math.max(factors[i] ?? 1, 0.9) : (factors[i] ?? 0.8);
    c.remaining += Math.round(required * factor * (1 - exemptDays / span));
  });
  // A minimum per host level (Hồ Chí Minh: 10 days at chapters) is met only by planning for it: the
  // cadres on course for the requirement attend chapter meetings enough for the minimum, spread over
  // the year, before the rest of their trips. Without this none reached it and the city read 0% met.
  const minChapter = rule?.minChapter ?? 0;
  if (minChapter > 0) {
    const atChapters = new Map<CadreRec, number>();
    const meetings = Math.ceil((minChapter + 1) / 2);
    for (const c of b.cadres) {
      if (away.has(c) || c.remaining < required * 0.8) continue;
      for (let k = 0; k < meetings * 2 && (atChapters.get(c) ?? 0) < minChapter + 1; k += 1) {
        const from = addDays(firstDay, Math.floor(((k % meetings) * span) / meetings) + int(rnd, 0, 10));
        const trip = place('MEETING', c, 2, from, pastEnd, 2, null);
        for (const m of trip?.members ?? []) atChapters.set(m, (atChapters.get(m) ?? 0) + 2);
      }
    }
  }
  const wishes: Array<{ c: CadreRec; kind: Kind; len: number; date: string }> = [];
  for (const c of b.cadres) {
    const lens: Array<[Kind, number]> = [];
    let left = Math.max(c.remaining, 0) * 0.45; // companions fill the rest
    while (left > 0) {
      const kind = pickKind(rnd);
      const len = int(rnd, ...KIND_LENGTH[kind]);
      lens.push([kind, len]);
      left -= len;
    }
    lens.forEach(([kind, len], k) => {
      const date = addDays(firstDay, Math.floor(((k + rnd()) * span) / Math.max(lens.length, 1)));
      wishes.push({ c, kind, len, date });
    });
  }
  wishes.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  for (const w of wishes) {
    if (w.c.remaining <= 0) continue;
    const len = Math.max(1, Math.min(w.len, w.c.remaining));
    const companions = w.kind === 'MEETING' ? int(rnd, 0, 1) : rnd() < 0.85 ? pick(rnd, [1, 1, 2, 2, 3]) : 0;
    place(w.kind, w.c, len, w.date, pastEnd, companions, null);
  }

  // Late registrations: two trips that went first and registered after.
  const accepted = b.trips.filter((t) => t.state === 'REPORT_ACCEPTED');
  accepted[Math.floor(accepted.length * 0.35)].lateJustification = LATE_JUSTIFICATIONS[0];
  accepted[Math.floor(accepted.length * 0.7)].lateJustification = LATE_JUSTIFICATIONS[1];

  // Refused and cancelled trips in the past.
  const autumn = `${Y}-10-05`;
  const lateAutumn = addDays(b.today, -20);
  const someone = () =>
    pick(
      rnd,
      b.cadres.filter((c) => c !== mother && c !== student && c !== sick),
    );
  place('TOPIC', someone(), 3, autumn, lateAutumn, 0, 'REJECTED', { decisionNote: REJECT_NOTES[0] });
  place('COORDINATION', someone(), 2, `${Y}-09-14`, lateAutumn, 1, 'CANCELLED', {
    decisionNote: CANCEL_NOTES[1],
    cancelledAfterApproval: true,
  });

  // Ghép đoàn: two approved trips of different departments to the host commune on overlapping days.
  const dec = (d: number) => `${Y}-12-${String(d).padStart(2, '0')}`;
  const delegationId = randomUUID();
  const free = (c: CadreRec) => c !== mother && c !== student && c !== sick && c !== canbo;
  const tgLead = b.cadres.filter((c) => c.dept === 'TG' && free(c));
  const tcLead = b.cadres.filter((c) => c.dept === 'TC' && free(c));
  let first: TripSpec | null = null;
  for (const c of tgLead)
    if (!first) first = place('TOPIC', c, 3, dec(8), dec(14), 0, 'APPROVED', { dests: [hostUnit], delegationId });
  let second: TripSpec | null = null;
  if (first) {
    for (const c of tcLead)
      if (!second)
        second = place('INSPECTION', c, 2, addDays(first.start, 1), addDays(first.end, 1), 0, 'APPROVED', {
          dests: [hostUnit],
          delegationId,
        });
  }
  if (first && second) {
    b.t.add('delegation', {
      province_id: pid,
      id: delegationId,
      host_unit_id: hostUnit.id,
      start_date: minDate(first.start, second.start),
      end_date: maxDate(first.end, second.end),
      created_by: admin.id,
      created_at: at(addDays(b.today, -3), 10 * 60),
    });
  } else {
    throw new Error(`Demo ${p.code}: could not place the merged delegation`);
  }

  // What is coming in December: drafts, submissions, approvals (two merged), returns.
  const batch3 = present(
    b.batches.find((x) => x.quarter === 4 && x.number === 3),
    'batch 3 of Q4',
  );
  place('TOPIC', canbo, 3, batch3.start, batch3.end, 0, 'DRAFT');
  place('MEETING', canbo, 1, dec(15), dec(22), 0, 'RETURNED', { decisionNote: RETURN_NOTES[0] });
  place('TOPIC', someone(), 3, dec(14), dec(22), 0, 'RETURNED', { decisionNote: RETURN_NOTES[1] });
  place('COORDINATION', someone(), 2, dec(1), dec(18), 0, 'DRAFT');
  place('INSPECTION', truongban, 2, dec(16), dec(22), 1, 'DRAFT');
  for (let i = 0; i < 4; i += 1)
    place(i === 2 ? 'MEETING' : pickKind(rnd), someone(), int(rnd, 2, 3), dec(1 + i * 4), dec(23), i % 2, 'SUBMITTED');
  place('INSPECTION', someone(), 2, dec(2), dec(20), 1, 'SUBMITTED');
  place('TOPIC', someone(), 3, dec(14), dec(23), 0, 'REJECTED', { decisionNote: REJECT_NOTES[1] });
  place('MEETING', someone(), 1, dec(3), dec(20), 0, 'CANCELLED', { decisionNote: CANCEL_NOTES[0] });
  for (let i = 0; i < 3; i += 1) place(pickKind(rnd), someone(), int(rnd, 2, 3), dec(1 + i * 5), dec(23), 1, 'APPROVED');
  // Trips of the first three quarters belong to their department's approved plan.
  for (const t of b.trips) {
    const q = quarterOf(t.start);
    if (q <= 3 && t.lead.dept && t.lead.dept !== 'TT' && !['REJECTED', 'CANCELLED'].includes(t.state)) {
      t.planId = plans.get(`${t.lead.dept}:${q}`) ?? null;
    }
  }

  const headOf = (dept: DeptKey | null): Actor => {
    const head =
      dept && dept !== 'TT' ? b.cadres.find((c) => c.dept === dept && /^(Trưởng|Chánh)/u.test(c.position)) : thuongtruc;
    const h = head ?? thuongtruc;
    return { name: h.name, userId: h.userId };
  };
  const actors: Actors = {
    approver: { name: thuongtruc.name, userId: thuongtruc.userId },
    headOf,
    organiser: { name: admin.name, userId: admin.id },
  };
  writeFindings(b, p, {
    teamVisits,
    modelTrips,
    others,
    host: hostUnit,
    hostUserId,
    thuongtruc,
    truongban,
  });
  for (const t of b.trips) writeTrip(b, t, actors);
  return { admin, thuongtruc, truongban, canbo, host: hostUnit };
}

// ---------------------------------------------------------------------------------------------
// What the trips found: inspection conclusions and corrective actions, good models,
// recommendations to answer, and hosts' feedback

const DONE_STATES: State[] = ['COMPLETED', 'REPORTED', 'REPORT_ACCEPTED'];
const RATINGS: Array<[Rating, number]> = [
  ['GOOD', 0.3],
  ['FAIR', 0.4],
  ['AVERAGE', 0.2],
  ['WEAK', 0.1],
];
const ACTION_COUNT: Record<Rating, [number, number]> = { GOOD: [1, 1], FAIR: [1, 2], AVERAGE: [2, 3], WEAK: [3, 3] };
/** Recommendation statuses in the order a province's are dealt; LATE = in progress past its due date. */
const RECOMMENDATION_PLAN = ['LATE', 'OPEN', 'CLOSED', 'ANSWERED', 'IN_PROGRESS', 'OPEN', 'LATE', 'CLOSED'] as const;
const byEnd = (x: TripSpec, y: TripSpec): number => (x.end < y.end ? -1 : x.end > y.end ? 1 : 0);

interface FindingContext {
  teamVisits: Array<{ trip: TripSpec; plan: InspectionPlanSpec }>;
  modelTrips: Array<{ spec: GoodModelSpec; unit: UnitRec; trip: TripSpec }>;
  others: UnitRec[];
  host: UnitRec;
  hostUserId: string;
  thuongtruc: CadreRec;
  truongban: CadreRec;
}

function writeFindings(b: ProvinceBuild, p: ProvinceDemo, ctx: FindingContext): void {
  const { rnd, today } = b;
  const pid = b.provinceId;
  const yesterday = addDays(today, -1);
  const td = p.union.startsWith('Thành') ? 'Thành đoàn' : 'Tỉnh đoàn';
  const fill = (text: string) => text.replaceAll('{TD}', td).replaceAll('{ORG}', p.orgDepartment);
  const workHours = (day: string) => at(day, int(rnd, 8 * 60, 16 * 60 + 30));
  const reportOf = (trip: TripSpec): ReportSpec | null =>
    trip.state === 'REPORTED' || trip.state === 'REPORT_ACCEPTED' ? (trip.report ??= defaultReport(rnd, trip)) : null;
  const board = ctx.thuongtruc.userId;

  // Conclusions of the team visits that have happened, each with what the inspected unit must correct.
  const actions: Row[] = [];
  for (const { trip, plan } of ctx.teamVisits) {
    if (!DONE_STATES.includes(trip.state)) continue;
    const concludedOn = addDays(trip.end, int(rnd, 2, 7));
    if (concludedOn > yesterday) continue;
    const unit = trip.dests[0];
    let x = rnd();
    const rating = RATINGS.find(([, w]) => (x -= w) < 0)?.[0] ?? 'GOOD';
    const findings = plan.findings[rating];
    const conclusionId = randomUUID();
    b.t.add('inspection_conclusion', {
      province_id: pid,
      id: conclusionId,
      trip_id: trip.id,
      unit_id: unit.id,
      findings,
      rating,
      concluded_on: concludedOn,
      created_by: trip.lead.userId ?? board,
      created_at: workHours(concludedOn),
    });
    const report = reportOf(trip);
    if (report) {
      report.findings = `Đoàn kiểm tra làm việc với Ban Chấp hành ${unit.name} theo kế hoạch của Ban Thường vụ. ${findings}`;
      report.details = { conclusion: findings };
    }
    for (const description of shuffle(rnd, plan.actions).slice(0, int(rnd, ...ACTION_COUNT[rating]))) {
      const dueOn = addDays(concludedOn, pick(rnd, [30, 45, 60, 90]));
      const r = rnd();
      let status =
        dueOn < today ? (r < 0.45 ? 'VERIFIED' : r < 0.7 ? 'DONE' : 'OPEN') : r < 0.25 ? 'DONE' : r < 0.35 ? 'VERIFIED' : 'OPEN';
      const latest = addDays(today, -3);
      const doneDay = minDate(addDays(concludedOn, int(rnd, 10, Math.max(10, daysBetween(concludedOn, dueOn) + 5))), latest);
      if (doneDay <= concludedOn) status = 'OPEN';
      const verifiedDay = minDate(addDays(doneDay, int(rnd, 2, 8)), yesterday);
      actions.push({
        province_id: pid,
        id: randomUUID(),
        conclusion_id: conclusionId,
        description: fill(description),
        responsible_unit_id: unit.id,
        due_on: dueOn,
        status,
        done_note: status === 'OPEN' ? null : fill(pick(rnd, DONE_NOTES)),
        done_at: status === 'OPEN' ? null : workHours(doneDay),
        verified_at: status === 'VERIFIED' ? workHours(verifiedDay) : null,
        verified_by: status === 'VERIFIED' ? board : null,
        version: status === 'OPEN' ? 1 : status === 'DONE' ? 2 : 3,
      });
    }
  }
  // At least one correction is overdue and not even reported: what the follow-up page is for.
  const overdue = actions.filter((a) => String(a.due_on) < today);
  if (overdue.length && !overdue.some((a) => a.status === 'OPEN')) {
    Object.assign(overdue[0], {
      status: 'OPEN',
      done_note: null,
      done_at: null,
      verified_at: null,
      verified_by: null,
      version: 1,
    });
  }
  for (const a of actions) b.t.add('corrective_action', a);

  // Good models, on the topic trip that found them; some being or already replicated elsewhere.
  for (const { spec, unit, trip } of ctx.modelTrips) {
    const since = addDays(trip.end, int(rnd, 40, 75));
    const replication: ReplicationKey = since <= yesterday ? (spec.replication ?? 'IDENTIFIED') : 'IDENTIFIED';
    const id = randomUUID();
    b.t.add('good_model', {
      province_id: pid,
      id,
      name: spec.name,
      unit_id: unit.id,
      field: spec.field,
      description: spec.description,
      trip_id: trip.id,
      replication,
      version: replication === 'IDENTIFIED' ? 1 : 2,
      created_by: trip.lead.userId,
      created_at: workHours(minDate(addDays(trip.end, int(rnd, 1, 4)), yesterday)),
    });
    if (replication !== 'IDENTIFIED') {
      const places = shuffle(
        rnd,
        ctx.others.filter((o) => o !== unit),
      ).slice(0, replication === 'REPLICATED' ? 3 : 2);
      for (const u of places) b.t.add('good_model_replication', { province_id: pid, model_id: id, unit_id: u.id, since });
    }
    const report = reportOf(trip);
    if (report) report.goodModels = `${spec.name}: ${spec.description}`;
  }

  // Recommendations raised on trips (and one by the demo host commune itself), dealt with unevenly.
  const recommend = (
    spec: RecommendationSpec,
    plan: (typeof RECOMMENDATION_PLAN)[number],
    unit: UnitRec,
    trip: TripSpec | null,
    createdBy: string | null,
    createdDay: string,
  ): void => {
    const dept = present(b.deptIds.get(spec.dept), 'department');
    const assigned = addDays(createdDay, int(rnd, 1, 4));
    let departmentId: string | null = null;
    let dueOn: string | null = null;
    let version = 1;
    if (plan !== 'OPEN' && (plan !== 'ANSWERED' || rnd() < 0.75)) {
      departmentId = dept;
      dueOn =
        plan === 'LATE'
          ? minDate(addDays(assigned, int(rnd, 15, 30)), addDays(today, -int(rnd, 3, 12)))
          : plan === 'IN_PROGRESS'
            ? addDays(today, int(rnd, 6, 25))
            : addDays(assigned, int(rnd, 15, 30));
      version = 2;
    }
    const answered = plan === 'ANSWERED' || plan === 'CLOSED';
    if (answered) version += plan === 'CLOSED' ? 2 : 1;
    b.t.add('recommendation', {
      province_id: pid,
      id: randomUUID(),
      text: fill(spec.text),
      trip_id: trip?.id ?? null,
      unit_id: unit.id,
      department_id: departmentId,
      due_on: dueOn,
      status: plan === 'LATE' ? 'IN_PROGRESS' : plan,
      answer: answered ? fill(spec.answer) : null,
      answered_at: answered ? workHours(minDate(addDays(assigned, int(rnd, 3, 12)), yesterday)) : null,
      answered_by: answered ? (spec.dept === 'PT' ? ctx.truongban.userId : board) : null,
      version,
      created_by: createdBy,
      created_at: workHours(createdDay),
    });
    const report = trip ? reportOf(trip) : null;
    if (report) report.recommendations = fill(spec.text);
  };
  const below = (u: UnitRec) => u === ctx.host || u.parentId === ctx.host.id;
  const hostTrip =
    b.trips
      .filter((t) => DONE_STATES.includes(t.state) && t.dests.some(below))
      .sort(byEnd)
      .at(-1) ?? null;
  const hostDay = minDate(hostTrip ? addDays(hostTrip.end, int(rnd, 1, 3)) : `${DEMO_YEAR}-10-12`, addDays(today, -12));
  recommend(HOST_RECOMMENDATION, 'ANSWERED', ctx.host, hostTrip, ctx.hostUserId, hostDay);
  const raised = b.trips
    .filter(
      (t) =>
        (t.state === 'REPORTED' || t.state === 'REPORT_ACCEPTED') &&
        t.kind !== 'INSPECTION' &&
        t.dests[0].kind === 'COMMUNE_UNION' &&
        !t.dests.some(below) &&
        !ctx.modelTrips.some((m) => m.trip === t),
    )
    .sort(byEnd);
  const split = Math.floor(raised.length * 0.6);
  const older = shuffle(rnd, raised.slice(0, split));
  const recent = shuffle(rnd, raised.slice(split));
  const texts = shuffle(rnd, RECOMMENDATION_CATALOGUE);
  RECOMMENDATION_PLAN.slice(0, int(rnd, 5, 8)).forEach((plan, i) => {
    const trip = (plan === 'OPEN' || plan === 'IN_PROGRESS' ? recent.pop() : older.pop()) ?? null;
    if (!trip) return;
    recommend(texts[i], plan, trip.dests[0], trip, trip.lead.userId, minDate(addDays(trip.end, int(rnd, 2, 6)), yesterday));
  });

  // Hosts' word on visits: the demo host commune on every visit it received, a few others; 1–2 breaches.
  const feedback = (trip: TripSpec, unit: UnitRec, breach: (typeof FEEDBACK_BREACHES)[number] | null, by: string | null) =>
    b.t.add('host_feedback', {
      province_id: pid,
      trip_id: trip.id,
      unit_id: unit.id,
      no_conference: breach?.noConference ?? true,
      no_district_escort: breach?.noDistrictEscort ?? true,
      no_cost: breach?.noCost ?? true,
      no_party_committee: breach?.noPartyCommittee ?? true,
      comment: breach?.comment ?? pick(rnd, FEEDBACK_COMMENTS),
      created_by: by,
      created_at: workHours(minDate(addDays(trip.end, int(rnd, 1, 5)), yesterday)),
    });
  for (const t of b.trips.filter((x) => DONE_STATES.includes(x.state) && x.dests.includes(ctx.host))) {
    feedback(t, ctx.host, null, ctx.hostUserId);
  }
  const elsewhere = shuffle(
    rnd,
    b.trips.filter((t) => DONE_STATES.includes(t.state) && t.dests[0].kind === 'COMMUNE_UNION' && !t.dests.includes(ctx.host)),
  ).slice(0, int(rnd, 4, 6));
  const breaches = int(rnd, 1, 2);
  elsewhere.forEach((t, i) => feedback(t, t.dests[0], i < breaches ? FEEDBACK_BREACHES[i] : null, null));
}

const deptName = (p: ProvinceDemo, key: DeptKey): string =>
  key === 'TT'
    ? 'Thường trực'
    : present(
        DEPARTMENTS(p.orgDepartment).find((d) => d.key === key),
        'department',
      ).name;

const RULES: Partial<
  Record<
    DemoCode,
    {
      requiredDays: number;
      windowStart: string;
      windowEnd: string;
      reportDueDays: number;
      hostLoadMax: number;
      minCommune?: number;
      minChapter?: number;
    }
  >
> = {
  LDG: { requiredDays: 60, windowStart: '2026-01-01', windowEnd: '2026-12-31', reportDueDays: 10, hostLoadMax: 2 },
  HNI: { requiredDays: 60, windowStart: '2026-01-01', windowEnd: '2026-12-31', reportDueDays: 7, hostLoadMax: 3 },
  // Like Bà Rịa – Vũng Tàu (now part of the city): a minimum per host level.
  HCM: {
    requiredDays: 60,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    reportDueDays: 10,
    hostLoadMax: 2,
    minCommune: 20,
    minChapter: 10,
  },
  // Đà Nẵng keeps the central defaults (no row).
  QTI: { requiredDays: 30, windowStart: '2026-03-01', windowEnd: '2026-12-31', reportDueDays: 10, hostLoadMax: 2 },
};

// ---------------------------------------------------------------------------------------------
// Bình Thuận 2019, exactly as its report describes it

interface BtSlot extends RosterSlot {
  exempt?: Array<[kind: string, start: string, end: string, note: string]>;
}

function binhThuanRoster(): BtSlot[] {
  const s = (dept: DeptKey, position: string, gender: 'MALE' | 'FEMALE' = 'MALE', exempt?: BtSlot['exempt']): BtSlot => ({
    dept,
    position,
    agency: true,
    executive: true,
    gender,
    exempt,
  });
  const agency: BtSlot[] = [
    s('TT', 'Bí thư Tỉnh đoàn'),
    s('TT', 'Phó Bí thư Thường trực Tỉnh đoàn'),
    s('TT', 'Phó Bí thư Tỉnh đoàn', 'FEMALE'),
    s('VP', 'Chánh Văn phòng'),
    s('VP', 'Phó Chánh Văn phòng', 'MALE', [['LONG_SICK_LEAVE', '2018-11-01', '2019-12-31', 'Điều trị bệnh dài ngày.']]),
    s('VP', 'Chuyên viên Văn phòng'),
    s('VP', 'Kế toán Văn phòng', 'FEMALE', [
      ['MATERNITY', '2018-11-20', '2019-05-19', 'Nghỉ chế độ thai sản.'],
      ['LONG_SICK_LEAVE', '2019-05-20', '2019-12-31', 'Nghỉ ốm dài ngày sau sinh theo chỉ định của bác sĩ.'],
    ]),
    s('TC', 'Trưởng Ban Xây dựng Đoàn'),
    s('TC', 'Phó Trưởng Ban Xây dựng Đoàn', 'FEMALE'),
    s('TC', 'Chuyên viên Ban Xây dựng Đoàn'),
    s('TC', 'Chuyên viên Ban Xây dựng Đoàn', 'MALE', [
      ['LONG_STUDY', '2018-09-01', '2019-12-31', 'Học thạc sĩ tập trung tại Học viện Thanh thiếu niên Việt Nam.'],
    ]),
    s('TG', 'Trưởng Ban Tuyên giáo'),
    s('TG', 'Phó Trưởng Ban Tuyên giáo', 'MALE', [
      [
        'LONG_STUDY',
        '2018-09-05',
        '2020-06-30',
        'Học Cao cấp lý luận chính trị tập trung tại Học viện Chính trị quốc gia Hồ Chí Minh.',
      ],
    ]),
    s('TG', 'Chuyên viên Ban Tuyên giáo', 'FEMALE'),
    s('TG', 'Chuyên viên Ban Tuyên giáo', 'FEMALE', [
      ['MATERNITY', '2019-01-01', '2019-06-30', 'Nghỉ chế độ thai sản.'],
      ['LONG_STUDY', '2019-07-01', '2019-12-31', 'Bồi dưỡng tập trung 6 tháng tại Trường Đoàn Lý Tự Trọng.'],
    ]),
    s('PT', 'Trưởng Ban Phong trào'),
    s('PT', 'Phó Trưởng Ban Phong trào'),
    s('PT', 'Chuyên viên Ban Phong trào', 'MALE', [['LONG_SICK_LEAVE', '2019-01-01', '2019-12-31', 'Điều trị bệnh dài ngày.']]),
    s('TN', 'Trưởng Ban Công tác Thiếu nhi', 'FEMALE'),
    s('TN', 'Phó Trưởng Ban Công tác Thiếu nhi', 'FEMALE'),
    s('TN', 'Chuyên viên Ban Công tác Thiếu nhi', 'MALE', [
      ['LONG_STUDY', '2018-10-01', '2020-09-30', 'Học thạc sĩ tập trung tại Trường Đại học Khoa học Xã hội và Nhân văn.'],
    ]),
  ];
  const executives: BtSlot[] = BT_DISTRICTS.filter((d) => d.secretary).map((d) => ({
    dept: null,
    position: `Bí thư ${d.name}`,
    agency: false,
    executive: true,
  }));
  for (const d of ['Thành đoàn Phan Thiết', 'Thị đoàn La Gi', 'Huyện đoàn Đức Linh']) {
    executives.push({ dept: null, position: `Phó Bí thư ${d}`, agency: false, executive: true, gender: 'FEMALE' });
  }
  executives.push({
    dept: null,
    position: 'Phó Bí thư Huyện đoàn Hàm Tân',
    agency: false,
    executive: true,
    exempt: [['LONG_STUDY', '2018-09-01', '2020-01-15', 'Học đại học chính quy tập trung.']],
  });
  return [...agency, ...executives];
}

function buildBinhThuan(b: ProvinceBuild): void {
  const { rnd } = b;
  const Y = BINH_THUAN_2019.year;
  const until = '2025-06-30';
  const root = b.unit('PROVINCIAL_AGENCY', 'Cơ quan Tỉnh đoàn Bình Thuận', null, '2015-01-01', until);
  for (const d of DEPARTMENTS('Ban Xây dựng Đoàn')) b.deptIds.set(d.key, b.unit(d.kind, d.name, root.id, '2015-01-01', until).id);
  b.deptIds.set('TT', root.id);
  const districts = new Map<string, { unit: UnitRec; base: UnitRec; chapters: UnitRec[] }>();
  for (const d of BT_DISTRICTS) {
    const unit = b.unit(d.kind, d.name, root.id, '2015-01-01', until, d.flags ?? {});
    const base = b.unit('GRASSROOTS_UNION', d.base, unit.id, '2015-01-01', until, d.flags ?? {});
    const chapters = d.chapters.map((c) => b.unit('CHAPTER', c, base.id, '2015-01-01', until, d.flags ?? {}));
    for (const u of [unit, base, ...chapters]) u.district = d.name;
    districts.set(d.name, { unit, base, chapters });
  }

  const nextName = nameMaker(rnd);
  const slots = binhThuanRoster();
  const term = 'Khóa XII 2017–2022';
  for (const slot of slots) {
    const gender = slot.gender ?? (rnd() < 0.25 ? 'FEMALE' : 'MALE');
    const c = b.cadre(slot, nextName(gender), gender, term, '2017-08-01', '2022-07-31');
    for (const [kind, s, e, note] of slot.exempt ?? []) b.exemption(c, kind, s, e, note, 'Ban Thường vụ Tỉnh đoàn Bình Thuận');
  }
  const subject = b.cadres.filter((c) => c.exempt.length === 0);

  b.t.add('policy_rule', {
    province_id: b.provinceId,
    year: Y,
    required_days: BINH_THUAN_2019.requiredDays,
    window_start: `${Y}-01-01`,
    window_end: `${Y}-12-31`,
    min_days_district: null,
    min_days_commune: null,
    min_days_chapter: null,
    report_required: true,
    report_due_days: 10,
    check_late_registration: 'WARN',
    check_double_booking: 'BLOCK',
    check_host_load: 'WARN',
    host_load_max_per_week: 2,
    check_topic_overlap: 'WARN',
    version: 1,
    updated_at: at(`${Y}-01-10`, 9 * 60),
  });
  for (const [q, n, s, e] of BT_BATCHES_2019) b.batch(Y, q, n, s, e);
  for (const [title, dept] of TOPICS_2019) b.topic(Y, title, dept, 'Chuyên đề đi cơ sở năm 2019.');

  // Days: 13 cadres with 61 and 16 with 62 make 1,785 (61.55 a head), every one at least 60.
  const extra = BINH_THUAN_2019.totalDays - BINH_THUAN_2019.subject * 61;
  const sixtyTwo = new Set(shuffle(rnd, subject).slice(0, extra));
  const reached = BT_DISTRICTS.filter((d) => d.name !== BINH_THUAN_2019.unreached).map((d) =>
    present(districts.get(d.name), 'district'),
  );
  const everyBase = [...districts.values()];
  const secretaryHome = (c: CadreRec) => everyBase.find((d) => c.position.endsWith(d.unit.name));
  const thuongtruc = b.cadres[1];
  const headOf = (dept: DeptKey | null): Actor => {
    const head =
      dept && dept !== 'TT' ? b.cadres.find((c) => c.dept === dept && /^(Trưởng|Chánh)/u.test(c.position)) : thuongtruc;
    return { name: (head ?? thuongtruc).name, userId: null };
  };
  const actors: Actors = {
    approver: { name: thuongtruc.name, userId: null },
    headOf,
    organiser: { name: 'Ban Xây dựng Đoàn', userId: null },
  };
  const yearStart = `${Y}-01-07`;
  const yearEnd = `${Y}-12-20`;
  let models = 0;
  const found: Array<{ district: string; base: UnitRec; trip: TripSpec }> = [];

  subject.forEach((c, index) => {
    const target = sixtyTwo.has(c) ? 62 : 61;
    let left = target;
    const add = (kind: Kind, start: string, len: number, dests: UnitRec[], extra: Partial<TripSpec> = {}): TripSpec => {
      const end = addDays(start, len - 1);
      const { title, topicId } = btTitle(b, rnd, kind, dests, c, extra.topicId ?? null);
      const trip = b.trip({
        kind,
        state: 'REPORT_ACCEPTED',
        title,
        purpose: PURPOSE[kind],
        expectedOutput: OUTPUT[kind],
        lead: c,
        members: [c],
        dests,
        start,
        end,
        ...extra,
        topicId,
      });
      left -= len;
      return trip;
    };
    const freeStart = (len: number, from = yearStart, to = yearEnd): string | null => {
      for (let tries = 0; tries < 400; tries += 1) {
        const s = addDays(from, int(rnd, 0, Math.max(0, daysBetween(from, to) - len)));
        if (b.isFree(c, s, len, 1)) return s;
      }
      for (let s = from; addDays(s, len - 1) <= to; s = addDays(s, 1)) if (b.isFree(c, s, len, 1)) return s;
      return null;
    };

    // Two chapter meetings, round-robin over the 17 units reached (never Phú Quý).
    for (const k of [0, 1]) {
      const d = reached[(index * 2 + k) % reached.length];
      const s = freeStart(1);
      if (s) add('MEETING', s, 1, [pick(rnd, d.chapters)]);
    }
    // Topic trips inside the registration batches.
    const batches = shuffle(rnd, b.batches).slice(0, int(rnd, 6, 8));
    for (const bt of batches) {
      if (left <= 16) break;
      const windowLen = daysBetween(bt.start, bt.end);
      const len = Math.min(windowLen, int(rnd, 3, 5), left - 14);
      const s = freeStart(len, bt.start, bt.end);
      if (!s) continue;
      const model = models < BT_GOOD_MODELS.length && index % 3 === 0 ? BT_GOOD_MODELS[models] : undefined;
      const home = secretaryHome(c);
      const d = model ? present(districts.get(model.district), 'district') : home && rnd() < 0.5 ? home : pick(rnd, everyBase);
      let report: ReportSpec | null = null;
      if (model) {
        models += 1;
        report = {
          findings: `${model.findings} Đã trao đổi trực tiếp với Ban Chấp hành ${d.base.name}.`,
          difficulties: pick(rnd, DIFFICULTIES),
          concerns: pick(rnd, CONCERNS),
          goodModels: model.model,
          recommendations: 'Đề nghị Tỉnh đoàn tổng hợp, giới thiệu mô hình để nhân rộng trong toàn tỉnh.',
          details: {},
        };
      }
      const topicId = model ? (b.topics[MODEL_TOPIC[model.district] ?? 10]?.id ?? null) : null;
      const trip = add('TOPIC', s, len, [d.base], { report, topicId });
      if (model) found.push({ district: model.district, base: d.base, trip });
    }
    // Inspections and coordination fill the rest, a few days at a time.
    let k = 0;
    while (left > 0) {
      let len = left <= 4 ? left : int(rnd, 2, 4);
      if (left - len === 1) len = len === 4 ? 3 : len + 1;
      const s = freeStart(len);
      if (!s) throw new Error(`Bình Thuận demo: no free ${len} days left for ${c.name}`);
      const kind: Kind = k % 2 === 0 ? 'INSPECTION' : 'COORDINATION';
      const d = pick(rnd, everyBase);
      add(kind, s, len, [kind === 'INSPECTION' ? d.base : d.unit]);
      k += 1;
    }
  });
  for (const t of b.trips) writeTrip(b, t, actors);

  // The report's good models as rows, on the trips that found them; two of them spread by early 2020.
  const unitNamed = (name: string) => b.units.find((u) => u.name === name);
  for (const { district, base, trip } of found) {
    for (const m of BT_MODEL_ROWS[district] ?? []) {
      const id = randomUUID();
      const places = m.replicatedAt.map(unitNamed).filter((u): u is UnitRec => !!u);
      const replication = places.length ? m.replication : 'IDENTIFIED';
      b.t.add('good_model', {
        province_id: b.provinceId,
        id,
        name: m.name,
        unit_id: (m.unit ? unitNamed(m.unit) : undefined)?.id ?? base.id,
        field: m.field,
        description: m.description,
        trip_id: trip.id,
        replication,
        version: replication === 'IDENTIFIED' ? 1 : 2,
        created_by: null,
        created_at: at(addDays(trip.end, 3), 10 * 60),
      });
      const since = minDate(addDays(trip.end, 90), '2020-03-02');
      for (const u of places)
        b.t.add('good_model_replication', { province_id: b.provinceId, model_id: id, unit_id: u.id, since });
    }
  }
}

/** The topic (index in TOPICS_2019) under which each good model was found. */
const MODEL_TOPIC: Record<string, number> = {
  'Huyện đoàn Đức Linh': 10,
  'Huyện đoàn Tuy Phong': 0,
  'Huyện đoàn Phú Quý': 10,
  'Huyện đoàn Hàm Tân': 5,
  'Huyện đoàn Bắc Bình': 6,
};

function btTitle(
  b: ProvinceBuild,
  rnd: Rnd,
  kind: Kind,
  dests: UnitRec[],
  lead: CadreRec,
  topicId: string | null,
): { title: string; topicId: string | null } {
  const unit = dests[0];
  const where = unit.district && unit.district !== unit.name ? `${unit.name} (${unit.district})` : unit.name;
  if (kind === 'TOPIC') {
    const own = b.topics.filter((t) => t.dept === lead.dept);
    const t = topicId
      ? present(
          b.topics.find((x) => x.id === topicId),
          'topic',
        )
      : own.length && rnd() < 0.6
        ? pick(rnd, own)
        : pick(rnd, b.topics);
    return { title: `${t.title} tại ${where}`, topicId: t.id };
  }
  if (kind === 'MEETING') return { title: `Dự sinh hoạt ${where}`, topicId: null };
  if (kind === 'INSPECTION') return { title: `${pick(rnd, INSPECTIONS).title} tại ${where}`, topicId: null };
  return {
    title: `${pick(
      rnd,
      COORDINATION_ACTIVITIES.filter((a) => !a.title.includes('Tết')),
    ).title.replace(' hè', ' hè 2019')} tại ${where}`,
    topicId: null,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Loads the demo on an empty database (no account yet); does nothing otherwise, so a restart never
 * duplicates or overwrites anything.
 */
export async function seedDemo(config: DatabaseConfig, password: string, log: Logger): Promise<boolean> {
  const client = new Client({ connectionString: config.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    if ((rows[0]?.n ?? 0) > 0) {
      await client.query('ROLLBACK');
      return false;
    }
    const started = Date.now();
    const passwordHash = await hashPassword(password);
    const provinces = await client.query<{ id: number; code: DemoCode; name: string }>(
      'SELECT id, code, name FROM province WHERE code = ANY ($1) ORDER BY id',
      [DEMO_PROVINCES],
    );
    await client.query(
      `INSERT INTO app_user (id, province_id, username, password_hash, full_name, role) VALUES ($1, NULL, 'trunguong', $2, 'Ban Tổ chức Trung ương Đoàn', 'CENTRAL')`,
      [randomUUID(), passwordHash],
    );
    const counts: Record<string, number> = {};
    const write = async (build: ProvinceBuild): Promise<void> => {
      const scope = `{${build.provinceId}}`;
      await client.query(`SELECT set_config('app.write_provinces', $1, true), set_config('app.read_provinces', $1, true)`, [
        scope,
      ]);
      for (const table of TABLE_ORDER) {
        counts[table] = (counts[table] ?? 0) + (await insertAll(client, table, build.t.rows.get(table)));
      }
      // The deferred compliance triggers fire now, in this province's scope: at commit only the last
      // province would be in scope, and an owner under row-level security (production) would be refused.
      await client.query('SET CONSTRAINTS ALL IMMEDIATE');
      await client.query('SET CONSTRAINTS ALL DEFERRED');
    };
    for (const p of provinces.rows) {
      const build = new ProvinceBuild(p.id, prng(p.id * 7919), DEMO_TODAY, RULES[p.code]?.reportDueDays ?? 10);
      buildCurrentProvince(build, PROVINCES[p.code], passwordHash);
      await write(build);
    }
    const bt = new ProvinceBuild(BINH_THUAN_2019.provinceId, prng(2019), '2020-03-31', 10);
    buildBinhThuan(bt);
    await write(bt);
    await client.query('COMMIT');
    log.info({ provinces: provinces.rowCount, ...counts, ms: Date.now() - started }, 'Demo data loaded');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
