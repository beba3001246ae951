import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from '../../shared/access';
import { assertDate } from '../../shared/dates';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors';
import { millisecondKey, paginate, type Page, type PageArgs } from '../../shared/pagination';
import { whereProvinces, type Viewer } from '../tenancy/tenancy';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { likePattern } from '../../shared/search';
import { NO_UNIT, unitSubtreeSql } from '../units/unit.service';
import { Trip } from '../trips/trip.entity';
import { GoodModel, HostFeedback, ModelField, Recommendation, RecommendationStatus, Replication } from './finding.entity';
import { FindingErrorCode } from './finding.errors';
import { authorize } from '../../shared/policy';
import {
  mayAnswerRecommendation,
  mayAssignRecommendation,
  mayCloseRecommendation,
  mayGiveFeedback,
  mayReplicateModel,
  type FeedbackPolicyActor,
  type FindingPolicyActor,
} from './finding.policy';
import type {
  AssignRecommendationInput,
  CreateGoodModelInput,
  CreateRecommendationInput,
  HostFeedbackInput,
} from './finding.inputs';

async function grassrootsUnit(manager: EntityManager, provinceId: number, id: string, field: string): Promise<Unit> {
  const unit = await manager.findOneBy(Unit, { id, provinceId });
  if (!unit || AGENCY_KINDS.includes(unit.kind)) throw badInput(field, 'Đơn vị cơ sở không tồn tại trong tỉnh của bạn.');
  return unit;
}

async function tripOfProvince(manager: EntityManager, provinceId: number, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await manager.countBy(Trip, { id, provinceId });
  if (found === 0) throw badInput('input.tripId', 'Chuyến đi không tồn tại trong tỉnh của bạn.');
}

/** Units at or below `root`: what a host unit's account answers for. */
const SUBTREE = unitSubtreeSql(':root');

export async function listModels(
  manager: EntityManager,
  provinceIds: number[] | null,
  args: PageArgs & { search?: string | null; field?: ModelField | null; replication?: Replication | null },
): Promise<Page<GoodModel>> {
  const q = manager.createQueryBuilder(GoodModel, 'g');
  whereProvinces(q, 'g', provinceIds);
  if (args.search) q.andWhere('g.name_folded LIKE :search', { search: likePattern(args.search) });
  if (args.field) q.andWhere('g.field = :field', { field: args.field });
  if (args.replication) q.andWhere('g.replication = :replication', { replication: args.replication });
  return paginate(q, args, {
    sql: 'g.name COLLATE "vi-x-icu"',
    idSql: 'g.id',
    direction: 'ASC',
    valueOf: (g) => g.name,
    idOf: (g) => g.id,
  });
}

export async function createModel(
  manager: EntityManager,
  provinceId: number,
  viewer: Viewer,
  input: CreateGoodModelInput,
): Promise<GoodModel> {
  await grassrootsUnit(manager, provinceId, input.unitId, 'input.unitId');
  await tripOfProvince(manager, provinceId, input.tripId);
  const id = randomUUID();
  await manager.insert(GoodModel, {
    provinceId,
    id,
    name: input.name.trim(),
    unitId: input.unitId,
    field: input.field,
    description: input.description.trim(),
    tripId: input.tripId ?? null,
    createdBy: viewer.id,
  });
  return manager.findOneByOrFail(GoodModel, { id, provinceId });
}

export async function setReplication(
  manager: EntityManager,
  provinceId: number,
  actor: Pick<FindingPolicyActor, 'viewer' | 'provinceId'>,
  id: string,
  version: number,
  replication: Replication,
  unitIds: string[],
  since: string,
): Promise<GoodModel> {
  const model = await manager.findOne(GoodModel, { where: { id, provinceId }, lock: { mode: 'pessimistic_write' } });
  if (!model) throw notFound('Mô hình');
  await authorize(mayReplicateModel(actor, model));
  if (model.version !== version)
    throw conflict('Mô hình vừa được người khác cập nhật. Vui lòng tải lại.', FindingErrorCode.VERSION_MISMATCH);
  assertDate(since, 'since');
  for (const unitId of unitIds) await grassrootsUnit(manager, provinceId, unitId, 'unitIds');
  if (replication !== Replication.IDENTIFIED && unitIds.length === 0) {
    throw badInput('unitIds', 'Cần nêu nơi đang/đã nhân rộng mô hình.');
  }
  await manager.query(
    `INSERT INTO good_model_replication (province_id, model_id, unit_id, since) SELECT $1, $2, unnest($3::uuid[]), $4
     ON CONFLICT DO NOTHING`,
    [provinceId, id, unitIds, since],
  );
  await manager.update(GoodModel, { provinceId, id }, { replication, version: version + 1 });
  return Object.assign(model, { replication, version: version + 1 });
}

