import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Role } from '../../shared/access';
import { addDays, assertDate, formatVn, quarterOf, yearOf } from '../../shared/dates';
import { AppError, badInput, conflict, ErrorCode, forbidden, notFound } from '../../shared/errors';
import { authorize } from '../../shared/policy';
import { millisecondKey, paginate, type Cursor, type Page } from '../../shared/pagination';
import type { NotificationPayload, TripEventPayload } from '../../shared/pubsub';
import { NotificationKind } from '../notifications/notification.entity';
import { tripDecided } from '../notifications/notifications.triggers';
import { listProvinces, whereProvinces, type Viewer } from '../tenancy/tenancy';
import type { Actor } from '../tenancy/actor';
import { Cadre } from '../roster/cadre.entity';
import { PlanState, QuarterlyPlan } from '../planning/planning.entity';
import { mayDecidePlan, maySubmitPlan } from '../planning/planning.policy';
import { ruleFor } from '../rules/rules.service';
import type { PolicyRule } from '../rules/policy-rule.entity';
import { likePattern } from '../../shared/search';
import { NO_UNIT, unitSubtreeSql } from '../units/unit.service';
import {
  CONFIRMED_STATES,
  Delegation,
  Settlement,
  Trip,
  TripCheck,
  TripDestination,
  TripEventType,
  TripKind,
  TripMember,
  TripReport,
  TripState,
  TripTimelineEntry,
} from './trip.entity';
import {
  Decision,
  type CompleteTripInput,
  type CreateTripInput,
  type TripReportInput,
  type TripsArgs,
  type TripVersionInput,
  type UpdateTripInput,
  TripSortField,
  SortDirection,
} from './trip.inputs';
import { assertContent, enforce, resolveDraft, ruleChecks, type TripDraft } from './trip.checks';
import { TripErrorCode } from './trip.errors';
import {
  mayAcceptTripReport,
  mayCancelTrip,
  mayCompleteTrip,
  mayDecideTrip,
  mayEditTrip,
  mayMergeTrip,
  mayRegisterTripFor,
  mayReportTrip,
  maySubmitTrip,
  STATE_LABEL,
  TRANSITIONS,
  type TransitionEvent,
  type TripPolicyActor,
} from './trip.policy';

/** The tenancy's actor (who acts, where, on which day) with what trip operations also need. */
export interface TripActor extends Actor, TripPolicyActor {
  /** Queues a live event, sent once the transaction commits. */
  emit: (event: TripEventPayload) => void;
  /** Queues a new notification for its recipient, sent once the transaction commits. */
  notify: (notification: NotificationPayload) => void;
}

function writable(actor: TripActor): number {
  if (actor.provinceId === null) throw forbidden('Tài khoản của bạn chỉ được xem, không được ghi dữ liệu.');
  return actor.provinceId;
}

/** Locks the trip for this transaction and checks the caller saw its latest version. */
async function lockTrip(actor: TripActor, id: string, version: number): Promise<Trip> {
  const visible = await actor.manager.findOneBy(Trip, { id });
  if (!visible) throw notFound('Chuyến đi');
  if (visible.provinceId !== writable(actor)) {
    throw forbidden('Dữ liệu lịch sử của tỉnh đã hợp nhất chỉ được xem, không được sửa.');
  }
  const trip = await actor.manager.findOne(Trip, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!trip) throw notFound('Chuyến đi');
  if (trip.version !== version) {
    throw conflict(
      `Chuyến đi "${trip.title}" vừa được người khác cập nhật (hiện ${STATE_LABEL[trip.state]}). Vui lòng tải lại.`,
      TripErrorCode.VERSION_MISMATCH,
    );
  }
  return trip;
}

