import { In, type EntityManager } from 'typeorm';
import { assertDate, formatVn, quarterOf, yearOf } from '../../shared/dates';
import { badInput } from '../../shared/errors';
import { foldVietnamese } from '../../shared/search';
import { Cadre } from '../roster/cadre.entity';
import { Batch, Topic } from '../planning/planning.entity';
import { CheckMode, type PolicyRule } from '../rules/policy-rule.entity';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { CONFIRMED_STATES, LIVE_STATES, TripCheck, TripKind, TripState } from './trip.entity';
import { TripErrorCode } from './trip.errors';

/** What a registration would be, before it is written. */
export interface TripDraft {
  /** The province the trip belongs to: people and places must be of it (not of a readable predecessor). */
  provinceId: number;
  tripId: string | null;
  kind: TripKind;
  title: string;
  topicId: string | null;
  leadCadreId: string;
  /** Everyone in the delegation, lead first. */
  memberIds: string[];
  destinationIds: string[];
  batchId: string | null;
  startDate: string;
  endDate: string;
  departmentId: string | null;
}

export interface ResolvedDraft {
  members: Cadre[];
  destinations: Unit[];
  batch: Batch | null;
}

/** Trips the cadre has not sent (or must send again): they warn of an overlap, never block it. */
const UNSENT_LABEL: Partial<Record<TripState, string>> = {
  [TripState.DRAFT]: 'bản nháp',
  [TripState.RETURNED]: 'đã trả lại để sửa',
};

const EXEMPTION_LABEL: Record<string, string> = {
  LONG_STUDY: 'học tập dài hạn',
  LONG_SICK_LEAVE: 'nghỉ ốm dài hạn',
  MATERNITY: 'nghỉ thai sản',
  OTHER: 'được miễn',
};

/**
 * The checks no rule can switch off: real dates in one year, people and places of this province
 * (row-level security hides every other province's, so they are simply not found), places that
 * exist on those dates, a topic and batch of the same year.
 */
