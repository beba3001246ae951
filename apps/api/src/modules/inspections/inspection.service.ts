import { randomUUID } from 'node:crypto';
import { whereProvinces } from '../tenancy/tenancy';
import { In, type EntityManager } from 'typeorm';
import { assertDate, yearOf } from '../../shared/dates';
import { badInput, conflict, notFound } from '../../shared/errors';
import { paginate, type Page, type PageArgs } from '../../shared/pagination';
import { authorize } from '../../shared/policy';
import { Cadre } from '../roster/cadre.entity';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { unitSubtreeSql } from '../units/unit.service';
import { Trip, TripKind } from '../trips/trip.entity';
import { MIN_CONTENT_LENGTH } from '../trips/trip.checks';
import { createTrip, type TripActor } from '../trips/trip.service';
import { ActionStatus, CorrectiveAction, InspectionConclusion, InspectionPlan, InspectionTeam } from './inspection.entity';
import { InspectionErrorCode } from './inspection.errors';
import {
  mayConcludeVisitAt,
  mayManagePlan,
  mayReportActionDone,
  mayVerifyAction,
  type InspectionPolicyActor,
} from './inspection.policy';
import type {
  ConcludeInspectionInput,
  CreateInspectionPlanInput,
  CreateInspectionTeamInput,
  ExternalInspectionInput,
  ScheduleInspectionVisitInput,
} from './inspection.inputs';

const SUBJECT_TITLE = 'Kiểm tra, giám sát';

async function unitsOfProvince(manager: EntityManager, provinceId: number, ids: string[], field: string): Promise<Unit[]> {
  const units = await manager.find(Unit, { where: { id: In(ids), provinceId } });
  if (units.length !== ids.length || units.some((u) => AGENCY_KINDS.includes(u.kind))) {
    throw badInput(field, 'Đơn vị không tồn tại trong tỉnh của bạn hoặc thuộc cơ quan Tỉnh đoàn.');
  }
  return units;
}

export async function createPlan(
  manager: EntityManager,
  provinceId: number,
  input: CreateInspectionPlanInput,
): Promise<InspectionPlan> {
  assertDate(input.startsOn, 'input.startsOn');
  assertDate(input.endsOn, 'input.endsOn');
  if (input.endsOn < input.startsOn)
    throw badInput('input.endsOn', 'Ngày kết thúc phải sau ngày bắt đầu.', InspectionErrorCode.DATES_INVERTED);
  if (yearOf(input.startsOn) !== input.year || yearOf(input.endsOn) !== input.year) {
    throw badInput('input.startsOn', `Kế hoạch phải nằm trong năm ${input.year}.`, InspectionErrorCode.OUTSIDE_YEAR);
  }
  await unitsOfProvince(manager, provinceId, input.targetUnitIds, 'input.targetUnitIds');
  const plan = manager.create(InspectionPlan, {
    provinceId,
    id: randomUUID(),
    year: input.year,
    title: input.title.trim(),
    subject: input.subject,
    description: input.description.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    version: 1,
  });
  await manager.insert(InspectionPlan, plan);
  await manager.query('INSERT INTO inspection_plan_target (province_id, plan_id, unit_id) SELECT $1, $2, unnest($3::uuid[])', [
    provinceId,
    plan.id,
    input.targetUnitIds,
  ]);
  return plan;
}

export async function createTeam(
  manager: EntityManager,
  provinceId: number,
  actor: InspectionPolicyActor,
  input: CreateInspectionTeamInput,
): Promise<InspectionTeam> {
  const plan = await manager.findOneBy(InspectionPlan, { id: input.planId, provinceId });
  if (!plan) throw badInput('input.planId', 'Kế hoạch kiểm tra không tồn tại trong tỉnh của bạn.');
  await authorize(mayManagePlan(actor, plan));
  const memberIds = [...new Set([input.leadCadreId, ...input.memberIds])];
  const cadres = await manager.find(Cadre, { where: { id: In(memberIds), provinceId } });
  if (cadres.length !== memberIds.length) {
    const field = cadres.some((c) => c.id === input.leadCadreId) ? 'input.memberIds' : 'input.leadCadreId';
    throw badInput(field, 'Cán bộ không tồn tại trong tỉnh của bạn.');
  }
  const team = manager.create(InspectionTeam, {
    provinceId,
    id: randomUUID(),
    planId: plan.id,
    name: input.name.trim(),
    leadCadreId: input.leadCadreId,
  });
  await manager.insert(InspectionTeam, team);
  await manager.query('INSERT INTO inspection_team_member (province_id, team_id, cadre_id) SELECT $1, $2, unnest($3::uuid[])', [
    provinceId,
    team.id,
    memberIds,
  ]);
  return team;
}