function assertTransition(trip: Trip, event: TransitionEvent): TripState {
  const t = TRANSITIONS[event];
  if (!t.from.includes(trip.state)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Không thể thực hiện thao tác này khi chuyến đi đang ${STATE_LABEL[trip.state]}.`,
      {
        reason: TripErrorCode.INVALID_TRANSITION,
        field: 'id',
      },
    );
  }
  return t.to;
}

async function record(
  actor: TripActor,
  trip: Trip,
  event: TripEventType,
  from: TripState | null,
  note: string | null,
): Promise<void> {
  const entry = actor.manager.create(TripTimelineEntry, {
    provinceId: trip.provinceId,
    id: randomUUID(),
    tripId: trip.id,
    event,
    fromState: from,
    toState: trip.state,
    actorId: actor.viewer.id,
    actorName: actor.viewer.fullName,
    note,
    at: new Date(),
  });
  await actor.manager.insert(TripTimelineEntry, entry);
  const lead = await actor.manager.findOneBy(Cadre, { id: trip.leadCadreId });
  const members = await actor.manager.find(TripMember, { where: { tripId: trip.id } });
  actor.emit({
    provinceId: trip.provinceId,
    tripId: trip.id,
    kind: trip.kind,
    event,
    state: trip.state,
    title: trip.title,
    cadreId: trip.leadCadreId,
    cadreName: lead?.fullName ?? '',
    actorId: actor.viewer.id,
    memberIds: members.map((m) => m.cadreId),
    year: yearOf(trip.startDate),
    actorName: actor.viewer.fullName,
    at: entry.at.toISOString(),
  });
}

async function save(actor: TripActor, trip: Trip, changes: Partial<Trip>): Promise<Trip> {
  const next = { ...changes, version: trip.version + 1, updatedAt: new Date() };
  await actor.manager.update(Trip, { provinceId: trip.provinceId, id: trip.id }, next);
  return Object.assign(trip, next);
}

async function draftOf(actor: TripActor, trip: Trip): Promise<TripDraft> {
  const members = await actor.manager.find(TripMember, { where: { tripId: trip.id } });
  const destinations = await actor.manager.find(TripDestination, { where: { tripId: trip.id } });
  return {
    provinceId: trip.provinceId,
    tripId: trip.id,
    kind: trip.kind,
    title: trip.title,
    topicId: trip.topicId,
    leadCadreId: trip.leadCadreId,
    memberIds: [trip.leadCadreId, ...members.filter((m) => !m.isLead).map((m) => m.cadreId)],
    destinationIds: destinations.map((d) => d.unitId),
    batchId: trip.batchId,
    startDate: trip.startDate,
    endDate: trip.endDate,
    departmentId: trip.departmentId,
  };
}

/** Every rule check for a would-be trip, without writing anything: what the form shows before submitting. */
export async function previewChecks(actor: TripActor, draft: TripDraft, provinceId: number): Promise<TripCheck[]> {
  const resolved = await resolveDraft(actor.manager, draft);
  const rule = await ruleFor(actor.manager, provinceId, yearOf(draft.startDate));
  return ruleChecks(actor.manager, draft, resolved, rule, actor.today);
}

export function draftFromInput(
  input: CreateTripInput,
  provinceId: number,
  departmentId: string | null,
  tripId: string | null = null,
): TripDraft {
  return {
    provinceId,
    tripId,
    kind: input.kind,
    title: input.title.trim(),
    topicId: input.topicId ?? null,
    leadCadreId: input.leadCadreId,
    memberIds: [input.leadCadreId, ...input.memberIds.filter((id) => id !== input.leadCadreId)],
    destinationIds: input.destinationIds,
    batchId: input.batchId ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    departmentId,
  };
}

async function leadCadre(actor: TripActor, id: string): Promise<Cadre> {
  const lead = await actor.manager.findOneBy(Cadre, { id, provinceId: writable(actor) });
  if (!lead) throw badInput('input.leadCadreId', 'Cán bộ không tồn tại trong tỉnh của bạn.', TripErrorCode.CADRE_INVALID);
  return lead;
}

async function writeMembersAndDestinations(actor: TripActor, trip: Trip, draft: TripDraft): Promise<void> {
  await actor.manager.delete(TripMember, { provinceId: trip.provinceId, tripId: trip.id });
  await actor.manager.delete(TripDestination, { provinceId: trip.provinceId, tripId: trip.id });
  await actor.manager.insert(
    TripMember,
    draft.memberIds.map((cadreId) => ({
      provinceId: trip.provinceId,
      tripId: trip.id,
      cadreId,
      isLead: cadreId === draft.leadCadreId,
    })),
  );
  await actor.manager.insert(
    TripDestination,
    draft.destinationIds.map((unitId) => ({ provinceId: trip.provinceId, tripId: trip.id, unitId })),
  );
}

/** A retried request with the same key gets the first request's trip instead of a second effect. */
async function claimKey(
  actor: TripActor,
  key: string | null | undefined,
  operation: string,
  resultId: string,
): Promise<string | null> {
  if (!key) return null;
  if (key.length < 8 || key.length > 100) throw badInput('idempotencyKey', 'Khóa chống gửi trùng phải dài từ 8 đến 100 ký tự.');
  const provinceId = writable(actor);
  const inserted: unknown[] = await actor.manager.query(
    `INSERT INTO idempotency_key (province_id, user_id, key, operation, result_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [provinceId, actor.viewer.id, key, operation, resultId],
  );
  if (inserted.length > 0) return null;
  const rows: Array<{ result_id: string; operation: string }> = await actor.manager.query(
    'SELECT result_id, operation FROM idempotency_key WHERE province_id = $1 AND user_id = $2 AND key = $3',
    [provinceId, actor.viewer.id, key],
  );
  if (rows[0]?.operation !== operation) throw badInput('idempotencyKey', 'Khóa chống gửi trùng đã được dùng cho thao tác khác.');
  return rows[0].result_id;
}

export async function createTrip(
  actor: TripActor,
  input: CreateTripInput,
  options: {
    submit: boolean;
    idempotencyKey?: string | null;
    /** Set by the inspections module for a team's visit or a higher-level team's inspection. */
    inspection?: { teamId: string | null; organiser: string | null };
  },
): Promise<Trip> {
  const provinceId = writable(actor);
  const id = randomUUID();
  const replayed = await claimKey(actor, options.idempotencyKey, 'createTrip', id);
  if (replayed) return actor.manager.findOneByOrFail(Trip, { id: replayed });

  const lead = await leadCadre(actor, input.leadCadreId);
  // A planned inspection team's visit is scheduled by the province's managers for the whole team.
  if (!options.inspection?.teamId) await authorize(mayRegisterTripFor(actor, lead));
  const draft = draftFromInput(input, provinceId, lead.departmentId, id);
  await resolveDraft(actor.manager, draft);
  const now = new Date();
  const trip = actor.manager.create(Trip, {
    provinceId,
    id,
    kind: input.kind,
    state: TripState.DRAFT,
    title: draft.title,
    purpose: input.purpose.trim(),
    expectedOutput: input.expectedOutput.trim(),
    topicId: draft.topicId,
    leadCadreId: lead.id,
    departmentId: lead.departmentId,
    batchId: draft.batchId,
    planId: null,
    delegationId: null,
    inspectionTeamId: options.inspection?.teamId ?? null,
    organiser: options.inspection?.organiser ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    actualStart: null,
    actualEnd: null,
    travelOrderNo: input.travelOrderNo ?? null,
    estimatedCost: input.estimatedCost ?? null,
    actualCost: null,
    settlement: Settlement.NONE,
    lateRegistration: false,
    // A draft keeps the justification typed with it: submitted later, the trip is still late.
    lateJustification: input.lateJustification?.trim() || null,
    decisionNote: null,
    warnings: [],
    version: 1,
    createdBy: actor.viewer.id,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
  });
  await actor.manager.insert(Trip, trip);
  await writeMembersAndDestinations(actor, trip, draft);
  await record(actor, trip, TripEventType.REGISTERED, null, null);
  if (!options.submit) return trip;
  return submitLocked(actor, trip, input.lateJustification ?? null);
}

export async function updateTrip(actor: TripActor, id: string, version: number, input: UpdateTripInput): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  await authorize(mayEditTrip(actor, trip));
  const current = await draftOf(actor, trip);
  const draft: TripDraft = {
    ...current,
    title: input.title?.trim() ?? current.title,
    topicId: input.topicId === undefined ? current.topicId : input.topicId,
    memberIds: input.memberIds ? [trip.leadCadreId, ...input.memberIds.filter((m) => m !== trip.leadCadreId)] : current.memberIds,
    destinationIds: input.destinationIds ?? current.destinationIds,
    batchId: input.batchId === undefined ? current.batchId : input.batchId,
    startDate: input.startDate ?? current.startDate,
    endDate: input.endDate ?? current.endDate,
  };
  await resolveDraft(actor.manager, draft);
  await writeMembersAndDestinations(actor, trip, draft);
  actor.loaders.membersByTrip.clear(trip.id);
  const saved = await save(actor, trip, {
    title: draft.title,
    purpose: input.purpose?.trim() ?? trip.purpose,
    expectedOutput: input.expectedOutput?.trim() ?? trip.expectedOutput,
    topicId: draft.topicId,
    batchId: draft.batchId,
    startDate: draft.startDate,
    endDate: draft.endDate,
    travelOrderNo: input.travelOrderNo === undefined ? trip.travelOrderNo : input.travelOrderNo,
    estimatedCost: input.estimatedCost === undefined ? trip.estimatedCost : input.estimatedCost,
    lateJustification: input.lateJustification === undefined ? trip.lateJustification : input.lateJustification?.trim() || null,
  });
  await record(actor, saved, TripEventType.UPDATED, trip.state, null);
  return saved;
}