export async function resolveDraft(manager: EntityManager, draft: TripDraft): Promise<ResolvedDraft> {
  assertDate(draft.startDate, 'input.startDate');
  assertDate(draft.endDate, 'input.endDate');
  if (draft.endDate < draft.startDate) {
    throw badInput('input.endDate', 'Ngày về phải sau hoặc trùng ngày đi.', TripErrorCode.DATES_INVERTED);
  }
  if (yearOf(draft.startDate) !== yearOf(draft.endDate)) {
    throw badInput(
      'input.endDate',
      'Chuyến đi phải nằm trong một năm; hãy tách thành hai chuyến ở hai năm.',
      TripErrorCode.OUTSIDE_YEAR,
    );
  }
  const members = await manager.find(Cadre, { where: { id: In(draft.memberIds), provinceId: draft.provinceId } });
  const missing = draft.memberIds.filter((id) => !members.some((m) => m.id === id));
  if (missing.length > 0) {
    const field = missing.includes(draft.leadCadreId) ? 'input.leadCadreId' : 'input.memberIds';
    throw badInput(field, 'Cán bộ không tồn tại trong tỉnh của bạn.', TripErrorCode.CADRE_INVALID);
  }
  const destinations = await manager.find(Unit, { where: { id: In(draft.destinationIds), provinceId: draft.provinceId } });
  if (destinations.length !== draft.destinationIds.length) {
    throw badInput('input.destinationIds', 'Đơn vị đến không tồn tại trong tỉnh của bạn.', TripErrorCode.DESTINATION_INVALID);
  }
  for (const unit of destinations) {
    if (AGENCY_KINDS.includes(unit.kind)) {
      throw badInput(
        'input.destinationIds',
        `"${unit.name}" thuộc cơ quan Tỉnh đoàn, không phải đơn vị cơ sở.`,
        TripErrorCode.DESTINATION_INVALID,
      );
    }
    if (unit.validFrom > draft.startDate || (unit.validTo !== null && unit.validTo < draft.endDate)) {
      const until = unit.validTo ? ` đến ${formatVn(unit.validTo)}` : '';
      throw badInput(
        'input.destinationIds',
        `"${unit.name}" chỉ có hiệu lực từ ${formatVn(unit.validFrom)}${until}, không bao trùm ngày đi.`,
        TripErrorCode.DESTINATION_NOT_VALID_ON_DATES,
      );
    }
  }
  if (draft.topicId) {
    const topic = await manager.findOneBy(Topic, { id: draft.topicId, provinceId: draft.provinceId });
    if (!topic || topic.year !== yearOf(draft.startDate)) {
      throw badInput('input.topicId', 'Chuyên đề không có trong danh mục năm của chuyến đi.', TripErrorCode.TOPIC_INVALID);
    }
    if (!topic.active && !(await keeps(manager, draft, 'topic_id', topic.id))) {
      throw badInput('input.topicId', `Chuyên đề "${topic.title}" đã đóng, không nhận đăng ký mới.`, TripErrorCode.TOPIC_CLOSED);
    }
  }
  let batch: Batch | null = null;
  if (draft.batchId) {
    batch = await manager.findOneBy(Batch, { id: draft.batchId, provinceId: draft.provinceId });
    if (!batch || batch.year !== yearOf(draft.startDate)) {
      throw badInput('input.batchId', 'Đợt không tồn tại hoặc không thuộc năm của chuyến đi.', TripErrorCode.BATCH_INVALID);
    }
    if (draft.startDate < batch.startsOn || draft.endDate > batch.endsOn) {
      throw badInput(
        'input.batchId',
        `Đợt ${batch.number} quý ${batch.quarter} diễn ra từ ${formatVn(batch.startsOn)} đến ${formatVn(batch.endsOn)}, ` +
          `không bao trùm ngày đi ${formatVn(draft.startDate)}–${formatVn(draft.endDate)}: chọn đợt khác hoặc bỏ trống.`,
        TripErrorCode.BATCH_OUTSIDE_DATES,
      );
    }
    if (!batch.active && !(await keeps(manager, draft, 'batch_id', batch.id))) {
      throw badInput(
        'input.batchId',
        `Đợt ${batch.number} quý ${batch.quarter} đã đóng, không nhận đăng ký mới.`,
        TripErrorCode.BATCH_CLOSED,
      );
    }
  }
  return { members, destinations, batch };
}

/** Purpose and expected output of a submitted trip: at least this many characters once trimmed. */
export const MIN_CONTENT_LENGTH = 20;

/** Text compared without marks, case, punctuation or repeated spaces: "Mục đích!" and "muc  dich" are the same. */
const comparable = (text: string): string =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * What a trip is for, required on submission (a draft may stay incomplete): the seed's complaint of
 * trips "without purpose, just to reach the days". Each text must say something of its own: long
 * enough, and not the title written again.
 */
export function assertContent(
  trip: { title: string; purpose: string; expectedOutput: string },
  /** Submitted with others (a department's quarter): the message names the trip. */
  named = false,
): void {
  const which = named ? `Chuyến đi "${trip.title}": ` : '';
  const fields = [
    { field: 'input.purpose', label: 'Mục đích', text: trip.purpose },
    { field: 'input.expectedOutput', label: 'Kết quả dự kiến', text: trip.expectedOutput },
  ];
  for (const { field, label, text } of fields) {
    const length = [...text.trim()].length;
    if (length < MIN_CONTENT_LENGTH) {
      throw badInput(
        field,
        which +
          (length === 0
            ? `Cần ghi ${label.toLowerCase()} trước khi trình duyệt (ít nhất ${MIN_CONTENT_LENGTH} ký tự).`
            : `${label} quá ngắn: ${length} ký tự, cần ít nhất ${MIN_CONTENT_LENGTH} ký tự trước khi trình duyệt.`),
        TripErrorCode.CONTENT_TOO_SHORT,
      );
    }
    if (comparable(text) === comparable(trip.title)) {
      throw badInput(
        field,
        `${which}${label} đang chép lại tên chuyến đi: hãy ghi rõ ${label.toLowerCase()} của chuyến đi.`,
        TripErrorCode.CONTENT_COPIES_TITLE,
      );
    }
  }
}

