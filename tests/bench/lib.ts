import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Client, Pool, type PoolClient } from 'pg';
import { freePort } from '../support/server';

export const repoRoot = path.resolve(__dirname, '../..');

/** The server the benchmark database lives on (owner = superuser `postgres`, trust auth on loopback). */
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DB_NAME = process.env.BENCH_DB ?? 'coso_bench';
export const YEAR = 2026;
export const PASSWORD = 'bench-password-2026';
const APP_USER = 'coso_app';
const APP_PASSWORD = process.env.APP_DB_PASSWORD ?? 'coso_app_dev';

export function dbUrl(user?: { name: string; password: string }): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  if (user) {
    url.username = user.name;
    url.password = user.password;
  }
  return url.toString();
}
export const ownerUrl = (): string => dbUrl();
export const appUrl = (): string => dbUrl({ name: APP_USER, password: APP_PASSWORD });

export async function recreateDatabase(): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${DB_NAME}"`);
  } finally {
    await client.end();
  }
}

/** The built API (apps/api/dist/main.js) against the benchmark database, no demo data, on loopback. */
export async function startApi(
  main = path.join(repoRoot, 'apps/api/dist/main.js'),
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  if (!fs.existsSync(main)) throw new Error(`Build the API first (cd apps/api && pnpm build): ${main} is missing`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: ownerUrl(),
    ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become ready:\n${output}`);
    }
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(300);
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function graphql(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const body: any = await res.json();
  if (!res.ok || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  return body.data;
}

const SUMMARY = `provinceId year requiredDays windowStart windowEnd subjectCadres agencyStaff { count total }
  executiveMembers { count total } metCount metShare onTrack atRisk behind exempt totalDays averageDays hardshipShare overdueReports`;
const PROVINCE = `${SUMMARY} lateTrips unreportedTrips trips estimatedCost actualCost coverage { reached total missing { unitId name reached } }`;

/** The trip list as the web app asks for it: a page of 50 of the year's trips, newest first. */
export const TRIPS_QUERY = `query BenchTrips($from: LocalDate!, $to: LocalDate!) {
  trips(first: 50, filter: { from: $from, to: $to }, orderBy: { field: START_DATE, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id title kind state startDate endDate lead { fullName } destinations { name } }
  }
}`;

/** The same page straight through pg: a count, the page, its leads and destinations. */
export async function tripsPageSql(m: Manager, provinceIds: number[], from: string, to: string): Promise<unknown[]> {
  const where = 't.province_id = ANY($1) AND t.end_date >= $2 AND t.start_date <= $3';
  await m.query(`SELECT count(*)::int AS n FROM trip t WHERE ${where}`, [provinceIds, from, to]);
  const rows = (await m.query(
    `SELECT t.province_id, t.id, t.title, t.kind, t.state, t.start_date, t.end_date, t.lead_cadre_id FROM trip t
     WHERE ${where} ORDER BY t.start_date DESC, t.id DESC LIMIT 51`,
    [provinceIds, from, to],
  )) as Array<{ id: string; lead_cadre_id: string }>;
  const ids = rows.map((r) => r.id);
  await m.query('SELECT id, full_name FROM cadre WHERE id = ANY($1)', [rows.map((r) => r.lead_cadre_id)]);
  await m.query(
    `SELECT d.trip_id, u.name FROM trip_destination d JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
     WHERE d.trip_id = ANY($1)`,
    [ids],
  );
  return rows;
}

/** What the province dashboard asks for in one request. */
export const DASHBOARD_QUERY = `query BenchDashboard($year: Int!) {
  provinceCompliance(year: $year) { ${PROVINCE} }
  departmentCompliance(year: $year) { ${SUMMARY} departmentId departmentName }
  cadreCompliance(year: $year, first: 80) {
    totalCount
    nodes {
      provinceId cadreId fullName year windowStart windowEnd availableDays requiredDays countedDays
      byKind { topic coordination inspection meeting } byLevel { district commune chapter }
      hardshipDays upcomingDays lateTrips overdueReports levelsMet status projectedDays
    }
  }
}`;

export const CENTRAL_QUERY = `query BenchCentral($year: Int!) { centralComparison(year: $year) { ${PROVINCE} } }`;

/** The API's "today" (its system clock: the date in Vietnam). */
export const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

type Manager = { query: (sql: string, params?: unknown[]) => Promise<any[]> };
interface ComplianceCacheLike {
  get(key: string): unknown;
}

interface ComplianceService {
  ComplianceCache: new () => ComplianceCacheLike;
  provinceBundles(
    m: Manager,
    cache: ComplianceCacheLike,
    year: number,
    today: string,
    provinceIds: number[],
  ): Promise<Map<number, { province: { totalDays: number } }>>;
}

/**
 * The API's own compliance service (built), so the direct-SQL run sends exactly the statements the
 * resolvers send; its `manager` is replaced by a plain pg client.
 */
export function loadComplianceService(): ComplianceService {
  const apiRequire = createRequire(path.join(repoRoot, 'apps/api/package.json'));
  apiRequire('reflect-metadata');
  return apiRequire(path.join(repoRoot, 'apps/api/dist/modules/compliance/compliance.service.js'));
}

export const pgManager = (client: PoolClient | Client): Manager => ({
  query: async (sql, params) => (await client.query(sql, params)).rows,
});

/** One scoped transaction on the API's role, as ScopedTransaction sets it up (minus the viewer lookup). */
export async function scoped<T>(pool: Pool, readable: number[], work: (m: Manager) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.user_id', '', true), set_config('app.read_provinces', $1, true),
              set_config('app.write_provinces', $2, true)`,
      [`{${readable.join(',')}}`, readable.length === 1 ? `{${readable[0]}}` : '{}'],
    );
    const result = await work(pgManager(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface RunResult {
  name: string;
  mode: 'open-loop' | 'serial';
  rate?: number;
  durationS?: number;
  requests: number;
  ok: number;
  errors: number;
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Largest delay between a request's scheduled time and when it was actually sent. */
  maxSendLagMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarise(base: Omit<RunResult, 'p50' | 'p95' | 'p99' | 'max' | 'mean' | 'ok'>, latencies: number[]): RunResult {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    ...base,
    ok: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

/**
 * Open loop: request i is due at t0 + i/rate whatever happened to earlier ones; its latency runs from
 * when it was due (no coordinated omission), so a backlog shows up in the figures.
 */
export async function openLoop(
  name: string,
  rate: number,
  durationS: number,
  fire: (i: number) => Promise<unknown>,
): Promise<RunResult> {
  const count = Math.round(rate * durationS);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let maxSendLagMs = 0;
  const inFlight: Array<Promise<void>> = [];
  const t0 = performance.now() + 20;
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    inFlight.push(
      fire(i).then(
        () => void latencies.push(performance.now() - due),
        (error: unknown) => {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return summarise(
    { name, mode: 'open-loop', rate, durationS, requests: count, errors, firstError, maxSendLagMs: Math.round(maxSendLagMs) },
    latencies,
  );
}

/** One request at a time: the latency of the work itself, without queueing. */
export async function serial(name: string, count: number, fire: (i: number) => Promise<unknown>): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    try {
      await fire(i);
      latencies.push(performance.now() - start);
    } catch (error) {
      errors += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  return summarise({ name, mode: 'serial', requests: count, errors, firstError }, latencies);
}