/** Runs the province-year rules; blocks stop the submission, warnings travel with the trip. */
async function submitLocked(actor: TripActor, trip: Trip, lateJustification: string | null, inPlan = false): Promise<Trip> {
  const from = trip.state;
  const to = assertTransition(trip, TripEventType.SUBMITTED);
  assertContent(trip, inPlan);
  const draft = await draftOf(actor, trip);
  const resolved = await resolveDraft(actor.manager, draft);
  const rule = await ruleFor(actor.manager, trip.provinceId, yearOf(trip.startDate));
  const warnings = enforce(await ruleChecks(actor.manager, draft, resolved, rule, actor.today));
  const late = warnings.some((w) => w.code === String(TripErrorCode.LATE_REGISTRATION));
  const justification = (lateJustification ?? trip.lateJustification ?? '').trim();
  if (late && justification.length < 10) {
    throw badInput(
      'input.lateJustification',
      'Chuyến đi đăng ký muộn: cần giải trình bằng văn bản (ít nhất 10 ký tự).',
      TripErrorCode.LATE_JUSTIFICATION_REQUIRED,
    );
  }
  const saved = await save(actor, trip, {
    state: to,
    warnings,
    lateRegistration: late,
    lateJustification: late ? justification : trip.lateJustification,
    submittedAt: new Date(),
  });
  await record(actor, saved, TripEventType.SUBMITTED, from, late ? justification : null);
  return saved;
}

