/**
 * Request-path benchmark: what one request costs the API beyond its SQL. Runs against a database made by
 * run.ts (`pnpm bench --generate-only`, BENCH_YEARS=6 with BENCH_DB=coso_bench_6y for twice the history)
 * and measures, for this build and optionally a baseline build side by side in the same run (requests
 * alternate between them):
 *   - `{ me { id } }`, the trip list (50 trips with lead and destinations) and the cadre list, one at a
 *     time: latency p50 and the API process's CPU per request (from /proc);
 *   - the same trip page straight through pg as the API's role: the floor;
 *   - the highest arrival rate at which the trip list keeps p95 under 100 ms (open loop, rising steps).
 *
 *   cd apps/api && pnpm build
 *   BENCH_BASELINE_DIST=/path/to/other/checkout/apps/api/dist/main.js pnpm --filter @coso/tests bench:path
 *
 * Env: BENCH_DB (coso_bench), BENCH_SERIAL (200), BENCH_STEP_S (10), BENCH_RATES (25,50,75,100,150,200,250).
 * Prints a table and writes tests/bench/results/path-<timestamp>.json. No assertions: numbers only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import {
  PASSWORD,
  YEAR,
  appUrl,
  graphql,
  openLoop,
  ownerUrl,
  percentile,
  scoped,
  startApi,
  tripsPageSql,
  TRIPS_QUERY,
  type RunResult,
} from './lib';

const SERIAL = Number(process.env.BENCH_SERIAL ?? 200);
const STEP_S = Number(process.env.BENCH_STEP_S ?? 10);
const RATES = (process.env.BENCH_RATES ?? '25,50,75,100,150,200,250').split(',').map(Number);
const BASELINE = process.env.BENCH_BASELINE_DIST;
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;

const ME = 'query BenchMe { me { id } }';
const CADRES = `query BenchCadres { cadres(first: 50) { totalCount nodes { id fullName position department { name } } } }`;

const log = (message: string): void => void process.stdout.write(`[path ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** CPU time a process has used so far, in ms (user + system, from /proc). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Fields after the command: state is 3rd in the file, so utime (14th) and stime (15th) are at 11 and 12 here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

interface Build {
  name: string;
  url: string;
  pid: number;
  tokens: string[];
  stop: () => Promise<void>;
}

interface SerialFigures {
  build: string;
  what: string;
  requests: number;
  p50: number;
  p95: number;
  cpuMsPerRequest: number;
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    db: ownerUrl().replace(/\/\/[^@]*@/, '//'),
    loadAverageAtStart: os.loadavg(),
  };
  const owner = new Client({ connectionString: ownerUrl() });
  await owner.connect();
  const provinces: Array<{ id: number; successor_id: number | null; status: string }> = (
    await owner.query('SELECT id, successor_id, status FROM province ORDER BY id')
  ).rows;
  report.trips = (
    await owner.query('SELECT count(*)::int AS n, min(start_date)::text AS first, max(start_date)::text AS last FROM trip')
  ).rows[0];
  await owner.end();
  const active = provinces.filter((p) => p.status === 'ACTIVE');
  const readableOf = (id: number) => [id, ...provinces.filter((p) => p.successor_id === id).map((p) => p.id)];
  log(`Trips in the database: ${JSON.stringify(report.trips)}`);

  const start = async (name: string, main?: string): Promise<Build> => {
    const api = await startApi(main);
    const tokens: string[] = [];
    for (const p of active.slice(0, 8)) {
      const data = await graphql(
        api.url,
        null,
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        {
          u: `bench-admin-${p.id}`,
          p: PASSWORD,
        },
      );
      tokens.push(data.login.token);
    }
    return { name, url: api.url, pid: api.pid, tokens, stop: api.stop };
  };
  const builds: Build[] = [await start('this build')];
  if (BASELINE) builds.push(await start('baseline', BASELINE));
  const pool = new Pool({ connectionString: appUrl(), max: 10, connectionTimeoutMillis: 5000, statement_timeout: 15_000 });
  const range = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
  const requests: Record<string, (b: Build, i: number) => Promise<unknown>> = {
    me: (b, i) => graphql(b.url, b.tokens[i % b.tokens.length], ME),
    'trip list': (b, i) => graphql(b.url, b.tokens[i % b.tokens.length], TRIPS_QUERY, range),
    'cadre list': (b, i) => graphql(b.url, b.tokens[i % b.tokens.length], CADRES),
  };
  const tripsSql = (i: number) => {
    const id = active[i % 8].id;
    return scoped(pool, readableOf(id), (m) => tripsPageSql(m, readableOf(id), range.from, range.to));
  };
  const serials: SerialFigures[] = [];
  const rates: RunResult[] = [];
  try {
    // Warm-up: plans, caches, connections, JIT of the JavaScript.
    for (const b of builds) for (let i = 0; i < 30; i += 1) for (const fire of Object.values(requests)) await fire(b, i);
    for (let i = 0; i < 30; i += 1) await tripsSql(i);

    for (const [what, fire] of Object.entries(requests)) {
      log(`Serial, alternating builds: ${what} × ${SERIAL}`);
      const latencies = builds.map(() => [] as number[]);
      const cpu = builds.map(() => 0);
      for (let i = 0; i < SERIAL; i += 1) {
        for (const [k, b] of builds.entries()) {
          const before = cpuMs(b.pid);
          const t = performance.now();
          await fire(b, i);
          latencies[k].push(performance.now() - t);
          cpu[k] += cpuMs(b.pid) - before;
        }
      }
      for (const [k, b] of builds.entries()) {
        const sorted = [...latencies[k]].sort((x, y) => x - y);
        serials.push({
          build: b.name,
          what,
          requests: SERIAL,
          p50: Math.round(percentile(sorted, 50) * 100) / 100,
          p95: Math.round(percentile(sorted, 95) * 100) / 100,
          cpuMsPerRequest: Math.round((cpu[k] / SERIAL) * 100) / 100,
        });
      }
    }
    log(`Serial: trip page through pg × ${SERIAL}`);
    const floor: number[] = [];
    for (let i = 0; i < SERIAL; i += 1) {
      const t = performance.now();
      await tripsSql(i);
      floor.push(performance.now() - t);
    }
    floor.sort((x, y) => x - y);
    serials.push({
      build: 'pg',
      what: 'trip page (direct SQL)',
      requests: SERIAL,
      p50: Math.round(percentile(floor, 50) * 100) / 100,
      p95: Math.round(percentile(floor, 95) * 100) / 100,
      cpuMsPerRequest: NaN,
    });

    const maxRate: Record<string, number> = {};
    const going = new Set(builds.map((b) => b.name));
    for (const rate of RATES) {
      for (const b of builds) {
        if (!going.has(b.name)) continue;
        log(`Open loop: trip list on ${b.name} at ${rate}/s for ${STEP_S} s`);
        const result = await openLoop(`trip list ${b.name}`, rate, STEP_S, (i) => requests['trip list'](b, i));
        rates.push(result);
        if (result.p95 < 100 && result.errors === 0) maxRate[b.name] = rate;
        else going.delete(b.name);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    report.maxTripListRateP95Under100ms = maxRate;
  } finally {
    await pool.end();
    for (const b of builds) await b.stop();
  }
  report.serial = serials;
  report.openLoop = rates;
  const pick = (build: string, what: string) => serials.find((s) => s.build === build && s.what === what);
  const floorP50 = pick('pg', 'trip page (direct SQL)')?.p50 ?? NaN;
  report.ratios = Object.fromEntries(
    builds.map((b) => [
      b.name,
      { tripListOverFloorP50: Math.round(((pick(b.name, 'trip list')?.p50 ?? NaN) / floorP50) * 100) / 100 },
    ]),
  );

  const lines = ['| build | request | p50 ms | p95 ms | API CPU ms/request |', '|---|---|---|---|---|'];
  for (const s of serials)
    lines.push(`| ${s.build} | ${s.what} | ${s.p50} | ${s.p95} | ${Number.isNaN(s.cpuMsPerRequest) ? '–' : s.cpuMsPerRequest} |`);
  const rateLines = ['| run | rate/s | errors | p50 ms | p95 ms |', '|---|---|---|---|---|'];
  for (const r of rates) rateLines.push(`| ${r.name} | ${r.rate} | ${r.errors} | ${r.p50} | ${r.p95} |`);
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `path-${String(report.date).replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `\n${lines.join('\n')}\n\n${rateLines.join('\n')}\n\nMax trip-list rate with p95 < 100 ms: ${JSON.stringify(report.maxTripListRateP95Under100ms)}\n` +
      `Trip list p50 / direct SQL p50: ${JSON.stringify(report.ratios)}\nResults: ${path.relative(process.cwd(), file)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
