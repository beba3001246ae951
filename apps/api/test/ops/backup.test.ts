import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { migrate, type DatabaseConfig } from '../../src/db/database';
import { logger } from '../../src/shared/logger';
import { seedDemo } from '../../src/seed/demo';
import { dbUrl } from '../database';

const run = promisify(execFile);
const BACKUP_DIR = path.resolve(__dirname, '../../../../infra/backup');
/** The machine's own PostgreSQL (every machine of this project's kind runs one, with pg_dump beside it). */
const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Server {
  adminUrl: string;
  major: number;
  /** Folder of pg_dump, pg_restore and psql of the server's major version. */
  bin: string;
}

async function serverMajor(adminUrl: string): Promise<number | null> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0].v) / 10000);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function toolsMajor(dir: string): Promise<number | null> {
  if (!['pg_dump', 'pg_restore', 'psql'].every((tool) => fs.existsSync(path.join(dir, tool)))) return null;
  try {
    const { stdout } = await run(path.join(dir, 'pg_dump'), ['--version']);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * pg_dump refuses a server newer than itself, and restoring with a newer one can emit settings an
 * older server lacks: the scripts run with the tools of the server's own major version. The test's
 * embedded cluster ships no pg_dump, so unless PG_BIN brings tools of its version, the machine's
 * PostgreSQL (the production major, 15) and its tools are used. BACKUP_TEST_ADMIN_URL chooses.
 */
async function chooseServer(): Promise<Server> {
  const servers = process.env.BACKUP_TEST_ADMIN_URL
    ? [process.env.BACKUP_TEST_ADMIN_URL]
    : [process.env.TEST_ADMIN_URL, MACHINE_POSTGRES].filter((u): u is string => Boolean(u));
  const dirs = [
    process.env.PG_BIN,
    ...(process.env.PATH ?? '').split(path.delimiter),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter((d): d is string => Boolean(d));
  const tools = new Map<number, string>();
  for (const dir of dirs) {
    const major = await toolsMajor(dir);
    if (major !== null && !tools.has(major)) tools.set(major, dir);
  }
  const tried: string[] = [];
  for (const adminUrl of servers) {
    const major = await serverMajor(adminUrl);
    const bin = major === null ? undefined : tools.get(major);
    if (major !== null && bin) return { adminUrl, major, bin };
    tried.push(`${new URL(adminUrl).host}: ${major === null ? 'unreachable' : `PostgreSQL ${major}, no tools of that version`}`);
  }
  throw new Error(
    `No PostgreSQL server with pg_dump/pg_restore/psql of its version (${tried.join('; ')}; tools found: ` +
      `${[...tools.keys()].join(', ') || 'none'}). Set PG_BIN, or BACKUP_TEST_ADMIN_URL.`,
  );
}

const withUser = (url: string, user: string, password = ''): string => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};

/** Every table's row count and a checksum of its rows in primary-key order, read as a superuser. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string; key: string }>(`
      SELECT c.relname AS name,
        (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
           FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
          WHERE i.indrelid = c.oid AND i.indisprimary) AS key
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY 1`);
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const t of tables) {
      if (!t.key) throw new Error(`${t.name} has no primary key to order its rows by`);
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${t.key}), '')) AS md5
         FROM public.${client.escapeIdentifier(t.name)} t`,
      );
      result[t.name] = rows[0];
    }
    return result;
  } finally {
    await client.end();
  }
}

/**
 * infra/backup: the demo data, backed up by backup.sh as the backup role and restored by restore.sh
 * into another database, comes back row for row, owned by the owner role and readable by the API's
 * role through row-level security. Roles are made as infra/db/roles.sql makes them.
 */
/**
 * A newcomer's machine with only Node.js has no PostgreSQL tools: the file is left out with a notice.
 * CI (whose machine has PostgreSQL 15 and its tools) must run it.
 */
const toolsInstalled = Boolean(
  process.env.CI || process.env.PG_BIN || process.env.BACKUP_TEST_ADMIN_URL || fs.existsSync('/usr/lib/postgresql'),
);
if (!toolsInstalled) {
  process.stdout.write('\nNo PostgreSQL tools (pg_dump, pg_restore, psql): the backup test is not run.\n\n');
}
const describeWithTools = toolsInstalled ? describe : describe.skip;

describeWithTools('backup and restore (infra/backup)', () => {
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const roles = { owner: `coso_owner_${id}`, app: `coso_app_${id}`, backup: `coso_backup_${id}` };
  const passwords = { owner: `owner-${id}`, app: `app-pw-${id}`, backup: `backup-${id}` };
  const source = `coso_bk_src_${id}`;
  const target = `coso_bk_dst_${id}`;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-backup-'));
  let server: Server;
  let admin: Client;

  const config = (db: string): DatabaseConfig => ({
    ownerUrl: withUser(dbUrl(server.adminUrl, db), roles.owner, passwords.owner),
    appUser: roles.app,
    appPassword: passwords.app,
    poolSize: 2,
    connectTimeoutMs: 5000,
    statementTimeoutMs: 30_000,
  });
  const script = (name: string, args: string[], env: Record<string, string>) =>
    run('bash', [path.join(BACKUP_DIR, name), ...args], {
      env: { PATH: process.env.PATH ?? '', PG_BIN: server.bin, ...env },
      timeout: 120_000,
    });

  beforeAll(async () => {
    server = await chooseServer();
    admin = new Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coso_api') THEN
          CREATE ROLE coso_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    await admin.query(`CREATE ROLE ${roles.owner} LOGIN PASSWORD '${passwords.owner}' CREATEROLE`);
    await admin.query(
      `CREATE ROLE ${roles.app} LOGIN PASSWORD '${passwords.app}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE coso_api`,
    );
    await admin.query(`GRANT coso_api, ${roles.app} TO ${roles.owner} WITH ADMIN OPTION`);
    await admin.query(
      `CREATE ROLE ${roles.backup} LOGIN PASSWORD '${passwords.backup}' NOSUPERUSER BYPASSRLS IN ROLE pg_read_all_data`,
    );
    for (const db of [source, target]) await admin.query(`CREATE DATABASE ${db} OWNER ${roles.owner}`);
    await admin.query(`GRANT CONNECT ON DATABASE ${source} TO ${roles.backup}`);
    // As in production, the owner role migrates; the demo data is loaded as the superuser.
    await migrate(config(source), logger);
    expect(await seedDemo({ ...config(source), ownerUrl: dbUrl(server.adminUrl, source) }, 'demo1234', logger)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    if (!admin) return;
    for (const db of [source, target]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    for (const role of [roles.backup, roles.app, roles.owner]) await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('refuses to back up as a role that row-level security filters, and leaves no archive', async () => {
    const attempt = script('backup.sh', [outDir], { DATABASE_URL: config(source).ownerUrl });
    await expect(attempt).rejects.toMatchObject({ stderr: expect.stringMatching(/row-level security/) });
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('restores every table with the same rows, owned by the owner role and readable by the API role', async () => {
    const backupUrl = withUser(dbUrl(server.adminUrl, source), roles.backup, passwords.backup);
    const { stdout } = await script('backup.sh', [outDir], { DATABASE_URL: backupUrl });
    const archive = stdout.trim();
    expect(path.basename(archive)).toMatch(/^coso-\d{8}T\d{6}Z\.dump$/);
    expect(fs.statSync(archive).size).toBeGreaterThan(100_000);

    const restored = await script('restore.sh', [archive], {
      TARGET_DATABASE_URL: dbUrl(server.adminUrl, target),
      RESTORE_ROLE: roles.owner,
    });
    expect(restored.stdout).toMatch(/every row count as in the backup/);

    const before = await fingerprint(dbUrl(server.adminUrl, source));
    const after = await fingerprint(dbUrl(server.adminUrl, target));
    expect(after).toEqual(before);
    // Guards against comparing two empty databases: the demo data is there.
    expect(Object.keys(before).length).toBeGreaterThan(25);
    expect(before.trip.rows).toBeGreaterThan(500);
    expect(before.app_user.rows).toBeGreaterThan(20);

    const restoredDb = new Client({ connectionString: dbUrl(server.adminUrl, target) });
    await restoredDb.connect();
    try {
      const { rows: owners } = await restoredDb.query<{ owner: string }>(`
        SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v')`);
      expect(owners).toEqual([{ owner: roles.owner }]);
    } finally {
      await restoredDb.end();
    }

    // The API can start on it: nothing left to migrate, and its role reads a province through the
    // restored grants and policies, exactly as many trips as the source had there.
    await migrate(config(target), logger);
    const tripsOf = async (db: string): Promise<number> => {
      const client = new Client({ connectionString: withUser(dbUrl(server.adminUrl, db), roles.app, passwords.app) });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `SELECT set_config('app.read_provinces', '{' || (SELECT id FROM province WHERE code = 'LDG') || '}', true)`,
        );
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM trip');
        await client.query('ROLLBACK');
        return rows[0].n;
      } finally {
        await client.end();
      }
    };
    const ldgTrips = await tripsOf(target);
    expect(ldgTrips).toBeGreaterThan(50);
    expect(ldgTrips).toBe(await tripsOf(source));
    expect(ldgTrips).toBeLessThan(before.trip.rows);
  });

  it('refuses to restore into a database that is not empty', async () => {
    const [archive] = fs.readdirSync(outDir).filter((f) => f.endsWith('.dump'));
    const attempt = script('restore.sh', [path.join(outDir, archive)], { TARGET_DATABASE_URL: dbUrl(server.adminUrl, target) });
    await expect(attempt).rejects.toMatchObject({ stderr: expect.stringMatching(/already has \d+ tables/) });
  });
});