export async function submitTrip(
  actor: TripActor,
  id: string,
  version: number,
  lateJustification: string | null,
  idempotencyKey?: string | null,
): Promise<Trip> {
  const replayed = await claimKey(actor, idempotencyKey, 'submitTrip', id);
  if (replayed) return actor.manager.findOneByOrFail(Trip, { id: replayed });
  const trip = await lockTrip(actor, id, version);
  await authorize(maySubmitTrip(actor, trip));
  return submitLocked(actor, trip, lateJustification);
}

const DECISION_EVENT: Record<Decision, TransitionEvent> = {
  [Decision.APPROVE]: TripEventType.APPROVED,
  [Decision.REJECT]: TripEventType.REJECTED,
  [Decision.RETURN]: TripEventType.RETURNED,
};

/** The Standing Board's decision on one or several submissions, all or nothing. */
export async function decideTrips(
  actor: TripActor,
  items: TripVersionInput[],
  decision: Decision,
  reason: string | null,
): Promise<Trip[]> {
  const note = reason?.trim() || null;
  if (decision !== Decision.APPROVE && (!note || note.length < 3)) {
    throw badInput('reason', 'Cần ghi rõ lý do khi từ chối hoặc trả lại.', TripErrorCode.REASON_REQUIRED);
  }
  if (items.length === 0) throw badInput('trips', 'Cần chọn ít nhất một chuyến đi.');
  const event = DECISION_EVENT[decision];
  const result: Trip[] = [];
  for (const [index, item] of items.entries()) {
    const trip = await lockTrip(actor, item.id, item.version);
    await authorize(mayDecideTrip(actor, trip), `trips.${index}.id`);
    const from = trip.state;
    const to = assertTransition(trip, event);
    const saved = await save(actor, trip, { state: to, decisionNote: note });
    await record(actor, saved, event, from, note);
    if (decision !== Decision.APPROVE) {
      const kind = decision === Decision.RETURN ? NotificationKind.TRIP_RETURNED : NotificationKind.TRIP_REJECTED;
      for (const notification of await tripDecided(actor.manager, saved, kind, note)) actor.notify(notification);
    }
    result.push(saved);
  }
  return result;
}

