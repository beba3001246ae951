import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays, assertDate, formatVn, yearOf } from '../../shared/dates';
import { ruleFor } from '../rules/rules.service';
import { badInput, conflict, notFound } from '../../shared/errors';
import { paginate, type Page } from '../../shared/pagination';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import { likePattern } from '../../shared/search';
import { Cadre, Exemption, ExemptionKind, Gender, type TripDuringExemption } from './cadre.entity';
import type { CadresArgs, CreateCadreInput, CreateExemptionInput, UpdateCadreInput } from './roster.inputs';
import { RosterErrorCode } from './roster.errors';
import { whereProvinces } from '../tenancy/tenancy';

export async function listCadres(manager: EntityManager, provinceIds: number[] | null, args: CadresArgs): Promise<Page<Cadre>> {
  const f = args.filter ?? {};
  const q = manager.createQueryBuilder(Cadre, 'c');
  whereProvinces(q, 'c', provinceIds);
  if (f.search) q.andWhere('c.name_folded LIKE :search', { search: likePattern(f.search) });
  if (f.departmentId) q.andWhere('c.department_id = :departmentId', { departmentId: f.departmentId });
  // null, like a missing field, means "either".
  if (f.agencyStaff !== undefined && f.agencyStaff !== null)
    q.andWhere('c.agency_staff = :agencyStaff', { agencyStaff: f.agencyStaff });
  if (f.executiveMember !== undefined && f.executiveMember !== null)
    q.andWhere('c.executive_member = :executiveMember', { executiveMember: f.executiveMember });
  if (f.subjectOn) {
    assertDate(f.subjectOn, 'filter.subjectOn');
    q.andWhere('c.subject_from <= :on AND (c.subject_to IS NULL OR c.subject_to >= :on)', { on: f.subjectOn });
  }
  return paginate(q, args, {
    sql: 'c.full_name COLLATE "vi-x-icu"',
    idSql: 'c.id',
    direction: 'ASC',
    valueOf: (c) => c.fullName,
    idOf: (c) => c.id,
  });
}

async function checkDepartment(manager: EntityManager, departmentId: string | null | undefined): Promise<void> {
  if (!departmentId) return;
  const unit = await manager.findOneBy(Unit, { id: departmentId });
  if (!unit || !AGENCY_KINDS.includes(unit.kind)) {
    throw badInput(
      'input.departmentId',
      'Ban/Văn phòng không tồn tại trong cơ quan Tỉnh đoàn của bạn.',
      RosterErrorCode.DEPARTMENT_INVALID,
    );
  }
}

export async function createCadre(manager: EntityManager, provinceId: number, input: CreateCadreInput): Promise<Cadre> {
  assertDate(input.subjectFrom, 'input.subjectFrom');
  if (input.subjectTo) assertDate(input.subjectTo, 'input.subjectTo');
  if (input.subjectTo && input.subjectTo < input.subjectFrom) {
    throw badInput('input.subjectTo', 'Ngày kết thúc thuộc diện phải sau ngày bắt đầu.', RosterErrorCode.DATES_INVERTED);
  }
  if (!input.agencyStaff && !input.executiveMember) {
    throw badInput(
      'input.agencyStaff',
      'Cán bộ phải là cán bộ chuyên trách cơ quan hoặc Ủy viên BCH chuyên trách.',
      RosterErrorCode.CATEGORY_REQUIRED,
    );
  }
  await checkDepartment(manager, input.departmentId);
  const cadre = manager.create(Cadre, {
    provinceId,
    id: randomUUID(),
    fullName: input.fullName.trim(),
    gender: input.gender,
    position: input.position.trim(),
    departmentId: input.departmentId ?? null,
    agencyStaff: input.agencyStaff,
    executiveMember: input.executiveMember,
    term: input.term ?? null,
    subjectFrom: input.subjectFrom,
    subjectTo: input.subjectTo ?? null,
    version: 1,
  });
  await manager.insert(Cadre, cadre);
  return cadre;
}