export async function teamMemberIds(manager: EntityManager, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows: Array<{ team_id: string; cadre_id: string }> = await manager.query(
    'SELECT team_id, cadre_id FROM inspection_team_member WHERE team_id = ANY($1)',
    [teamIds],
  );
  const map = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  for (const r of rows) map.get(r.team_id)?.push(r.cadre_id);
  return map;
}

/** A team's visit to a target unit: an inspection trip for the whole team, submitted for approval. */
export async function scheduleVisit(
  actor: TripActor & InspectionPolicyActor,
  input: ScheduleInspectionVisitInput,
): Promise<Trip> {
  const team = await actor.manager.findOneBy(InspectionTeam, { id: input.teamId, provinceId: actor.provinceId ?? -1 });
  if (!team) throw badInput('input.teamId', 'Đoàn kiểm tra không tồn tại trong tỉnh của bạn.');
  const plan = await actor.manager.findOneByOrFail(InspectionPlan, { id: team.planId });
  await authorize(mayManagePlan(actor, plan));
  const targets: unknown[] = await actor.manager.query(
    'SELECT 1 FROM inspection_plan_target WHERE plan_id = $1 AND unit_id = $2',
    [plan.id, input.unitId],
  );
  if (targets.length === 0) throw badInput('input.unitId', 'Đơn vị này không có trong kế hoạch kiểm tra.');
  const members = (await teamMemberIds(actor.manager, [team.id])).get(team.id) ?? [];
  return createTrip(
    actor,
    {
      kind: TripKind.INSPECTION,
      title: `${SUBJECT_TITLE}: ${plan.title}`,
      // The plan's description is the visit's purpose; a plan described in a few words still says what the visit is for.
      purpose:
        plan.description.trim().length >= MIN_CONTENT_LENGTH
          ? plan.description
          : `Làm việc với đơn vị được kiểm tra theo kế hoạch "${plan.title}"`,
      expectedOutput: 'Báo cáo kết luận kiểm tra',
      leadCadreId: team.leadCadreId,
      memberIds: members.filter((m) => m !== team.leadCadreId),
      destinationIds: [input.unitId],
      startDate: input.startDate,
      endDate: input.endDate,
      lateJustification: input.lateJustification ?? null,
    },
    { submit: true, inspection: { teamId: team.id, organiser: null } },
  );
}

/** A cadre on a central or provincial team: an inspection trip recorded with its organiser. */
export async function recordExternal(actor: TripActor, input: ExternalInspectionInput): Promise<Trip> {
  return createTrip(
    actor,
    {
      kind: TripKind.INSPECTION,
      title: input.title.trim(),
      purpose: `Tham gia đoàn kiểm tra, giám sát của ${input.organiser.trim()}`,
      expectedOutput: 'Báo cáo kết quả tham gia đoàn kiểm tra, giám sát',
      leadCadreId: input.cadreId,
      memberIds: [],
      destinationIds: input.unitIds,
      startDate: input.startDate,
      endDate: input.endDate,
      lateJustification: input.lateJustification ?? null,
    },
    { submit: true, inspection: { teamId: null, organiser: input.organiser.trim() } },
  );
}

export async function conclude(
  manager: EntityManager,
  provinceId: number,
  actor: InspectionPolicyActor,
  input: ConcludeInspectionInput,
): Promise<InspectionConclusion> {
  const trip = await manager.findOneBy(Trip, { id: input.tripId, provinceId });
  if (!trip || trip.kind !== TripKind.INSPECTION)
    throw badInput('input.tripId', 'Chuyến kiểm tra không tồn tại trong tỉnh của bạn.');
  await authorize(mayConcludeVisitAt(actor, trip, input.unitId));
  assertDate(input.concludedOn, 'input.concludedOn');
  if (input.concludedOn < (trip.actualStart ?? trip.startDate)) {
    throw badInput('input.concludedOn', 'Ngày kết luận không thể trước ngày kiểm tra.');
  }
  if (input.actions.length > 0) {
    await unitsOfProvince(manager, provinceId, [...new Set(input.actions.map((a) => a.responsibleUnitId))], 'input.actions');
  }
  for (const [i, a] of input.actions.entries()) {
    assertDate(a.dueOn, `input.actions.${i}.dueOn`);
    if (a.dueOn < input.concludedOn) throw badInput(`input.actions.${i}.dueOn`, 'Hạn khắc phục phải sau ngày kết luận.');
  }
  const conclusion = manager.create(InspectionConclusion, {
    provinceId,
    id: randomUUID(),
    tripId: trip.id,
    unitId: input.unitId,
    findings: input.findings.trim(),
    rating: input.rating,
    concludedOn: input.concludedOn,
    createdBy: actor.viewer.id,
  });
  await manager.insert(InspectionConclusion, conclusion);
  actor.loaders.conclusionsByTrip.clear(trip.id);
  for (const a of input.actions) {
    await manager.insert(CorrectiveAction, {
      provinceId,
      id: randomUUID(),
      conclusionId: conclusion.id,
      description: a.description.trim(),
      responsibleUnitId: a.responsibleUnitId,
      dueOn: a.dueOn,
      status: ActionStatus.OPEN,
      doneNote: null,
      verifiedAt: null,
      version: 1,
    });
  }
  return conclusion;
}