export async function cancelTrip(actor: TripActor, id: string, version: number, reason: string): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  await authorize(mayCancelTrip(actor, trip));
  const note = reason.trim();
  if (note.length < 3) throw badInput('reason', 'Cần ghi rõ lý do hủy.', TripErrorCode.REASON_REQUIRED);
  const from = trip.state;
  const to = assertTransition(trip, TripEventType.CANCELLED);
  const saved = await save(actor, trip, { state: to, decisionNote: note });
  await record(actor, saved, TripEventType.CANCELLED, from, note);
  return saved;
}

export async function completeTrip(actor: TripActor, id: string, version: number, input: CompleteTripInput): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  await authorize(mayCompleteTrip(actor, trip));
  const from = trip.state;
  const to = assertTransition(trip, TripEventType.COMPLETED);
  assertDate(input.actualStart, 'input.actualStart');
  assertDate(input.actualEnd, 'input.actualEnd');
  if (input.actualEnd < input.actualStart) {
    throw badInput('input.actualEnd', 'Ngày về thực tế phải sau hoặc trùng ngày đi thực tế.', TripErrorCode.ACTUAL_DATES_INVALID);
  }
  if (yearOf(input.actualStart) !== yearOf(trip.startDate) || yearOf(input.actualEnd) !== yearOf(trip.startDate)) {
    throw badInput(
      'input.actualStart',
      `Ngày đi thực tế phải trong năm ${yearOf(trip.startDate)}.`,
      TripErrorCode.ACTUAL_DATES_INVALID,
    );
  }
  if (input.actualEnd > actor.today) {
    throw badInput(
      'input.actualEnd',
      `Chưa thể ghi nhận ngày về ${formatVn(input.actualEnd)} vì chưa tới.`,
      TripErrorCode.ACTUAL_DATES_INVALID,
    );
  }
  const saved = await save(actor, trip, {
    state: to,
    actualStart: input.actualStart,
    actualEnd: input.actualEnd,
    actualCost: input.actualCost ?? trip.actualCost,
    travelOrderNo: input.travelOrderNo ?? trip.travelOrderNo,
    settlement: (input.actualCost ?? trip.actualCost) ? Settlement.PENDING : trip.settlement,
  });
  await record(actor, saved, TripEventType.COMPLETED, from, null);
  return saved;
}

const REQUIRED_DETAILS: Record<
  TripKind,
  Array<{ key: 'membersPresent' | 'meetingQuality' | 'conclusion' | 'activityOutcome'; label: string }>
> = {
  [TripKind.TOPIC]: [],
  [TripKind.COORDINATION]: [{ key: 'activityOutcome', label: 'kết quả hoạt động phối hợp' }],
  [TripKind.INSPECTION]: [{ key: 'conclusion', label: 'kết luận kiểm tra, giám sát' }],
  [TripKind.MEETING]: [
    { key: 'membersPresent', label: 'số đoàn viên có mặt' },
    { key: 'meetingQuality', label: 'nội dung, chất lượng buổi sinh hoạt' },
  ],
};

/** The report's deadline under the province-year rule: so many days after coming back (actually, or as planned). */
export const reportDeadline = (trip: Pick<Trip, 'endDate' | 'actualEnd'>, rule: Pick<PolicyRule, 'reportDueDays'>): string =>
  addDays(trip.actualEnd ?? trip.endDate, rule.reportDueDays);

export async function reportTrip(actor: TripActor, id: string, version: number, input: TripReportInput): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  await authorize(mayReportTrip(actor, trip));
  const from = trip.state;
  const to = assertTransition(trip, TripEventType.REPORTED);
  const details = input.details ?? {};
  for (const { key, label } of REQUIRED_DETAILS[trip.kind]) {
    const value = details[key];
    if (value === undefined || value === null || value === '') {
      throw badInput(
        `input.details.${key}`,
        `Báo cáo loại chuyến đi này cần có ${label}.`,
        TripErrorCode.REPORT_DETAILS_REQUIRED,
      );
    }
  }
  const rule = await ruleFor(actor.manager, trip.provinceId, yearOf(trip.startDate));
  const dueOn = reportDeadline(trip, rule);
  await actor.manager.insert(TripReport, {
    provinceId: trip.provinceId,
    tripId: trip.id,
    findings: input.findings.trim(),
    difficulties: input.difficulties.trim(),
    membersConcerns: input.membersConcerns.trim(),
    goodModels: input.goodModels.trim(),
    recommendations: input.recommendations.trim(),
    details: { ...details },
    dueOn,
    submittedAt: new Date(),
    submittedBy: actor.viewer.id,
    late: actor.today > dueOn,
    acceptedAt: null,
    acceptedBy: null,
  });
  const saved = await save(actor, trip, { state: to });
  await record(actor, saved, TripEventType.REPORTED, from, actor.today > dueOn ? `Nộp muộn (hạn ${formatVn(dueOn)})` : null);
  return saved;
}

