import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from '../../shared/access';
import { badInput, notFound } from '../../shared/errors';
import { paginate, type Page, type PageArgs } from '../../shared/pagination';
import { authorize } from '../../shared/policy';
import type { Actor } from '../tenancy/actor';
import { likePattern } from '../../shared/search';
import { Cadre } from '../roster/cadre.entity';
import { AGENCY_KINDS, Unit } from '../units/unit.entity';
import type { CreateAccountInput } from './account.inputs';
import { AccountErrorCode } from './account.errors';
import { hashPassword } from './auth.service';
import { mayActivateAccount, mayDeactivateAccount } from './account.policy';
import { User } from './user.entity';

/** Accounts of one province, made by its organisation department; never a central account. */
export async function createAccount(manager: EntityManager, provinceId: number, input: CreateAccountInput): Promise<User> {
  if (input.role === Role.CENTRAL) throw badInput('input.role', 'Không thể tạo tài khoản Trung ương Đoàn từ tỉnh.');
  if (input.role === Role.HOST_UNIT) {
    const unit = input.unitId ? await manager.findOneBy(Unit, { id: input.unitId }) : null;
    if (!unit || AGENCY_KINDS.includes(unit.kind)) {
      throw badInput('input.unitId', 'Tài khoản đơn vị cơ sở cần gắn với một đơn vị cơ sở của tỉnh.');
    }
  } else if (input.unitId) {
    throw badInput('input.unitId', 'Chỉ tài khoản đơn vị cơ sở mới gắn với đơn vị.');
  }
  if (input.cadreId) {
    const cadre = await manager.findOneBy(Cadre, { id: input.cadreId });
    if (!cadre) throw badInput('input.cadreId', 'Cán bộ không tồn tại trong tỉnh của bạn.');
    const taken = await manager.countBy(User, { cadreId: input.cadreId });
    if (taken > 0) throw badInput('input.cadreId', 'Cán bộ này đã có tài khoản.');
  } else if (input.role === Role.CADRE || input.role === Role.DEPARTMENT_HEAD) {
    throw badInput('input.cadreId', 'Tài khoản cán bộ cần gắn với một cán bộ trong danh sách.');
  }
  const exists: unknown[] = await manager.query('SELECT 1 FROM auth_find_user($1)', [input.username]);
  if (exists.length > 0) throw badInput('input.username', 'Tên đăng nhập đã được dùng.', AccountErrorCode.USERNAME_TAKEN);
  const id = randomUUID();
  // The API's role may insert these columns only (active and created_at take their defaults).
  await manager
    .createQueryBuilder()
    .insert()
    .into(User, ['id', 'provinceId', 'username', 'passwordHash', 'fullName', 'role', 'cadreId', 'unitId'])
    .values({
      id,
      provinceId,
      username: input.username,
      passwordHash: await hashPassword(input.password),
      fullName: input.fullName.trim(),
      role: input.role,
      cadreId: input.cadreId ?? null,
      unitId: input.unitId ?? null,
    })
    .updateEntity(false)
    .execute();
  return manager.findOneByOrFail(User, { id });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks or reopens an account of the province; nobody locks themselves out. */
export async function setAccountActive(actor: Actor, id: string, active: boolean): Promise<User> {
  if (!UUID.test(id)) throw notFound('Tài khoản');
  // Another province's accounts are not even visible (row-level security): not found, revealing nothing.
  const account = await actor.manager.findOneBy(User, { id });
  if (!account) throw notFound('Tài khoản');
  await authorize((active ? mayActivateAccount : mayDeactivateAccount)(actor, account));
  await actor.manager.update(User, { id }, { active });
  return actor.manager.findOneByOrFail(User, { id });
}

export async function listAccounts(
  manager: EntityManager,
  provinceId: number,
  args: PageArgs & { search?: string | null; role?: Role | null },
): Promise<Page<User>> {
  const q = manager.createQueryBuilder(User, 'u').where('u.province_id = :provinceId', { provinceId });
  if (args.search) {
    q.andWhere('(vn_fold(u.full_name) LIKE :search OR lower(u.username) LIKE :search)', { search: likePattern(args.search) });
  }
  if (args.role) q.andWhere('u.role = :role', { role: args.role });
  return paginate(q, args, {
    sql: 'u.full_name COLLATE "vi-x-icu"',
    idSql: 'u.id',
    direction: 'ASC',
    valueOf: (u) => u.fullName,
    idOf: (u) => u.id,
  });
}
