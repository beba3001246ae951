import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertDate, quarterOf, yearOf } from '../../shared/dates';
import { badInput } from '../../shared/errors';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { likePattern } from '../units/unit.service';
import { Batch, QuarterlyPlan, Topic } from './planning.entity';
import type { CreateBatchInput, CreateTopicInput } from './planning.inputs';

export const listBatches = (manager: EntityManager, year: number): Promise<Batch[]> =>
  manager.find(Batch, { where: { year }, order: { startsOn: 'ASC' } });

export async function createBatch(manager: EntityManager, provinceId: number, input: CreateBatchInput): Promise<Batch> {
  for (const field of ['startsOn', 'endsOn', 'registrationDeadline'] as const) assertDate(input[field], `input.${field}`);
  if (input.endsOn < input.startsOn) throw badInput('input.endsOn', 'Ngày kết thúc đợt phải sau ngày bắt đầu.', 'DATES_INVERTED');
  if (input.registrationDeadline > input.endsOn) {
    throw badInput('input.registrationDeadline', 'Hạn đăng ký không được sau ngày kết thúc đợt.', 'DEADLINE_AFTER_BATCH');
  }
  const year = yearOf(input.startsOn);
  const quarter = quarterOf(input.startsOn);
  const clash = await manager.countBy(Batch, { year, quarter, number: input.number });
  if (clash > 0) throw badInput('input.number', `Quý ${quarter}/${year} đã có đợt ${input.number}.`, 'BATCH_EXISTS');
  const batch = manager.create(Batch, { provinceId, id: randomUUID(), year, quarter, ...input });
  await manager.insert(Batch, batch);
  return batch;
}

export async function listTopics(manager: EntityManager, year: number, search?: string): Promise<Topic[]> {
  const q = manager.createQueryBuilder(Topic, 't').where('t.year = :year', { year });
  if (search) q.andWhere('t.title_folded LIKE :search', { search: likePattern(search) });
  return q.orderBy('t.title COLLATE "vi-x-icu"', 'ASC').limit(500).getMany();
}

export async function createTopic(manager: EntityManager, provinceId: number, input: CreateTopicInput): Promise<Topic> {
  const department = await manager.findOneBy(Unit, { id: input.departmentId });
  if (!department || !AGENCY_KINDS.includes(department.kind)) {
    throw badInput('input.departmentId', 'Ban/Văn phòng phụ trách không tồn tại trong tỉnh của bạn.', 'DEPARTMENT_INVALID');
  }
  const topic = manager.create(Topic, {
    provinceId,
    id: randomUUID(),
    year: input.year,
    title: input.title.trim(),
    description: input.description.trim(),
    departmentId: input.departmentId,
  });
  await manager.insert(Topic, topic);
  return topic;
}

export const listPlans = (manager: EntityManager, year: number, quarter?: number): Promise<QuarterlyPlan[]> =>
  manager.find(QuarterlyPlan, { where: quarter ? { year, quarter } : { year }, order: { quarter: 'ASC' } });