export async function acceptReport(actor: TripActor, id: string, version: number, note: string | null): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  await authorize(mayAcceptTripReport(actor, trip));
  const from = trip.state;
  const to = assertTransition(trip, TripEventType.REPORT_ACCEPTED);
  await actor.manager.update(
    TripReport,
    { provinceId: trip.provinceId, tripId: trip.id },
    { acceptedAt: new Date(), acceptedBy: actor.viewer.id },
  );
  const saved = await save(actor, trip, { state: to });
  await record(actor, saved, TripEventType.REPORT_ACCEPTED, from, note?.trim() || null);
  return saved;
}

export async function setSettlement(actor: TripActor, id: string, version: number, settlement: Settlement): Promise<Trip> {
  const trip = await lockTrip(actor, id, version);
  if (!CONFIRMED_STATES.includes(trip.state)) {
    throw badInput('id', 'Chỉ quyết toán kinh phí cho chuyến đi đã được duyệt.', TripErrorCode.INVALID_TRANSITION);
  }
  const saved = await save(actor, trip, { settlement });
  await record(actor, saved, TripEventType.SETTLEMENT_CHANGED, trip.state, settlement);
  return saved;
}

/**
 * Ghép đoàn: approved trips heading to the same host on overlapping dates travel as one delegation,
 * so the host receives one group. Each member keeps their own trip and days.
 */
export async function mergeDelegations(actor: TripActor, items: TripVersionInput[], hostUnitId: string): Promise<Delegation> {
  const provinceId = writable(actor);
  if (items.length < 2) throw badInput('trips', 'Cần chọn ít nhất hai chuyến đi để ghép đoàn.', TripErrorCode.MERGE_INVALID);
  const trips: Trip[] = [];
  for (const item of items) trips.push(await lockTrip(actor, item.id, item.version));
  for (const trip of trips) await authorize(mayMergeTrip(actor, trip));
  const toHost = await actor.manager.find(TripDestination, { where: { tripId: In(trips.map((t) => t.id)), unitId: hostUnitId } });
  const notToHost = trips.find((t) => !toHost.some((d) => d.tripId === t.id));
  if (notToHost) {
    throw badInput('hostUnitId', `Chuyến "${notToHost.title}" không đến đơn vị này.`, TripErrorCode.MERGE_INVALID);
  }
  const starts = trips.map((t) => t.startDate).sort();
  const ends = trips.map((t) => t.endDate).sort();
  const [start, end] = [starts[starts.length - 1], ends[0]];
  if (start > end)
    throw badInput('trips', 'Các chuyến đi không có ngày nào trùng nhau nên không ghép được.', TripErrorCode.MERGE_INVALID);

  const existingId = trips.find((t) => t.delegationId)?.delegationId ?? null;
  let delegation = existingId ? await actor.manager.findOneBy(Delegation, { id: existingId }) : null;
  if (!delegation) {
    delegation = actor.manager.create(Delegation, {
      provinceId,
      id: randomUUID(),
      hostUnitId,
      startDate: starts[0],
      endDate: ends[ends.length - 1],
      createdBy: actor.viewer.id,
    });
    await actor.manager.insert(Delegation, delegation);
  }
  for (const trip of trips) {
    const saved = await save(actor, trip, { delegationId: delegation.id });
    await record(actor, saved, TripEventType.MERGED, trip.state, `Ghép đoàn ${trips.length} chuyến`);
  }
  return delegation;
}

