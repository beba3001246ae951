import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { hashPassword } from '../src/modules/accounts/auth.service';
import type { Role } from '../src/shared/access';
import { TEST_PASSWORD } from './harness';

let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = (prefix: string): string => `${prefix}${process.pid}x${++counter}`;

export const provinceIdOf = async (owner: Client, code: string): Promise<number> =>
  (await owner.query<{ id: number }>('SELECT id FROM province WHERE code = $1', [code])).rows[0]!.id;

export async function buildUser(
  owner: Client,
  attrs: { role: Role | `${Role}`; provinceId?: number | null; username?: string; fullName?: string },
): Promise<{ id: string; username: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const username = attrs.username ?? unique(`u.${attrs.role.toLowerCase().replace(/_/g, '')}.`);
  await owner.query(
    'INSERT INTO app_user (id, province_id, username, password_hash, full_name, role) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, attrs.role === 'CENTRAL' ? null : attrs.provinceId, username, await passwordHash, attrs.fullName ?? `Người dùng ${username}`, attrs.role],
  );
  return { id, username };
}