export async function createRecommendation(
  manager: EntityManager,
  provinceId: number,
  viewer: Viewer,
  input: CreateRecommendationInput,
): Promise<Recommendation> {
  await grassrootsUnit(manager, provinceId, input.unitId, 'input.unitId');
  if (viewer.role === Role.HOST_UNIT) {
    const rows: Array<Pick<Unit, 'id'>> = await manager.query(unitSubtreeSql('$1'), [viewer.unitId]);
    if (!rows.some((r) => r.id === input.unitId)) {
      throw forbidden('Đơn vị cơ sở chỉ nêu kiến nghị cho chính mình.');
    }
  }
  await tripOfProvince(manager, provinceId, input.tripId);
  const id = randomUUID();
  await manager.insert(Recommendation, {
    provinceId,
    id,
    text: input.text.trim(),
    tripId: input.tripId ?? null,
    unitId: input.unitId,
    createdBy: viewer.id,
  });
  return manager.findOneByOrFail(Recommendation, { id, provinceId });
}

async function lockRecommendation(
  manager: EntityManager,
  provinceId: number,
  id: string,
  version: number,
): Promise<Recommendation> {
  const rec = await manager.findOne(Recommendation, { where: { id, provinceId }, lock: { mode: 'pessimistic_write' } });
  if (!rec) throw notFound('Kiến nghị');
  if (rec.version !== version)
    throw conflict('Kiến nghị vừa được người khác cập nhật. Vui lòng tải lại.', FindingErrorCode.VERSION_MISMATCH);
  return rec;
}

export async function assignRecommendation(
  manager: EntityManager,
  provinceId: number,
  actor: FindingPolicyActor,
  id: string,
  version: number,
  input: AssignRecommendationInput,
  today: string,
): Promise<Recommendation> {
  const rec = await lockRecommendation(manager, provinceId, id, version);
  await authorize(mayAssignRecommendation(actor, rec));
  const dept = await manager.findOneBy(Unit, { id: input.departmentId, provinceId });
  if (!dept || !AGENCY_KINDS.includes(dept.kind))
    throw badInput('input.departmentId', 'Ban/Văn phòng không tồn tại trong tỉnh của bạn.');
  assertDate(input.dueOn, 'input.dueOn');
  if (input.dueOn < today) throw badInput('input.dueOn', 'Hạn trả lời không thể trước hôm nay.');
  const changes = { departmentId: dept.id, dueOn: input.dueOn, status: RecommendationStatus.IN_PROGRESS, version: version + 1 };
  await manager.update(Recommendation, { provinceId, id }, changes);
  return Object.assign(rec, changes);
}

export async function answerRecommendation(
  manager: EntityManager,
  provinceId: number,
  actor: FindingPolicyActor,
  id: string,
  version: number,
  answer: string,
): Promise<Recommendation> {
  const rec = await lockRecommendation(manager, provinceId, id, version);
  await authorize(mayAnswerRecommendation(actor, rec));
  if (answer.trim().length < 10) throw badInput('answer', 'Câu trả lời cần ít nhất 10 ký tự.');
  await manager.update(
    Recommendation,
    { provinceId, id },
    {
      status: RecommendationStatus.ANSWERED,
      answer: answer.trim(),
      answeredAt: () => 'now()',
      answeredBy: actor.viewer.id,
      version: version + 1,
    },
  );
  return manager.findOneByOrFail(Recommendation, { id, provinceId });
}

export async function closeRecommendation(
  manager: EntityManager,
  provinceId: number,
  actor: FindingPolicyActor,
  id: string,
  version: number,
): Promise<Recommendation> {
  const rec = await lockRecommendation(manager, provinceId, id, version);
  await authorize(mayCloseRecommendation(actor, rec));
  await manager.update(Recommendation, { provinceId, id }, { status: RecommendationStatus.CLOSED, version: version + 1 });
  return Object.assign(rec, { status: RecommendationStatus.CLOSED, version: version + 1 });
}