export async function updateCadre(manager: EntityManager, id: string, version: number, input: UpdateCadreInput): Promise<Cadre> {
  const cadre = await manager.findOne(Cadre, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!cadre) throw notFound('Cán bộ');
  if (cadre.version !== version)
    throw conflict('Thông tin cán bộ đã được người khác sửa. Vui lòng tải lại trước khi lưu.', RosterErrorCode.VERSION_MISMATCH);
  const next = {
    fullName: input.fullName?.trim() ?? cadre.fullName,
    position: input.position?.trim() ?? cadre.position,
    departmentId: input.departmentId === undefined ? cadre.departmentId : input.departmentId,
    agencyStaff: input.agencyStaff ?? cadre.agencyStaff,
    executiveMember: input.executiveMember ?? cadre.executiveMember,
    term: input.term === undefined ? cadre.term : input.term,
    subjectTo: input.subjectTo === undefined ? cadre.subjectTo : input.subjectTo,
  };
  if (!next.agencyStaff && !next.executiveMember) {
    throw badInput(
      'input.agencyStaff',
      'Cán bộ phải là cán bộ chuyên trách cơ quan hoặc Ủy viên BCH chuyên trách.',
      RosterErrorCode.CATEGORY_REQUIRED,
    );
  }
  if (next.subjectTo) {
    assertDate(next.subjectTo, 'input.subjectTo');
    if (next.subjectTo < cadre.subjectFrom)
      throw badInput('input.subjectTo', 'Ngày kết thúc thuộc diện phải sau ngày bắt đầu.', RosterErrorCode.DATES_INVERTED);
  }
  if (input.departmentId !== undefined) await checkDepartment(manager, input.departmentId);
  await manager.update(Cadre, { provinceId: cadre.provinceId, id }, { ...next, version: version + 1 });
  return Object.assign(cadre, next, { version: version + 1 });
}

/** A maternity exemption for a cadre the roster does not record as female needs a written reason this long. */
export const MATERNITY_NOTE_MIN = 20;

/** Days from start to end, both counted: 01/03–30/03 is 30 days. */
const daysBetween = (start: string, end: string): number =>
  Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;

