import { randomUUID } from 'node:crypto';
import { Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { assertDate, quarterOf, yearOf } from '../../shared/dates';
import { badInput, conflict, notFound } from '../../shared/errors';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { likePattern } from '../../shared/search';
import { Batch, QuarterlyPlan, Topic } from './planning.entity';
import { PlanningErrorCode } from './planning.errors';
import type { CreateBatchInput, CreateTopicInput, UpdateBatchInput, UpdateTopicInput } from './planning.inputs';

/** A year's batches; closed ones only when asked, since registration forms must not offer them. */
export const listBatches = (manager: EntityManager, year: number, includeClosed = false): Promise<Batch[]> =>
  manager.find(Batch, { where: includeClosed ? { year } : { year, active: true }, order: { startsOn: 'ASC' } });

type BatchDates = Pick<CreateBatchInput, 'number' | 'startsOn' | 'endsOn' | 'registrationDeadline'>;

/** The checks a batch passes on create and on edit; answers the year and quarter its dates fall in. */
async function checkBatch(
  manager: EntityManager,
  provinceId: number,
  input: BatchDates,
  self?: string,
): Promise<{ year: number; quarter: number }> {
  for (const field of ['startsOn', 'endsOn', 'registrationDeadline'] as const) assertDate(input[field], `input.${field}`);
  if (input.endsOn < input.startsOn) {
    throw badInput('input.endsOn', 'Ngày kết thúc đợt phải sau ngày bắt đầu.', PlanningErrorCode.DATES_INVERTED);
  }
  if (input.registrationDeadline > input.endsOn) {
    throw badInput(
      'input.registrationDeadline',
      'Hạn đăng ký không được sau ngày kết thúc đợt.',
      PlanningErrorCode.DEADLINE_AFTER_BATCH,
    );
  }
  const year = yearOf(input.startsOn);
  const quarter = quarterOf(input.startsOn);
  const same: FindOptionsWhere<Batch> = { provinceId, year, quarter, number: input.number, ...(self ? { id: Not(self) } : {}) };
  if ((await manager.countBy(Batch, same)) > 0) {
    throw badInput('input.number', `Quý ${quarter}/${year} đã có đợt ${input.number}.`, PlanningErrorCode.BATCH_EXISTS);
  }
  return { year, quarter };
}

export async function createBatch(manager: EntityManager, provinceId: number, input: CreateBatchInput): Promise<Batch> {
  const { year, quarter } = await checkBatch(manager, provinceId, input);
  const batch = manager.create(Batch, { provinceId, id: randomUUID(), year, quarter, ...input, active: true, version: 1 });
  await manager.insert(Batch, batch);
  return batch;
}

const staleBatch = () =>
  conflict('Đợt này vừa được người khác thay đổi. Vui lòng tải lại trước khi lưu.', PlanningErrorCode.VERSION_MISMATCH);
const staleTopic = () =>
  conflict('Chuyên đề này vừa được người khác thay đổi. Vui lòng tải lại trước khi lưu.', PlanningErrorCode.VERSION_MISMATCH);

/** The province's own batch at the version the user edited; another province's is not found. */
async function batchAt(manager: EntityManager, provinceId: number, id: string, version: number): Promise<Batch> {
  const batch = await manager.findOneBy(Batch, { provinceId, id });
  if (!batch) throw notFound('Đợt');
  if (batch.version !== version) throw staleBatch();
  return batch;
}

/** Writes only over the version read, so of two people saving at once the second is told, not lost. */
async function saveBatch(manager: EntityManager, batch: Batch, version: number, changes: Partial<Batch>): Promise<Batch> {
  const next = { ...changes, version: version + 1 };
  const result = await manager.update(Batch, { provinceId: batch.provinceId, id: batch.id, version }, next);
  if (result.affected !== 1) throw staleBatch();
  return Object.assign(batch, next);
}

export async function updateBatch(
  manager: EntityManager,
  provinceId: number,
  id: string,
  version: number,
  input: UpdateBatchInput,
): Promise<Batch> {
  const batch = await batchAt(manager, provinceId, id, version);
  const { year, quarter } = await checkBatch(manager, provinceId, input, id);
  // Trips registered in this batch belong to its year: a batch moves within its year only.
  if (year !== batch.year) {
    throw badInput(
      'input.startsOn',
      `Đợt thuộc năm ${batch.year}: ngày của đợt phải nằm trong năm đó.`,
      PlanningErrorCode.BATCH_YEAR_CHANGED,
    );
  }
  return saveBatch(manager, batch, version, {
    quarter,
    number: input.number,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    registrationDeadline: input.registrationDeadline,
  });
}

/** Closes a batch to new registrations or opens it again; its trips keep it either way. */
export async function setBatchActive(
  manager: EntityManager,
  provinceId: number,
  id: string,
  version: number,
  active: boolean,
): Promise<Batch> {
  const batch = await batchAt(manager, provinceId, id, version);
  return saveBatch(manager, batch, version, { active });
}

/** A year's topic catalogue, searched without diacritics; closed topics only when asked. */
export async function listTopics(manager: EntityManager, year: number, search?: string, includeClosed = false): Promise<Topic[]> {
  const q = manager.createQueryBuilder(Topic, 't').where('t.year = :year', { year });
  if (!includeClosed) q.andWhere('t.active');
  if (search) q.andWhere('t.title_folded LIKE :search', { search: likePattern(search) });
  return q.orderBy('t.title COLLATE "vi-x-icu"', 'ASC').limit(500).getMany();
}

type TopicText = Pick<CreateTopicInput, 'title' | 'description' | 'departmentId'>;

/** The checks a topic passes on create and on edit; answers its trimmed text. */
async function checkTopic(manager: EntityManager, provinceId: number, input: TopicText): Promise<TopicText> {
  const title = input.title.trim();
  if (title.length < 3) throw badInput('input.title', 'Tên chuyên đề cần ít nhất 3 ký tự.');
  const department = await manager.findOneBy(Unit, { provinceId, id: input.departmentId });
  if (!department || !AGENCY_KINDS.includes(department.kind)) {
    throw badInput(
      'input.departmentId',
      'Ban/Văn phòng phụ trách không tồn tại trong tỉnh của bạn.',
      PlanningErrorCode.DEPARTMENT_INVALID,
    );
  }
  return { title, description: input.description.trim(), departmentId: input.departmentId };
}

export async function createTopic(manager: EntityManager, provinceId: number, input: CreateTopicInput): Promise<Topic> {
  const text = await checkTopic(manager, provinceId, input);
  const topic = manager.create(Topic, { provinceId, id: randomUUID(), year: input.year, ...text, active: true, version: 1 });
  await manager.insert(Topic, topic);
  return topic;
}

async function topicAt(manager: EntityManager, provinceId: number, id: string, version: number): Promise<Topic> {
  const topic = await manager.findOneBy(Topic, { provinceId, id });
  if (!topic) throw notFound('Chuyên đề');
  if (topic.version !== version) throw staleTopic();
  return topic;
}

async function saveTopic(manager: EntityManager, topic: Topic, version: number, changes: Partial<Topic>): Promise<Topic> {
  const next = { ...changes, version: version + 1 };
  const result = await manager.update(Topic, { provinceId: topic.provinceId, id: topic.id, version }, next);
  if (result.affected !== 1) throw staleTopic();
  return Object.assign(topic, next);
}

export async function updateTopic(
  manager: EntityManager,
  provinceId: number,
  id: string,
  version: number,
  input: UpdateTopicInput,
): Promise<Topic> {
  const topic = await topicAt(manager, provinceId, id, version);
  return saveTopic(manager, topic, version, await checkTopic(manager, provinceId, input));
}

/** Takes a topic out of the catalogue offered for new registrations, or puts it back. */
export async function setTopicActive(
  manager: EntityManager,
  provinceId: number,
  id: string,
  version: number,
  active: boolean,
): Promise<Topic> {
  const topic = await topicAt(manager, provinceId, id, version);
  return saveTopic(manager, topic, version, { active });
}

export const listPlans = (manager: EntityManager, year: number, quarter?: number): Promise<QuarterlyPlan[]> =>
  manager.find(QuarterlyPlan, { where: quarter ? { year, quarter } : { year }, order: { quarter: 'ASC' } });