/** A closed topic or batch stays on the trips that already had it, edited or not. */
async function keeps(manager: EntityManager, draft: TripDraft, column: 'topic_id' | 'batch_id', id: string): Promise<boolean> {
  if (!draft.tripId) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM trip WHERE province_id = $1 AND id = $2 AND ${column} = $3`, [
    draft.provinceId,
    draft.tripId,
    id,
  ]);
  return rows.length > 0;
}

export const isLate = (draft: Pick<TripDraft, 'startDate'>, batch: Batch | null, today: string): boolean =>
  today > draft.startDate || (batch !== null && today > batch.registrationDeadline);

/** The province-year rules applied to a draft: each result blocks or only warns, as the rule says. */
export async function ruleChecks(
  manager: EntityManager,
  draft: TripDraft,
  resolved: ResolvedDraft,
  rule: PolicyRule,
  today: string,
): Promise<TripCheck[]> {
  const checks: TripCheck[] = [];
  const nameOf = (id: string): string => resolved.members.find((m) => m.id === id)?.fullName ?? id;
  const otherTrip = draft.tripId ?? '00000000-0000-0000-0000-000000000000';

  // A rule, not a fixed refusal: a cadre on partial leave may still go.
  if (rule.checkExemptTrip !== CheckMode.OFF) {
    const exempt: Array<{ cadre_id: string; kind: string; start_date: string; end_date: string }> = await manager.query(
      `SELECT cadre_id, kind, start_date::text, end_date::text FROM exemption
       WHERE cadre_id = ANY($1) AND start_date <= $3 AND end_date >= $2
       ORDER BY start_date, kind`,
      [draft.memberIds, draft.startDate, draft.endDate],
    );
    for (const e of exempt) {
      checks.push({
        code: TripErrorCode.CADRE_EXEMPT,
        severity: rule.checkExemptTrip,
        field: e.cadre_id === draft.leadCadreId ? 'input.leadCadreId' : 'input.memberIds',
        message: `${nameOf(e.cadre_id)} đang ${EXEMPTION_LABEL[e.kind]} từ ${formatVn(e.start_date)} đến ${formatVn(e.end_date)}.`,
      });
    }
  }

  if (rule.checkDoubleBooking !== CheckMode.OFF) {
    const busy: Array<{ id: string; state: TripState; cadre_id: string; title: string; s: string; e: string }> =
      await manager.query(
        `SELECT t.id, t.state, m.cadre_id, t.title,
           coalesce(t.actual_start, t.start_date)::text AS s, coalesce(t.actual_end, t.end_date)::text AS e
         FROM trip_member m JOIN trip t ON t.province_id = m.province_id AND t.id = m.trip_id
         WHERE m.cadre_id = ANY($1) AND t.state = ANY($2) AND t.id <> $3
           AND coalesce(t.actual_start, t.start_date) <= $5 AND coalesce(t.actual_end, t.end_date) >= $4
         ORDER BY 5`,
        [draft.memberIds, LIVE_STATES, otherTrip, draft.startDate, draft.endDate],
      );
    for (const b of busy) {
      const dates = `từ ${formatVn(b.s)} đến ${formatVn(b.e)}`;
      const unsent = UNSENT_LABEL[b.state];
      // A draft or a trip returned for correction holds no days yet: it only warns, naming the trip to open or cancel.
      checks.push(
        unsent
          ? {
              code: TripErrorCode.DOUBLE_BOOKING,
              severity: CheckMode.WARN,
              field: 'input.startDate',
              message: `${nameOf(b.cadre_id)} còn chuyến "${b.title}" (${unsent}) ${dates}, chưa gửi duyệt: mở để sửa ngày hoặc hủy nếu không đi.`,
              tripId: b.id,
            }
          : {
              code: TripErrorCode.DOUBLE_BOOKING,
              severity: rule.checkDoubleBooking,
              field: 'input.startDate',
              message: `${nameOf(b.cadre_id)} đã có chuyến "${b.title}" ${dates}.`,
              tripId: b.id,
            },
      );
    }
  }

  if (rule.checkLateRegistration !== CheckMode.OFF && isLate(draft, resolved.batch, today)) {
    const { batch } = resolved;
    const reason =
      today > draft.startDate || !batch
        ? `chuyến đi bắt đầu ${formatVn(draft.startDate)}, trước ngày đăng ký`
        : `quá hạn đăng ký của đợt (${formatVn(batch.registrationDeadline)})`;
    checks.push({
      code: TripErrorCode.LATE_REGISTRATION,
      severity: rule.checkLateRegistration,
      field: 'input.startDate',
      message: `Đăng ký muộn: ${reason}. Cần giải trình bằng văn bản.`,
    });
  }

  if (rule.checkHostLoad !== CheckMode.OFF) {
    const load: Array<{ unit_id: string; n: number }> = await manager.query(
      `SELECT d.unit_id, count(DISTINCT coalesce(t.delegation_id, t.id))::int AS n
       FROM trip_destination d JOIN trip t ON t.province_id = d.province_id AND t.id = d.trip_id
       WHERE d.unit_id = ANY($1) AND t.state = ANY($2) AND t.id <> $3
         AND t.start_date <= (date_trunc('week', $5::date) + interval '6 days')::date
         AND t.end_date >= date_trunc('week', $4::date)::date
       GROUP BY d.unit_id`,
      [draft.destinationIds, [TripState.SUBMITTED, ...CONFIRMED_STATES], otherTrip, draft.startDate, draft.endDate],
    );
    for (const l of load) {
      if (l.n + 1 <= rule.hostLoadMaxPerWeek) continue;
      const unit = resolved.destinations.find((u) => u.id === l.unit_id);
      checks.push({
        code: TripErrorCode.HOST_OVERLOAD,
        severity: rule.checkHostLoad,
        field: 'input.destinationIds',
        message: `${unit?.name ?? 'Đơn vị'} đã có ${l.n} đoàn trong tuần này (tối đa ${rule.hostLoadMaxPerWeek}). Nên ghép đoàn.`,
      });
    }
  }

  if (rule.checkTopicOverlap !== CheckMode.OFF && draft.kind === TripKind.TOPIC) {
    const overlap: Array<{ title: string; department: string | null }> = await manager.query(
      `SELECT t.title, u.name AS department FROM trip t
       LEFT JOIN unit u ON u.province_id = t.province_id AND u.id = t.department_id
       WHERE t.kind = 'TOPIC' AND t.state = ANY($1) AND t.id <> $2
         AND t.department_id IS DISTINCT FROM $3
         AND extract(year FROM t.start_date) = $4 AND extract(quarter FROM t.start_date) = $5
         AND (t.topic_id = $6 OR t.title_folded = vn_fold($7))
       LIMIT 5`,
      [
        LIVE_STATES,
        otherTrip,
        draft.departmentId,
        yearOf(draft.startDate),
        quarterOf(draft.startDate),
        draft.topicId,
        draft.title,
      ],
    );
    for (const o of overlap) {
      checks.push({
        code: TripErrorCode.TOPIC_OVERLAP,
        severity: rule.checkTopicOverlap,
        field: draft.topicId ? 'input.topicId' : 'input.title',
        message: `Chuyên đề trùng với "${o.title}" của ${o.department ?? 'Ban khác'} trong cùng quý.`,
      });
    }
  }
  return checks;
}

/** Throws the first blocking check as the user's error; returns the warnings to record. */
export function enforce(checks: TripCheck[]): TripCheck[] {
  const block = checks.find((c) => c.severity === CheckMode.BLOCK);
  if (block) {
    throw badInput(block.field, block.message, block.code);
  }
  return checks.filter((c) => c.severity === CheckMode.WARN);
}
