/**
 * Compliance benchmark: builds a large deterministic database, starts the built API against it and
 * measures the province dashboard, the trip list and the central comparison over HTTP (open loop, fixed arrival
 * rate, loopback only), then the same statements straight through pg as the API's role.
 *
 *   cd apps/api && pnpm build          # the benchmark runs the built server
 *   pnpm --filter @coso/tests bench    # or: cd tests && pnpm bench [--reuse]
 *
 * --reuse keeps an existing coso_bench database (skips migrations + generation + accounts); --generate-only
 * stops once the database is ready. BENCH_YEARS (3) years of trips up to 2026.
 * Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_DB (coso_bench),
 * BENCH_DURATION_S (30), BENCH_DASHBOARD_RPS (50), BENCH_TRIPS_RPS (50), BENCH_CENTRAL_RPS (25), BENCH_SERIAL_DASHBOARD (10),
 * BENCH_SERIAL_CENTRAL (3). Open-loop phases are bounded: the API gives up on a request after 5 s
 * waiting for a connection, the client after 20 s.
 * Prints a summary and writes tests/bench/results/<timestamp>.json. No assertions: numbers only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { hash } from '@node-rs/argon2';
import {
  CENTRAL_QUERY,
  DASHBOARD_QUERY,
  TRIPS_QUERY,
  PASSWORD,
  YEAR,
  appUrl,
  graphql,
  loadComplianceService,
  openLoop,
  ownerUrl,
  recreateDatabase,
  scoped,
  serial,
  startApi,
  todayInVietnam,
  tripsPageSql,
  type RunResult,
} from './lib';

const reuse = process.argv.includes('--reuse');
/** Stop once the database is generated and the accounts made (for the request-path benchmark, path.ts). */
const generateOnly = process.argv.includes('--generate-only');
/** Years of trips ending with 2026: 3 by default; 6 doubles the history (BENCH_YEARS=6, e.g. with BENCH_DB=coso_bench_6y). */
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const DASHBOARD_RPS = Number(process.env.BENCH_DASHBOARD_RPS ?? 50);
const CENTRAL_RPS = Number(process.env.BENCH_CENTRAL_RPS ?? 25);
const TRIPS_RPS = Number(process.env.BENCH_TRIPS_RPS ?? 50);
const SERIAL_DASHBOARD = Number(process.env.BENCH_SERIAL_DASHBOARD ?? 10);
const SERIAL_CENTRAL = Number(process.env.BENCH_SERIAL_CENTRAL ?? 3);
const POOL_SIZE = 10; // the API's DB_POOL_SIZE default

const log = (message: string): void =>
  void process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface ProvinceRow {
  id: number;
  code: string;
  status: string;
  successor_id: number | null;
}

async function generate(): Promise<number> {
  const sql = fs
    .readFileSync(path.join(__dirname, 'generate.sql'), 'utf8')
    .replaceAll('generate_series(2024, 2026)', `generate_series(${2027 - YEARS}, 2026)`);
  const client = new Client({ connectionString: ownerUrl() });
  await client.connect();
  const start = performance.now();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE)');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return (performance.now() - start) / 1000;
}

async function createAccounts(provinces: ProvinceRow[]): Promise<void> {
  const passwordHash = await hash(PASSWORD);
  const client = new Client({ connectionString: ownerUrl() });
  await client.connect();
  try {
    const active = provinces.filter((p) => p.status === 'ACTIVE').map((p) => p.id);
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.write_provinces', $1, true), set_config('app.read_provinces', $1, true)`, [
      `{${active.join(',')}}`,
    ]);
    await client.query(
      `INSERT INTO app_user (id, province_id, username, password_hash, full_name, role)
       SELECT md5('user:' || p.id)::uuid, p.id, 'bench-admin-' || p.id, $1, 'Quản trị ' || p.name, 'PROVINCE_ADMIN'
       FROM province p WHERE p.status = 'ACTIVE'
       UNION ALL SELECT md5('user:central')::uuid, NULL, 'bench-central', $1, 'Trung ương Đoàn', 'CENTRAL'`,
      [passwordHash],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

async function rowCounts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: ownerUrl() });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      'province',
      'unit',
      'cadre',
      'exemption',
      'policy_rule',
      'trip',
      'trip_member',
      'trip_destination',
      'app_user',
    ]) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
    }
    const { rows } = await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    counts.database_size = rows[0].size;
    return counts;
  } finally {
    await client.end();
  }
}

