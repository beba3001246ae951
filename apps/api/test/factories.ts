import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { hashPassword } from '../src/modules/accounts/auth.service';
import type { Role } from '../src/shared/access';
import { TEST_PASSWORD } from './harness';

let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = (prefix: string): string => `${prefix}${process.pid}x${++counter}`;

export const provinceIdOf = async (owner: Client, code: string): Promise<number> =>
  (await owner.query<{ id: number }>('SELECT id FROM province WHERE code = $1', [code])).rows[0].id;

export async function buildUser(
  owner: Client,
  attrs: { role: Role | `${Role}`; provinceId?: number | null; username?: string; fullName?: string },
): Promise<{ id: string; username: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const username = attrs.username ?? unique(`u.${attrs.role.toLowerCase().replace(/_/g, '')}.`);
  const hash = await passwordHash;
  await queued(owner, () =>
    owner.query(
      'INSERT INTO app_user (id, province_id, username, password_hash, full_name, role) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        id,
        attrs.role === 'CENTRAL' ? null : attrs.provinceId,
        username,
        hash,
        attrs.fullName ?? `Người dùng ${username}`,
        attrs.role,
      ],
    ),
  );
  return { id, username };
}

/** Calls on one owner client run one after another: two transactions can't interleave on one connection. */
const ownerQueues = new WeakMap<Client, Promise<unknown>>();
function queued<T>(owner: Client, work: () => Promise<T>): Promise<T> {
  const next = (ownerQueues.get(owner) ?? Promise.resolve()).then(work, work);
  ownerQueues.set(
    owner,
    next.catch(() => undefined),
  );
  return next;
}

/** Runs `work` on the owner connection in a transaction scoped to one province, as the policies expect. */
export function inProvince<T>(owner: Client, provinceId: number, work: () => Promise<T>): Promise<T> {
  return queued(owner, async () => {
    await owner.query('BEGIN');
    try {
      const scope = `{${Math.trunc(provinceId)}}`;
      await owner.query(`SELECT set_config('app.write_provinces', $1, true), set_config('app.read_provinces', $1, true)`, [
        scope,
      ]);
      const result = await work();
      await owner.query('COMMIT');
      return result;
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  });
}

export async function buildUnit(
  owner: Client,
  attrs: {
    provinceId: number;
    kind?: string;
    name?: string;
    parentId?: string | null;
    validFrom?: string;
    validTo?: string | null;
  },
): Promise<{ id: string; provinceId: number; name: string; kind: string }> {
  const id = randomUUID();
  const kind = attrs.kind ?? 'COMMUNE_UNION';
  const name = attrs.name ?? `Đoàn xã ${unique('')}`;
  await inProvince(owner, attrs.provinceId, () =>
    owner.query(
      'INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [attrs.provinceId, id, attrs.parentId ?? null, kind, name, attrs.validFrom ?? '2020-01-01', attrs.validTo ?? null],
    ),
  );
  return { id, provinceId: attrs.provinceId, name, kind };
}

export async function buildCadre(
  owner: Client,
  attrs: {
    provinceId: number;
    fullName?: string;
    departmentId?: string | null;
    subjectFrom?: string;
    gender?: 'MALE' | 'FEMALE';
  },
): Promise<{ id: string; provinceId: number; fullName: string }> {
  const id = randomUUID();
  const fullName = attrs.fullName ?? `Nguyễn Văn ${unique('')}`;
  await inProvince(owner, attrs.provinceId, () =>
    owner.query(
      `INSERT INTO cadre (province_id, id, full_name, gender, department_id, agency_staff, subject_from)
       VALUES ($1, $2, $3, $6, $4, true, $5)`,
      [attrs.provinceId, id, fullName, attrs.departmentId ?? null, attrs.subjectFrom ?? '2020-01-01', attrs.gender ?? 'MALE'],
    ),
  );
  return { id, provinceId: attrs.provinceId, fullName };
}

/** A trip whose lead is its one member, going to one unit (outside the agency, valid on the dates). */
export async function buildTrip(
  owner: Client,
  attrs: {
    provinceId: number;
    leadCadreId: string;
    destinationId: string;
    state?: string;
    kind?: string;
    title?: string;
    startDate?: string;
    endDate?: string;
  },
): Promise<{ id: string; provinceId: number; title: string; version: number; state: string }> {
  const id = randomUUID();
  const title = attrs.title ?? `Chuyến đi ${unique('')}`;
  const state = attrs.state ?? 'SUBMITTED';
  await inProvince(owner, attrs.provinceId, async () => {
    await owner.query(
      `INSERT INTO trip (province_id, id, kind, state, title, purpose, expected_output, lead_cadre_id, start_date, end_date,
         submitted_at)
       VALUES ($1, $2, $3, $4::text, $5, $9, $10, $6, $7, $8, CASE WHEN $4::text = 'DRAFT' THEN NULL ELSE now() END)`,
      [
        attrs.provinceId,
        id,
        attrs.kind ?? 'TOPIC',
        state,
        title,
        attrs.leadCadreId,
        attrs.startDate ?? '2026-04-06',
        attrs.endDate ?? '2026-04-07',
        // What a submitted trip must say (trip.checks.ts assertContent): at least 20 characters, not the title.
        'Nắm tình hình đoàn viên, thanh niên tại cơ sở',
        'Báo cáo kết quả và kiến nghị gửi Thường trực',
      ],
    );
    await owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, true)', [
      attrs.provinceId,
      id,
      attrs.leadCadreId,
    ]);
    await owner.query('INSERT INTO trip_destination (province_id, trip_id, unit_id) VALUES ($1, $2, $3)', [
      attrs.provinceId,
      id,
      attrs.destinationId,
    ]);
  });
  return { id, provinceId: attrs.provinceId, title, version: 1, state };
}

/** Links an account to its roster entry or its host unit (what the Organisation department does). */
export async function linkUser(owner: Client, userId: string, link: { cadreId?: string; unitId?: string }): Promise<void> {
  await queued(owner, () =>
    owner.query('UPDATE app_user SET cadre_id = coalesce($2, cadre_id), unit_id = coalesce($3, unit_id) WHERE id = $1', [
      userId,
      link.cadreId ?? null,
      link.unitId ?? null,
    ]),
  );
}