async function lockAction(manager: EntityManager, provinceId: number, id: string, version: number): Promise<CorrectiveAction> {
  const action = await manager.findOne(CorrectiveAction, { where: { id, provinceId }, lock: { mode: 'pessimistic_write' } });
  if (!action) throw notFound('Yêu cầu khắc phục');
  if (action.version !== version)
    throw conflict('Yêu cầu khắc phục vừa được người khác cập nhật. Vui lòng tải lại.', InspectionErrorCode.VERSION_MISMATCH);
  return action;
}

/** The responsible unit (or the organisation department) reports the action done. */
export async function markActionDone(
  manager: EntityManager,
  provinceId: number,
  actor: InspectionPolicyActor,
  id: string,
  version: number,
  note: string,
): Promise<CorrectiveAction> {
  const action = await lockAction(manager, provinceId, id, version);
  await authorize(mayReportActionDone(actor, action));
  if (note.trim().length < 5) throw badInput('note', 'Cần mô tả kết quả khắc phục.');
  await manager.update(
    CorrectiveAction,
    { provinceId, id },
    { status: ActionStatus.DONE, doneNote: note.trim(), doneAt: () => 'now()', version: version + 1 },
  );
  return manager.findOneByOrFail(CorrectiveAction, { id, provinceId });
}

/** The province checks the correction and closes it. */
export async function verifyAction(
  manager: EntityManager,
  provinceId: number,
  actor: InspectionPolicyActor,
  id: string,
  version: number,
): Promise<CorrectiveAction> {
  const action = await lockAction(manager, provinceId, id, version);
  await authorize(mayVerifyAction(actor, action));
  await manager.update(
    CorrectiveAction,
    { provinceId, id },
    { status: ActionStatus.VERIFIED, verifiedAt: () => 'now()', verifiedBy: actor.viewer.id, version: version + 1 },
  );
  return manager.findOneByOrFail(CorrectiveAction, { id, provinceId });
}

/** Due date first, so the overdue come first among the open ones; a host unit sees those of its units. */
export async function listActions(
  manager: EntityManager,
  provinceIds: number[] | null,
  today: string,
  options: PageArgs & { overdueOnly: boolean; hostRoot?: string | null },
): Promise<Page<CorrectiveAction>> {
  const q = manager.createQueryBuilder(CorrectiveAction, 'a');
  whereProvinces(q, 'a', provinceIds);
  if (options.overdueOnly) q.andWhere(`a.status <> 'VERIFIED' AND a.due_on < :today`, { today });
  if (options.hostRoot) {
    q.andWhere(`a.responsible_unit_id IN (${unitSubtreeSql(':hostRoot')})`, { hostRoot: options.hostRoot });
  }
  return paginate(q, options, { sql: 'a.due_on', idSql: 'a.id', direction: 'ASC', valueOf: (a) => a.dueOn, idOf: (a) => a.id });
}

export function listPlans(
  manager: EntityManager,
  provinceId: number,
  args: PageArgs & { year: number },
): Promise<Page<InspectionPlan>> {
  const q = manager
    .createQueryBuilder(InspectionPlan, 'p')
    .where('p.province_id = :provinceId AND p.year = :year', { provinceId, year: args.year });
  return paginate(q, args, {
    sql: 'p.starts_on',
    idSql: 'p.id',
    direction: 'ASC',
    valueOf: (p) => p.startsOn,
    idOf: (p) => p.id,
  });
}
