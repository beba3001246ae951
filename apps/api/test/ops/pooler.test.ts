import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../src/shared/access';
import { startTestProduct, type TestProduct } from '../harness';
import { buildCadre, buildTrip, buildUnit, buildUser, provinceIdOf } from '../factories';
import { TEST_APP_PASSWORD, TEST_APP_USER } from '../database';
import { freePort } from '../ports';

/**
 * The API behind PgBouncer in transaction mode: server connections are shared between transactions of
 * different users, so nothing may live in a session. Debian's pgbouncer; CI installs it, a machine
 * without it skips this file.
 */
const PGBOUNCER = '/usr/sbin/pgbouncer';
const run = fs.existsSync(PGBOUNCER) || Boolean(process.env.CI) ? describe : describe.skip;

const SERVER_CONNECTIONS = 2;

async function listening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startPgBouncer(serverUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new URL(serverUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-pgbouncer-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'users.txt'), `"${TEST_APP_USER}" "${TEST_APP_PASSWORD}"\n`);
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=127.0.0.1 port=${server.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${dir}/users.txt`,
      'pool_mode = transaction',
      `default_pool_size = ${SERVER_CONNECTIONS}`,
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits',
      `logfile = ${dir}/pgbouncer.log`,
      `pidfile = ${dir}/pgbouncer.pid`,
      '',
    ].join('\n'),
  );
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o666);
  // PgBouncer refuses to run as root: as root, it runs as the machine's postgres user.
  const asUser = process.getuid?.() === 0 ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined;
  const child: ChildProcess = spawn(PGBOUNCER, [`${dir}/pgbouncer.ini`], {
    stdio: 'ignore',
    ...(asUser === undefined ? {} : { uid: asUser, gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) }),
  });
  await listening(port, 10_000);
  return {
    url: `postgres://127.0.0.1:${port}/`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // immediate shutdown (SIGINT would wait for clients)
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

run('behind a transaction-mode pooler', () => {
  let pooler: Awaited<ReturnType<typeof startPgBouncer>>;
  let product: TestProduct;
  const provinces: Record<'LDG' | 'HNI', { id: number; token: string; trips: string[]; commune: string }> = {} as never;

  beforeAll(async () => {
    pooler = await startPgBouncer(process.env.TEST_ADMIN_URL!);
    // Eight pooled client connections in the API, two server connections behind the pooler.
    product = await startTestProduct({ poolSize: 8, appServerUrl: pooler.url });
    for (const code of ['LDG', 'HNI'] as const) {
      const id = await provinceIdOf(product.owner, code);
      const commune = await buildUnit(product.owner, { provinceId: id });
      const cadre = await buildCadre(product.owner, { provinceId: id });
      const trips: string[] = [];
      for (let day = 1; day <= 3; day += 1) {
        const date = `2026-03-0${day}`;
        trips.push(
          (
            await buildTrip(product.owner, {
              provinceId: id,
              leadCadreId: cadre.id,
              destinationId: commune.id,
              startDate: date,
              endDate: date,
            })
          ).id,
        );
      }
      const admin = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: id });
      provinces[code] = { id, token: await product.login(admin.username), trips, commune: commune.id };
    }
  }, 60_000);

  afterAll(async () => {
    await product?.stop();
    await pooler?.stop();
  });

  it('gives each transaction its own viewer, though users of two provinces share two server connections', async () => {
    const LIST = `{ trips(first: 50) { totalCount nodes { id } } }`;
    const requests = Array.from({ length: 80 }, (_, i): 'LDG' | 'HNI' => (i % 2 === 0 ? 'LDG' : 'HNI'));
    const answers = await Promise.all(
      requests.map(async (code) => ({
        code,
        data: await product.ok<{ trips: { nodes: Array<{ id: string }> } }>(LIST, {}, provinces[code].token),
      })),
    );
    for (const { code, data } of answers) {
      expect(data.trips.nodes.map((t) => t.id).sort()).toEqual([...provinces[code].trips].sort());
    }
    const [{ n }] = (
      await product.owner.query(
        // The pooler's server connections; the event bus keeps a session of its own, straight to the database.
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE usename = $1 AND datname = current_database() AND application_name IS DISTINCT FROM 'coso-api-events'`,
        [TEST_APP_USER],
      )
    ).rows as Array<{ n: number }>;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(SERVER_CONNECTIONS);
  });

  it('writes each province’s rows into that province only, under concurrent writers', async () => {
    const CREATE = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }`;
    const writes = Array.from({ length: 30 }, (_, i): 'LDG' | 'HNI' => (i % 2 === 0 ? 'LDG' : 'HNI'));
    const created = await Promise.all(
      writes.map(async (code, i) => {
        const input = {
          name: `Chi đoàn thôn ${i + 1}`,
          kind: 'CHAPTER',
          parentId: provinces[code].commune,
          validFrom: '2026-01-01',
        };
        const data = await product.ok<{ createUnit: { id: string } }>(CREATE, { input }, provinces[code].token);
        return { code, id: data.createUnit.id };
      }),
    );
    const rows = (await product.owner.query('SELECT id, province_id FROM unit WHERE id = ANY($1)', [created.map((c) => c.id)]))
      .rows as Array<{ id: string; province_id: number }>;
    expect(rows).toHaveLength(30);
    for (const { code, id } of created) expect(rows.find((r) => r.id === id)?.province_id).toBe(provinces[code].id);

    // A refused write rolls back through the pooler too, and leaves the next transaction clean.
    const foreign = await product.gql(
      CREATE,
      { input: { name: 'Chi đoàn của tỉnh khác', kind: 'CHAPTER', parentId: provinces.HNI.commune, validFrom: '2026-01-01' } },
      provinces.LDG.token,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBeDefined();
    const after = await product.ok<{ trips: { totalCount: number } }>(`{ trips { totalCount } }`, {}, provinces.LDG.token);
    expect(after.trips.totalCount).toBe(3);
  });
});