export async function createExemption(
  manager: EntityManager,
  provinceId: number,
  userId: string,
  input: CreateExemptionInput,
): Promise<Exemption> {
  assertDate(input.startDate, 'input.startDate');
  assertDate(input.endDate, 'input.endDate');
  if (input.endDate < input.startDate) {
    throw badInput('input.endDate', 'Ngày kết thúc phải sau ngày bắt đầu.', RosterErrorCode.DATES_INVERTED);
  }
  if (input.kind === ExemptionKind.LONG_STUDY) {
    const sixMonths = new Date(`${input.startDate}T00:00:00Z`);
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    if (input.endDate < addDays(sixMonths.toISOString().slice(0, 10), -1)) {
      throw badInput(
        'input.endDate',
        'Học tập dài hạn chỉ được miễn khi thời gian học từ 6 tháng trở lên.',
        RosterErrorCode.EXEMPTION_TOO_SHORT,
      );
    }
  }
  const cadre = await manager.findOneBy(Cadre, { id: input.cadreId });
  if (!cadre) throw badInput('input.cadreId', 'Cán bộ không tồn tại trong tỉnh của bạn.');
  if (input.kind === ExemptionKind.LONG_SICK_LEAVE) {
    // The rule of the province-year the leave starts in sets what "long" means.
    const { sickLeaveMinDays } = await ruleFor(manager, provinceId, yearOf(input.startDate));
    const days = daysBetween(input.startDate, input.endDate);
    if (days < sickLeaveMinDays) {
      throw badInput(
        'input.endDate',
        `Nghỉ ốm từ ${formatVn(input.startDate)} đến ${formatVn(input.endDate)} là ${days} ngày; ` +
          `quy định năm ${yearOf(input.startDate)} chỉ miễn khi nghỉ ốm dài ngày từ ${sickLeaveMinDays} ngày trở lên.`,
        RosterErrorCode.EXEMPTION_TOO_SHORT,
      );
    }
  }
  if (
    input.kind === ExemptionKind.MATERNITY &&
    cadre.gender !== Gender.FEMALE &&
    [...input.note.trim()].length < MATERNITY_NOTE_MIN
  ) {
    throw badInput(
      'input.note',
      `${cadre.fullName} là nam trong danh sách cán bộ: miễn vì thai sản cần ghi rõ lý do ` +
        `(ví dụ nghỉ khi vợ sinh con theo Luật Bảo hiểm xã hội), ít nhất ${MATERNITY_NOTE_MIN} ký tự.`,
      RosterErrorCode.MATERNITY_REASON_REQUIRED,
    );
  }
  // Different kinds may overlap (sick leave during long study): the exempt days are their union.
  const overlapping = await manager
    .createQueryBuilder(Exemption, 'e')
    .where('e.cadre_id = :cadreId AND e.kind = :kind AND e.start_date <= :end AND e.end_date >= :start', {
      cadreId: input.cadreId,
      kind: input.kind,
      start: input.startDate,
      end: input.endDate,
    })
    .getCount();
  if (overlapping > 0) {
    throw badInput(
      'input.startDate',
      'Khoảng thời gian này trùng với một trường hợp miễn cùng loại đã ghi nhận của cán bộ.',
      RosterErrorCode.EXEMPTION_OVERLAP,
    );
  }
  const exemption = manager.create(Exemption, {
    provinceId,
    id: randomUUID(),
    cadreId: input.cadreId,
    kind: input.kind,
    startDate: input.startDate,
    endDate: input.endDate,
    note: input.note.trim(),
    approvedBy: input.approvedBy.trim(),
    createdBy: userId,
  });
  await manager.insert(Exemption, exemption);
  return exemption;
}

/**
 * The cadre's approved or completed trips an exemption over these dates would cover: said before the
 * exemption is saved, since their days stay the cadre's but leave the province's totals when the cadre
 * becomes exempt for the whole counting window.
 */
export async function tripsDuringExemption(
  manager: EntityManager,
  cadreId: string,
  startDate: string,
  endDate: string,
): Promise<TripDuringExemption[]> {
  assertDate(startDate, 'startDate');
  assertDate(endDate, 'endDate');
  if (endDate < startDate) throw badInput('endDate', 'Ngày kết thúc phải sau ngày bắt đầu.', RosterErrorCode.DATES_INVERTED);
  const rows: Array<{ id: string; title: string; s: string; e: string; inside: number; done: boolean }> = await manager.query(
    `SELECT t.id, t.title, x.s::text AS s, x.e::text AS e,
       least(x.e, $3::date) - greatest(x.s, $2::date) + 1 AS inside, t.state <> 'APPROVED' AS done
     FROM trip_member m
     JOIN trip t ON t.province_id = m.province_id AND t.id = m.trip_id
     CROSS JOIN LATERAL (SELECT coalesce(t.actual_start, t.start_date) AS s, coalesce(t.actual_end, t.end_date) AS e) x
     WHERE m.cadre_id = $1 AND t.state IN ('APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
       AND x.s <= $3 AND x.e >= $2
     ORDER BY x.s, t.title`,
    [cadreId, startDate, endDate],
  );
  return rows.map((r) => ({ tripId: r.id, title: r.title, startDate: r.s, endDate: r.e, daysInside: r.inside, done: r.done }));
}

export async function deleteExemption(manager: EntityManager, id: string): Promise<Exemption> {
  const exemption = await manager.findOneBy(Exemption, { id });
  if (!exemption) throw notFound('Trường hợp miễn');
  await manager.delete(Exemption, { provinceId: exemption.provinceId, id });
  return exemption;
}
