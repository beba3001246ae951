import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../db/database';
import { hashPassword } from '../modules/accounts/auth.service';

/** The provinces the demo fills with data; accounts follow the pattern `<role>.<code>`. */
export const DEMO_PROVINCES = ['LDG', 'HNI', 'HCM', 'DNG', 'QTI'] as const;

const ROLE_ACCOUNTS = [
  { prefix: 'admin', role: 'PROVINCE_ADMIN', title: 'Ban Tổ chức' },
  { prefix: 'thuongtruc', role: 'STANDING_BOARD', title: 'Thường trực' },
  { prefix: 'canbo', role: 'CADRE', title: 'Cán bộ' },
] as const;

export const DEMO_ACCOUNTS_NOTE = (password: string): string =>
  [
    `  Tài khoản mẫu (mật khẩu: ${password}):`,
    '    trunguong                         Trung ương Đoàn (xem mọi tỉnh)',
    ...DEMO_PROVINCES.map((code) => {
      const c = code.toLowerCase();
      return `    admin.${c}, thuongtruc.${c}, canbo.${c}`.padEnd(38) + `Tỉnh/Thành đoàn ${code}`;
    }),
  ].join('\n');

/**
 * Loads the demo on an empty database (no account yet); does nothing otherwise, so a restart never
 * duplicates or overwrites anything.
 */
export async function seedDemo(config: DatabaseConfig, password: string, log: Logger): Promise<boolean> {
  const client = new Client({ connectionString: config.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    if ((rows[0]?.n ?? 0) > 0) {
      await client.query('ROLLBACK');
      return false;
    }
    const passwordHash = await hashPassword(password);
    const provinces = await client.query<{ id: number; code: string; name: string }>(
      'SELECT id, code, name FROM province WHERE code = ANY ($1)',
      [DEMO_PROVINCES],
    );
    await client.query(
      `INSERT INTO app_user (id, province_id, username, password_hash, full_name, role) VALUES ($1, NULL, 'trunguong', $2, 'Ban Tổ chức Trung ương Đoàn', 'CENTRAL')`,
      [randomUUID(), passwordHash],
    );
    for (const p of provinces.rows) {
      for (const account of ROLE_ACCOUNTS) {
        await client.query(
          'INSERT INTO app_user (id, province_id, username, password_hash, full_name, role) VALUES ($1, $2, $3, $4, $5, $6)',
          [randomUUID(), p.id, `${account.prefix}.${p.code.toLowerCase()}`, passwordHash, `${account.title} ${p.name}`, account.role],
        );
      }
    }
    await client.query('COMMIT');
    log.info({ provinces: provinces.rowCount }, 'Demo data loaded');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