/**
 * Overdue first, then by due date (none last); a host unit sees the recommendations of its own units.
 * One text key keeps the order keyset-pageable: `0|2026-03-01` sorts before `1|2026-01-15`.
 */
export async function listRecommendations(
  manager: EntityManager,
  viewer: Viewer,
  provinceIds: number[] | null,
  today: string,
  args: PageArgs & { statuses?: RecommendationStatus[] | null; overdueOnly?: boolean },
): Promise<Page<Recommendation>> {
  const q = manager.createQueryBuilder(Recommendation, 'r');
  whereProvinces(q, 'r', provinceIds);
  if (viewer.role === Role.HOST_UNIT) {
    q.andWhere(`r.unit_id IN (${SUBTREE})`, { root: viewer.unitId ?? NO_UNIT });
  }
  if (args.statuses?.length) q.andWhere('r.status = ANY(:statuses)', { statuses: args.statuses });
  if (args.overdueOnly) q.andWhere(`r.status IN ('OPEN', 'IN_PROGRESS') AND r.due_on < :today`, { today });
  q.setParameter('now', today);
  const open = [RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS];
  return paginate(q, args, {
    sql: `(CASE WHEN r.status IN ('OPEN', 'IN_PROGRESS') AND r.due_on < :now THEN '0|' ELSE '1|' END
           || coalesce(r.due_on::text, '9999-12-31')) COLLATE "C"`,
    idSql: 'r.id',
    direction: 'ASC',
    valueOf: (r) => `${open.includes(r.status) && r.dueOn !== null && r.dueOn < today ? 0 : 1}|${r.dueOn ?? '9999-12-31'}`,
    idOf: (r) => r.id,
  });
}

/** The host records whether a visit kept the rules: no conference, no intermediate-level escort, no cost, no party committee invited. */
export async function submitFeedback(
  manager: EntityManager,
  provinceId: number,
  actor: FeedbackPolicyActor,
  input: HostFeedbackInput,
): Promise<HostFeedback> {
  const { viewer } = actor;
  const trip = await manager.findOneBy(Trip, { id: input.tripId, provinceId });
  if (!trip) throw badInput('input.tripId', 'Chuyến đi không tồn tại hoặc chưa được duyệt.');
  await authorize(mayGiveFeedback(actor, trip));
  // The policy refuses an account without a unit.
  const unitId = viewer.unitId ?? NO_UNIT;
  await manager.insert(HostFeedback, {
    provinceId,
    tripId: trip.id,
    unitId,
    noConference: input.noConference,
    noDistrictEscort: input.noDistrictEscort,
    noCost: input.noCost,
    noPartyCommittee: input.noPartyCommittee,
    comment: input.comment.trim(),
    createdBy: viewer.id,
  });
  actor.loaders.feedbackUnitIdsByTrip.clear(trip.id);
  return manager.findOneByOrFail(HostFeedback, { tripId: trip.id, unitId, provinceId });
}

/** Newest first; a host unit sees only what it and the units below it sent, so it can check its own word. */
export async function listFeedback(
  manager: EntityManager,
  viewer: Viewer,
  provinceIds: number[] | null,
  args: PageArgs & { breachesOnly: boolean; tripIds?: string[] | null },
): Promise<Page<HostFeedback>> {
  const q = manager.createQueryBuilder(HostFeedback, 'f');
  whereProvinces(q, 'f', provinceIds);
  if (viewer.role === Role.HOST_UNIT) {
    q.andWhere(`f.unit_id IN (${SUBTREE})`, { root: viewer.unitId ?? NO_UNIT });
  }
  if (args.breachesOnly) q.andWhere('f.breach');
  if (args.tripIds) q.andWhere('f.trip_id = ANY(:tripIds)', { tripIds: args.tripIds });
  return paginate(q, args, {
    sql: millisecondKey('f.created_at'),
    idSql: `(f.trip_id::text || '/' || f.unit_id::text) COLLATE "C"`,
    direction: 'DESC',
    valueOf: (f) => f.createdAt.toISOString(),
    idOf: (f) => `${f.tripId}/${f.unitId}`,
  });
}
