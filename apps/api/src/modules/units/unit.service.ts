import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { loadCommunes } from '../tenancy/province.catalog';
import { MERGER_DATE, communeUnionName } from '../tenancy/province.catalog';
import { assertDate } from '../../shared/dates';
import { badInput, conflict, notFound } from '../../shared/errors';
import { paginate, type Page } from '../../shared/pagination';
import { likePattern } from '../../shared/search';
import { Unit, UnitKind } from './unit.entity';
import type { CreateUnitInput, UnitsArgs, UpdateUnitInput } from './unit.inputs';
import { UnitErrorCode } from './unit.errors';
import { whereProvinces } from '../tenancy/tenancy';

/** A unit id that matches nothing: a host account not tied to a unit sees nothing. */
export const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/** SQL for the ids of the unit `root` (a query parameter, `:name` or `$n`) and of every unit below it. */
export const unitSubtreeSql = (root: string): string =>
  `WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id = ${root} UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
   SELECT id FROM sub`;

export async function listUnits(manager: EntityManager, provinceIds: number[] | null, args: UnitsArgs): Promise<Page<Unit>> {
  const f = args.filter ?? {};
  const q = manager.createQueryBuilder(Unit, 'u');
  whereProvinces(q, 'u', provinceIds);
  if (f.search) q.andWhere('u.name_folded LIKE :search', { search: likePattern(f.search) });
  if (f.kinds?.length) q.andWhere('u.kind = ANY(:kinds)', { kinds: f.kinds });
  if (f.parentId) q.andWhere('u.parent_id = :parentId', { parentId: f.parentId });
  if (f.validOn) {
    assertDate(f.validOn, 'filter.validOn');
    q.andWhere('u.valid_from <= :validOn AND (u.valid_to IS NULL OR u.valid_to >= :validOn)', { validOn: f.validOn });
  }
  if (f.hardshipOnly) q.andWhere('(u.remote OR u.border OR u.island)');
  return paginate(q, args, {
    sql: 'u.name COLLATE "vi-x-icu"',
    idSql: 'u.id',
    direction: 'ASC',
    valueOf: (u) => u.name,
    idOf: (u) => u.id,
  });
}

async function checkParent(manager: EntityManager, parentId: string | null | undefined, kind: UnitKind): Promise<void> {
  if (kind === UnitKind.PROVINCIAL_AGENCY) {
    if (parentId)
      throw badInput(
        'input.parentId',
        'Cơ quan Tỉnh đoàn là gốc của cây tổ chức, không có đơn vị cấp trên.',
        UnitErrorCode.UNIT_PARENT_INVALID,
      );
    return;
  }
  if (!parentId) throw badInput('input.parentId', 'Cần chọn đơn vị cấp trên.', UnitErrorCode.UNIT_PARENT_INVALID);
  // Row-level security hides other provinces' units: a foreign parent is simply not found.
  const parent = await manager.findOneBy(Unit, { id: parentId });
  if (!parent)
    throw badInput('input.parentId', 'Đơn vị cấp trên không tồn tại trong tỉnh của bạn.', UnitErrorCode.UNIT_PARENT_INVALID);
}

function checkValidity(validFrom: string, validTo: string | null | undefined): void {
  assertDate(validFrom, 'input.validFrom');
  if (validTo) {
    assertDate(validTo, 'input.validTo');
    if (validTo < validFrom)
      throw badInput('input.validTo', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', UnitErrorCode.UNIT_VALIDITY_INVALID);
  }
}

export async function createUnit(manager: EntityManager, provinceId: number, input: CreateUnitInput): Promise<Unit> {
  checkValidity(input.validFrom, input.validTo);
  await checkParent(manager, input.parentId, input.kind);
  const unit = manager.create(Unit, {
    provinceId,
    id: randomUUID(),
    parentId: input.parentId ?? null,
    kind: input.kind,
    name: input.name.trim(),
    communeCode: input.communeCode ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    remote: input.remote,
    border: input.border,
    island: input.island,
    version: 1,
  });
  await manager.insert(Unit, unit);
  return unit;
}

export async function updateUnit(manager: EntityManager, id: string, version: number, input: UpdateUnitInput): Promise<Unit> {
  const unit = await manager.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!unit) throw notFound('Đơn vị');
  if (unit.version !== version)
    throw conflict('Đơn vị đã được người khác sửa. Vui lòng tải lại trước khi lưu.', UnitErrorCode.VERSION_MISMATCH);
  const next = {
    name: input.name?.trim() ?? unit.name,
    validTo: input.validTo === undefined ? unit.validTo : input.validTo,
    remote: input.remote ?? unit.remote,
    border: input.border ?? unit.border,
    island: input.island ?? unit.island,
  };
  checkValidity(unit.validFrom, next.validTo);
  await manager.update(Unit, { provinceId: unit.provinceId, id }, { ...next, version: version + 1 });
  return Object.assign(unit, next, { version: version + 1 });
}

/**
 * Adds the province's communes and wards (from the 2025 administrative list) as commune-level unions
 * under the provincial agency, valid from 1 July 2025. Communes already present are left alone.
 */
export async function importCommunes(manager: EntityManager, provinceId: number): Promise<number> {
  const communes = loadCommunes().filter((c) => c.provinceId === provinceId);
  if (communes.length === 0) throw badInput('provinceId', 'Tỉnh này không có danh mục xã/phường sau 7/2025.');
  const root = await manager.findOneBy(Unit, { provinceId, kind: UnitKind.PROVINCIAL_AGENCY, validTo: IsNull() });
  if (!root) throw badInput('provinceId', 'Cần tạo Cơ quan Tỉnh đoàn (gốc cây tổ chức) trước.');
  const result: Array<{ n: number }> = await manager.query(
    `INSERT INTO unit (province_id, id, parent_id, kind, name, commune_code, valid_from)
     SELECT $1, gen_random_uuid(), $2, 'COMMUNE_UNION', c.name, c.code, $3::date
     FROM unnest($4::text[], $5::text[]) AS c(code, name)
     WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.province_id = $1 AND u.commune_code = c.code)
     RETURNING 1 AS n`,
    [provinceId, root.id, MERGER_DATE, communes.map((c) => c.code), communes.map((c) => communeUnionName(c.name))],
  );
  return result.length;
}