/** Host units see only the confirmed delegations coming to them or to a unit below them. */
const HOST_SUBTREE = `EXISTS (
  SELECT 1 FROM trip_destination d
  WHERE d.province_id = t.province_id AND d.trip_id = t.id AND d.unit_id IN (${unitSubtreeSql(':hostRoot')}))`;

/** Trips this viewer may see: all of their provinces', or for a host unit only those coming to it. */
function visibleTrips(manager: EntityManager, viewer: Viewer) {
  const q = manager.createQueryBuilder(Trip, 't');
  if (viewer.role === Role.HOST_UNIT) {
    q.andWhere('t.state = ANY(:confirmed)', { confirmed: CONFIRMED_STATES }).andWhere(HOST_SUBTREE, {
      hostRoot: viewer.unitId ?? NO_UNIT,
    });
  }
  return q;
}

export const findTrip = (manager: EntityManager, viewer: Viewer, id: string): Promise<Trip | null> =>
  visibleTrips(manager, viewer).andWhere('t.id = :id', { id }).getOne();

export async function listTrips(manager: EntityManager, viewer: Viewer, args: TripsArgs): Promise<Page<Trip>> {
  const f = args.filter ?? {};
  const q = visibleTrips(manager, viewer);
  whereProvinces(q, 't', listProvinces(viewer, f.provinceId));
  if (f.states?.length) q.andWhere('t.state = ANY(:states)', { states: f.states });
  if (f.kinds?.length) q.andWhere('t.kind = ANY(:kinds)', { kinds: f.kinds });
  if (f.departmentId) q.andWhere('t.department_id = :departmentId', { departmentId: f.departmentId });
  if (f.cadreId) {
    q.andWhere(
      'EXISTS (SELECT 1 FROM trip_member m WHERE m.province_id = t.province_id AND m.trip_id = t.id AND m.cadre_id = :cadreId)',
      {
        cadreId: f.cadreId,
      },
    );
  }
  if (f.hostUnitId) {
    q.andWhere(
      'EXISTS (SELECT 1 FROM trip_destination d WHERE d.province_id = t.province_id AND d.trip_id = t.id AND d.unit_id = :hostUnitId)',
      {
        hostUnitId: f.hostUnitId,
      },
    );
  }
  if (f.from) q.andWhere('t.end_date >= :from', { from: assertDate(f.from, 'filter.from') });
  if (f.to) q.andWhere('t.start_date <= :to', { to: assertDate(f.to, 'filter.to') });
  if (f.search) q.andWhere('t.title_folded LIKE :search', { search: likePattern(f.search) });
  if (f.lateOnly) q.andWhere('t.late_registration');
  const order = args.orderBy ?? { field: TripSortField.START_DATE, direction: 'DESC' };
  const sorts: Record<TripSortField, { sql: string; valueOf: (t: Trip) => string }> = {
    [TripSortField.START_DATE]: { sql: 't.start_date', valueOf: (t) => t.startDate },
    [TripSortField.CREATED_AT]: { sql: millisecondKey('t.created_at'), valueOf: (t) => t.createdAt.toISOString() },
    [TripSortField.SUBMITTED_AT]: {
      sql: millisecondKey('coalesce(t.submitted_at, t.created_at)'),
      valueOf: (t) => (t.submittedAt ?? t.createdAt).toISOString(),
    },
  };
  const sort = sorts[order.field];
  return paginate(q, args, {
    sql: sort.sql,
    idSql: 't.id',
    direction: order.direction === SortDirection.ASC ? 'ASC' : 'DESC',
    valueOf: sort.valueOf,
    idOf: (t) => t.id,
  });
}