function machine(): Record<string, string> {
  const run = (cmd: string): string => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  };
  return {
    nproc: run('nproc'),
    memory: run('free -h | sed -n 2p'),
    cpu: os.cpus()[0]?.model ?? 'n/a',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}

function table(results: RunResult[]): string {
  const lines = [
    '| run | mode | rate/s | requests | errors | p50 ms | p95 ms | p99 ms | max ms | send lag ms |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.mode} | ${r.rate ?? '–'} | ${r.requests} | ${r.errors} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.maxSendLagMs ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machine() };
  let generationS: number | undefined;

  if (!reuse) {
    log('Creating the coso_bench database and running the migrations (first API start)…');
    await recreateDatabase();
    const first = await startApi();
    await first.stop();
    log('Generating data…');
    generationS = await generate();
    log(`Data generated in ${generationS.toFixed(1)} s`);
  }
  const owner = new Client({ connectionString: ownerUrl() });
  await owner.connect();
  const provinces: ProvinceRow[] = (await owner.query('SELECT id, code, status, successor_id FROM province ORDER BY id')).rows;
  report.postgres = (await owner.query('SELECT version() AS v')).rows[0].v;
  report.settings = Object.fromEntries(
    (
      await owner.query(`SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN
      ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost')`)
    ).rows.map((r: { name: string; value: string }) => [r.name, r.value]),
  );
  await owner.end();
  const active = provinces.filter((p) => p.status === 'ACTIVE');
  if (!reuse) await createAccounts(provinces);
  report.generationSeconds = generationS;
  report.rows = await rowCounts();
  log(`Rows: ${JSON.stringify(report.rows)}`);
  if (generateOnly) return;

  log('Starting the API (SEED_DEMO=0)…');
  const api = await startApi();
  // Like the API's pool: 5 s to get a connection, 15 s per statement.
  const pool = new Pool({ connectionString: appUrl(), max: POOL_SIZE, connectionTimeoutMillis: 5000, statement_timeout: 15_000 });
  const results: RunResult[] = [];
  try {
    const login = async (username: string): Promise<string> =>
      (
        await graphql(api.url, null, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
          u: username,
          p: PASSWORD,
        })
      ).login.token;
    const adminTokens: string[] = [];
    for (const p of active) adminTokens.push(await login(`bench-admin-${p.id}`));
    const centralToken = await login('bench-central');
    const today = todayInVietnam();
    report.today = today;
    log(`Signed in ${adminTokens.length} province admins and the central user; the API's today is ${today}`);

    const dashboard = (i: number) => graphql(api.url, adminTokens[i % adminTokens.length], DASHBOARD_QUERY, { year: YEAR });
    const central = () => graphql(api.url, centralToken, CENTRAL_QUERY, { year: YEAR });
    const yearRange = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const trips = (i: number) => graphql(api.url, adminTokens[i % adminTokens.length], TRIPS_QUERY, yearRange);

    // Same statements, same role and settings, straight through pg.
    const service = loadComplianceService();
    const readableOf = (id: number) => [id, ...provinces.filter((p) => p.successor_id === id).map((p) => p.id)];
    const allIds = provinces.map((p) => p.id);
    // Direct SQL through the API's own service code: "cached" shares one cache as the API does
    // (a version check per request once warm); "cold" computes every time (the engine's cost).
    const sharedCache = new service.ComplianceCache();
    const dashboardSqlWith = (fresh: boolean) => (i: number) => {
      const id = active[i % active.length].id;
      return scoped(pool, readableOf(id), (m) =>
        service.provinceBundles(m, fresh ? new service.ComplianceCache() : sharedCache, YEAR, today, [id]),
      );
    };
    const dashboardSql = dashboardSqlWith(false);
    const dashboardCold = dashboardSqlWith(true);
    const centralSqlWith = (fresh: boolean) => () =>
      scoped(pool, allIds, (m) =>
        service.provinceBundles(m, fresh ? new service.ComplianceCache() : sharedCache, YEAR, today, allIds),
      );
    const centralSql = centralSqlWith(false);
    const centralCold = centralSqlWith(true);
    const tripsSql = (i: number) => {
      const id = active[i % active.length].id;
      return scoped(pool, readableOf(id), (m) => tripsPageSql(m, readableOf(id), yearRange.from, yearRange.to));
    };

    // Sanity check + warm-up (caches, connections, plans); not measured.
    const sample = await dashboard(0);
    const sampleSql = await scoped(pool, readableOf(active[0].id), (m) =>
      service.provinceBundles(m, new service.ComplianceCache(), YEAR, today, [active[0].id]),
    );
    if (sample.provinceCompliance.totalDays !== sampleSql.get(active[0].id)?.province.totalDays) {
      throw new Error('GraphQL and direct SQL disagree');
    }
    report.sampleProvince = {
      ...sample.provinceCompliance,
      coverage: { ...sample.provinceCompliance.coverage, missing: undefined },
    };
    report.sampleStatuses = sample.cadreCompliance.nodes.reduce(
      (acc: Record<string, number>, n: { status: string }) => ({ ...acc, [n.status]: (acc[n.status] ?? 0) + 1 }),
      {},
    );
    const warm = (what: string, p: Promise<unknown>) =>
      p.catch((error: unknown) =>
        log(`warm-up ${what} failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`),
      );
    for (let i = 1; i < 3; i++) await warm('dashboard', dashboard(i));
    for (let i = 0; i < 3; i++) await warm('dashboard SQL', dashboardSql(i));
    await warm('central', central());
    for (let i = 0; i < 3; i++) await warm('trips', trips(i));
    for (let i = 0; i < 3; i++) await warm('trips SQL', tripsSql(i));
    await warm('central SQL', centralSql());

    log('Serial (one at a time): the cost of one request without queueing…');
    results.push(await serial('dashboard GraphQL', SERIAL_DASHBOARD, dashboard));
    results.push(await serial('dashboard direct SQL', SERIAL_DASHBOARD, dashboardSql));
    results.push(await serial('central GraphQL', SERIAL_CENTRAL, central));
    results.push(await serial('central direct SQL', SERIAL_CENTRAL, centralSql));
    results.push(await serial('trip list GraphQL', SERIAL_DASHBOARD, trips));
    results.push(await serial('trip list direct SQL', SERIAL_DASHBOARD, tripsSql));
    results.push(await serial('dashboard SQL, computed every time', SERIAL_DASHBOARD, dashboardCold));
    results.push(await serial('central SQL, computed every time', SERIAL_CENTRAL, centralCold));

    log(`Open loop: dashboard at ${DASHBOARD_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('dashboard GraphQL', DASHBOARD_RPS, DURATION_S, dashboard));
    await sleep(3000);
    log(`Open loop: dashboard direct SQL at ${DASHBOARD_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('dashboard direct SQL', DASHBOARD_RPS, DURATION_S, dashboardSql));
    await sleep(3000);
    log(`Open loop: trip list at ${TRIPS_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('trip list GraphQL', TRIPS_RPS, DURATION_S, trips));
    log(`Open loop: trip list direct SQL at ${TRIPS_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('trip list direct SQL', TRIPS_RPS, DURATION_S, tripsSql));

    log(`Open loop: central comparison at ${CENTRAL_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('central GraphQL', CENTRAL_RPS, DURATION_S, central));
    await sleep(3000);
    log(`Open loop: central direct SQL at ${CENTRAL_RPS}/s for ${DURATION_S} s…`);
    results.push(await openLoop('central direct SQL', CENTRAL_RPS, DURATION_S, centralSql));
  } finally {
    await pool.end();
    await api.stop();
  }

  const find = (name: string, mode: string) => results.find((r) => r.name === name && r.mode === mode)!;
  const ratio = (what: string, mode: string) =>
    Math.round((find(`${what} GraphQL`, mode).p50 / find(`${what} direct SQL`, mode).p50) * 100) / 100;
  report.results = results;
  report.ratios = {
    dashboardSerialP50: ratio('dashboard', 'serial'),
    centralSerialP50: ratio('central', 'serial'),
    dashboardOpenLoopP50: ratio('dashboard', 'open-loop'),
    tripListSerialP50: ratio('trip list', 'serial'),
    tripListOpenLoopP50: ratio('trip list', 'open-loop'),
    centralOpenLoopP50: ratio('central', 'open-loop'),
  };
  report.targets = {
    dashboardP95le100ms: find('dashboard GraphQL', 'open-loop').p95 <= 100,
    centralP95le250ms: find('central GraphQL', 'open-loop').p95 <= 250,
  };
  report.totalSeconds = Math.round((performance.now() - started) / 1000);

  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(report.date).replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${table(results)}\n\nGraphQL / direct SQL (p50): ${JSON.stringify(report.ratios)}\n`);
  process.stdout.write(
    `Targets: ${JSON.stringify(report.targets)}\nTotal ${String(report.totalSeconds)} s. Results: ${path.relative(process.cwd(), file)}\n`,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