/** Submits a department's quarter in one go: its draft and returned trips of that quarter. */
export async function submitPlan(actor: TripActor, departmentId: string, year: number, quarter: number): Promise<QuarterlyPlan> {
  const provinceId = writable(actor);
  await actor.manager.query(
    `INSERT INTO quarterly_plan (province_id, id, department_id, year, quarter) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (province_id, department_id, year, quarter) DO NOTHING`,
    [provinceId, randomUUID(), departmentId, year, quarter],
  );
  const plan = await actor.manager.findOne(QuarterlyPlan, {
    where: { departmentId, year, quarter },
    lock: { mode: 'pessimistic_write' },
  });
  if (!plan) throw badInput('departmentId', 'Ban/Văn phòng không tồn tại trong tỉnh của bạn.');
  // The row made above is rolled back with the refusal.
  await authorize(maySubmitPlan(actor, plan));
  const trips = await actor.manager
    .createQueryBuilder(Trip, 't')
    .where('t.department_id = :departmentId AND t.state = ANY(:states)', {
      departmentId,
      states: [TripState.DRAFT, TripState.RETURNED],
    })
    .andWhere('extract(year FROM t.start_date) = :year AND extract(quarter FROM t.start_date) = :quarter', { year, quarter })
    .setLock('pessimistic_write')
    .getMany();
  if (trips.length === 0) throw badInput('quarter', `Ban chưa có chuyến đi nào để trình trong quý ${quarter}/${year}.`);
  for (const trip of trips) {
    if (quarterOf(trip.startDate) !== quarter) continue;
    await actor.manager.update(Trip, { provinceId, id: trip.id }, { planId: plan.id });
    trip.planId = plan.id;
    await submitLocked(actor, trip, null, true);
  }
  await actor.manager.update(
    QuarterlyPlan,
    { provinceId, id: plan.id },
    { state: PlanState.SUBMITTED, submittedAt: new Date(), version: plan.version + 1 },
  );
  return actor.manager.findOneByOrFail(QuarterlyPlan, { id: plan.id });
}

export async function decidePlan(
  actor: TripActor,
  planId: string,
  version: number,
  decision: Decision.APPROVE | Decision.RETURN,
  note: string | null,
): Promise<QuarterlyPlan> {
  const provinceId = writable(actor);
  const plan = await actor.manager.findOne(QuarterlyPlan, { where: { id: planId }, lock: { mode: 'pessimistic_write' } });
  if (!plan) throw notFound('Kế hoạch quý');
  if (plan.version !== version)
    throw conflict('Kế hoạch vừa được người khác cập nhật. Vui lòng tải lại.', TripErrorCode.VERSION_MISMATCH);
  await authorize(mayDecidePlan(actor, plan));
  const trips = await actor.manager.find(Trip, { where: { planId, state: TripState.SUBMITTED } });
  await decideTrips(
    actor,
    trips.map((t) => ({ id: t.id, version: t.version })),
    decision,
    note,
  );
  await actor.manager.update(
    QuarterlyPlan,
    { provinceId, id: plan.id },
    {
      state: decision === Decision.APPROVE ? PlanState.APPROVED : PlanState.RETURNED,
      decidedAt: new Date(),
      note: note?.trim() ?? '',
      version: plan.version + 1,
    },
  );
  return actor.manager.findOneByOrFail(QuarterlyPlan, { id: plan.id });
}

interface EventRow {
  province_id: number;
  trip_id: string;
  kind: TripKind;
  event: TripEventType;
  to_state: TripState;
  title: string;
  lead_cadre_id: string;
  cadre_name: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
  id: string;
}

/** The latest trip events of the viewer's provinces, newest first: the live feed's history. */
export async function recentEvents(
  manager: EntityManager,
  provinceIds: number[] | null,
  first: number,
  after: Cursor | null,
): Promise<{ rows: EventRow[]; hasNextPage: boolean; total: number }> {
  const rows: EventRow[] = await manager.query(
    `SELECT e.province_id, e.trip_id, t.kind, e.event, e.to_state, t.title, t.lead_cadre_id, c.full_name AS cadre_name,
            e.actor_id, e.actor_name, e.at, e.id
     FROM trip_event e
     JOIN trip t ON t.province_id = e.province_id AND t.id = e.trip_id
     JOIN cadre c ON c.province_id = t.province_id AND c.id = t.lead_cadre_id
     WHERE ($1::int[] IS NULL OR e.province_id = ANY($1))
       AND ($2::timestamptz IS NULL OR (e.at, e.id) < ($2::timestamptz, $3::uuid))
     ORDER BY e.at DESC, e.id DESC
     LIMIT $4`,
    [provinceIds, after ? after[0] : null, after ? after[1] : null, first + 1],
  );
  const counted: Array<{ n: number }> = await manager.query(
    'SELECT count(*)::int AS n FROM trip_event e WHERE ($1::int[] IS NULL OR e.province_id = ANY($1))',
    [provinceIds],
  );
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, total: counted[0]?.n ?? 0 };
}
