/**
 * Live-event fan-out benchmark: two API instances sharing Redis, 200 graphql-ws subscribers spread over
 * the five demo provinces (and a few central users), while trips are registered at a fixed rate through
 * both instances. Measures how long an event takes to reach each subscriber and checks that none is
 * lost, none arrives twice and none reaches another province's subscriber.
 *
 *   pnpm build                                          # the benchmark runs the built API
 *   pnpm --filter @coso/tests exec tsx bench/fanout.ts  # or: cd tests && pnpm bench:fanout
 *
 * Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_FANOUT_DB
 * (coso_fanout, dropped and re-created), BENCH_REDIS_URL (redis://127.0.0.1:6379), FANOUT_CLIENTS (200),
 * FANOUT_CENTRAL (10 of them central), FANOUT_RATE (10 changes/s), FANOUT_DURATION_S (30).
 * Loopback only; every wait is bounded. Prints a summary, writes tests/bench/results/fanout-<time>.json,
 * and exits 1 when an event was lost, duplicated or delivered across provinces.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort } from '../support/server';
import { ADMIN_URL, graphql, percentile, repoRoot, sleep } from './lib';

export const DEMO_CODES = ['LDG', 'HNI', 'HCM', 'DNG', 'QTI'] as const;
const DEMO_PASSWORD = 'demo1234';
export const USER_PASSWORD = 'bench-password-2026';

export const log = (message: string): void =>
  void process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function recreate(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export interface Instance {
  url: string;
  pid: number;
  /** Resident memory of the API process, from /proc (MiB). */
  rssMiB: () => number;
  stop: () => Promise<void>;
}

/** The built API (apps/api/dist/main.js) on a loopback port against `ownerUrl`. */
export async function startInstance(
  ownerUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Instance> {
  const main = path.join(repoRoot, 'apps/api/dist/main.js');
  if (!fs.existsSync(main)) throw new Error('Build the API first: pnpm build');
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: ownerUrl,
      SEED_DEMO: '0',
      DEMO_PASSWORD,
      ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become ready:\n${output}`);
    }
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(300);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMiB: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Math.round((Number(kb) / 1024) * 10) / 10;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Accounts made straight in the database (one argon2 hash shared by all), then signed in over HTTP. */
export async function createUsers(
  ownerUrl: string,
  users: Array<{ username: string; role: string; provinceCode: string | null }>,
): Promise<void> {
  const passwordHash = await hash(USER_PASSWORD);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO app_user (id, province_id, username, password_hash, full_name, role)
       SELECT gen_random_uuid(), p.id, u.username, $2, 'Người theo dõi ' || u.username, u.role
       FROM json_to_recordset($1::json) AS u(username text, role text, code text)
       LEFT JOIN province p ON p.code = u.code`,
      [JSON.stringify(users.map((u) => ({ username: u.username, role: u.role, code: u.provinceCode }))), passwordHash],
    );
  } finally {
    await client.end();
  }
}

export async function login(url: string, username: string, password = USER_PASSWORD): Promise<string> {
  const data = await graphql(url, null, 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: password,
  });
  return data.login.token as string;
}

/** Runs `work` over `items`, `width` at a time. */
export async function pooled<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

export interface Subscriber {
  client: WsClient;
  /** Settles when the server acknowledged the connection (true) or closed it first (false). */
  acked: Promise<boolean>;
}

/** A graphql-ws connection, authenticated, with one subscription; `onEvent` gets each payload. */
export function subscribe(
  url: string,
  token: string,
  query: string,
  onEvent: (data: any) => void,
  onError: (error: unknown) => void,
): Subscriber {
  let settle!: (ok: boolean) => void;
  const acked = new Promise<boolean>((r) => (settle = r));
  const describe = (e: unknown) =>
    e && typeof e === 'object' && 'code' in e
      ? `closed ${String(e.code)}: ${String((e as { reason?: string }).reason)}`
      : String(e);
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: (e) => onError(describe(e)),
    on: { connected: () => settle(true), closed: () => settle(false) },
  });
  client.subscribe(
    { query },
    { next: (v) => v.data && onEvent(v.data), error: (e) => onError(describe(e)), complete: () => undefined },
  );
  return { client, acked };
}

const EVENTS = 'subscription { tripEvents { provinceId tripId title event } }';
const CREATE = `mutation ($input: CreateTripInput!) { createTrip(input: $input) { id } }`;

interface Change {
  code: string;
  provinceId: number;
  sentAt: number;
  doneAt?: number;
  error?: string;
}

async function main(): Promise<void> {
  const clients = Number(process.env.FANOUT_CLIENTS ?? 200);
  const central = Number(process.env.FANOUT_CENTRAL ?? 10);
  const rate = Number(process.env.FANOUT_RATE ?? 10);
  const durationS = Number(process.env.FANOUT_DURATION_S ?? 30);
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const run = randomUUID().slice(0, 8);

  log(`database ${process.env.BENCH_FANOUT_DB ?? 'coso_fanout'}: re-created, migrated and loaded with the demo data`);
  const ownerUrl = await recreate(process.env.BENCH_FANOUT_DB ?? 'coso_fanout');
  const a = await startInstance(ownerUrl, { SEED_DEMO: '1', REDIS_URL: redisUrl });
  const b = await startInstance(ownerUrl, { REDIS_URL: redisUrl });
  const instances = [a, b];
  const stopAll = () => Promise.all(instances.map((i) => i.stop()));
  try {
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    const { rows: provinces } = await owner.query<{ code: string; id: number }>(
      'SELECT code, id FROM province WHERE code = ANY ($1)',
      [[...DEMO_CODES]],
    );
    const provinceId = Object.fromEntries(provinces.map((p) => [p.code, p.id]));
    // Each change registers a draft trip for one of the province's cadres to one of its current communes.
    const { rows: cadres } = await owner.query<{ code: string; id: string }>(
      `SELECT p.code, c.id FROM cadre c JOIN province p ON p.id = c.province_id
       WHERE p.code = ANY ($1) AND c.subject_to IS NULL ORDER BY c.id`,
      [[...DEMO_CODES]],
    );
    const { rows: communes } = await owner.query<{ code: string; id: string }>(
      `SELECT p.code, u.id FROM unit u JOIN province p ON p.id = u.province_id
       WHERE p.code = ANY ($1) AND u.kind IN ('COMMUNE_UNION', 'CHAPTER') AND u.valid_to IS NULL ORDER BY u.id`,
      [[...DEMO_CODES]],
    );
    await owner.end();
    const byCode = <T extends { code: string; id: string }>(rows: T[]) =>
      Object.fromEntries(DEMO_CODES.map((c) => [c, rows.filter((r) => r.code === c).map((r) => r.id)]));
    const cadresOf = byCode(cadres);
    const communesOf = byCode(communes);

    const plan = Array.from({ length: clients }, (_, i) => {
      const code = i < central ? null : DEMO_CODES[i % DEMO_CODES.length];
      return {
        username: `fanout.${code?.toLowerCase() ?? 'tw'}.${i}`,
        role: code ? 'STANDING_BOARD' : 'CENTRAL',
        provinceCode: code,
      };
    });
    await createUsers(ownerUrl, plan);
    log(`${clients} accounts (${central} central) signing in`);
    const tokens = await pooled(plan, 4, (u, i) => login(instances[i % 2].url, u.username));
    const admins = Object.fromEntries(
      await Promise.all(DEMO_CODES.map(async (c) => [c, await login(a.url, `admin.${c.toLowerCase()}`, DEMO_PASSWORD)] as const)),
    );

    const rssBefore = instances.map((i) => i.rssMiB());
    const changes: Change[] = [];
    const received = plan.map(() => new Map<number, number>()); // change index -> receive time
    const anomalies = { duplicates: 0, crossProvince: 0, errors: [] as string[] };
    const warmedUp = plan.map(() => new Set<string>());
    const connectStart = performance.now();
    // Users connect over a few seconds, not all in the same millisecond: 20 handshakes at a time.
    const subscribers = await pooled(plan, 20, async (u, k) => {
      const s = subscribe(
        instances[k % 2].url,
        tokens[k],
        EVENTS,
        (data: { tripEvents: { provinceId: number; title: string } }) => {
          const at = performance.now();
          const e = data.tripEvents;
          if (u.provinceCode && e.provinceId !== provinceId[u.provinceCode]) anomalies.crossProvince += 1;
          const warm = new RegExp(`warmup-${run}-(\\w+)$`).exec(e.title);
          if (warm) return void warmedUp[k].add(warm[1]);
          const m = new RegExp(`fanout-${run}-(\\d+)$`).exec(e.title);
          if (!m) return; // another run's event on the shared Redis
          const i = Number(m[1]);
          if (received[k].has(i)) anomalies.duplicates += 1;
          else received[k].set(i, at);
        },
        (error) => anomalies.errors.push(String(error).slice(0, 200)),
      );
      if (!(await Promise.race([s.acked, sleep(30_000).then(() => false)]))) {
        throw new Error(`subscriber ${k} was not connected: ${anomalies.errors.at(-1) ?? 'no answer in 30 s'}`);
      }
      return s;
    });
    const connectMs = Math.round(performance.now() - connectStart);
    log(`${clients} subscribers connected in ${connectMs} ms (${clients / 2} on each instance)`);

    const register = (code: string, title: string, i: number) =>
      graphql(instances[i % 2].url, admins[code], CREATE, {
        input: {
          kind: 'MEETING',
          title,
          leadCadreId: cadresOf[code][i % cadresOf[code].length],
          destinationIds: [communesOf[code][i % communesOf[code].length]],
          startDate: '2026-12-15',
          endDate: '2026-12-15',
        },
      });
    // A subscription is live once the server has handled it: wait until each subscriber has seen one
    // event of its province (every province's, for central users) before measuring.
    const expectedWarm = (k: number) => (plan[k].provinceCode ? [plan[k].provinceCode] : [...DEMO_CODES]);
    for (let attempt = 0; attempt < 10; attempt++) {
      await Promise.all(DEMO_CODES.map((c, i) => register(c, `Sinh hoạt chi đoàn warmup-${run}-${c}`, i)));
      await sleep(1000);
      if (plan.every((_, k) => expectedWarm(k).every((c) => warmedUp[k].has(c)))) break;
    }
    if (!plan.every((_, k) => expectedWarm(k).every((c) => warmedUp[k].has(c))))
      throw new Error('subscriptions never became live');

    const count = Math.round(rate * durationS);
    log(`${count} changes at ${rate}/s over ${durationS} s, alternating instances and provinces`);
    const t0 = performance.now() + 50;
    const inFlight: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const code = DEMO_CODES[i % DEMO_CODES.length];
      const change: Change = { code, provinceId: provinceId[code], sentAt: performance.now() };
      changes.push(change);
      inFlight.push(
        register(code, `Sinh hoạt chi đoàn fanout-${run}-${i}`, i).then(
          () => void (change.doneAt = performance.now()),
          (error: unknown) => void (change.error = error instanceof Error ? error.message : String(error)),
        ),
      );
    }
    await Promise.all(inFlight);
    const ok = changes.map((c, i) => [c, i] as const).filter(([c]) => !c.error);
    const expectedFor = (k: number) =>
      ok.filter(([c]) => !plan[k].provinceCode || plan[k].provinceCode === c.code).map(([, i]) => i);
    const expectedTotal = plan.reduce((n, _, k) => n + expectedFor(k).length, 0);
    const expected = plan.map((_, k) => expectedFor(k));
    // Only deliveries of changes that answered count; a change whose answer timed out may still have
    // committed and been announced, which is reported apart.
    const deliveredTotal = () => expected.reduce((n, list, k) => n + list.filter((i) => received[k].has(i)).length, 0);
    const unansweredDelivered = () => received.reduce((n, r) => n + r.size, 0) - deliveredTotal();
    const settleUntil = performance.now() + 30_000;
    while (deliveredTotal() < expectedTotal && performance.now() < settleUntil) await sleep(100);
    const rssAfter = instances.map((i) => i.rssMiB());

    const fromSent: number[] = [];
    const fromCommit: number[] = [];
    let lost = 0;
    plan.forEach((_, k) => {
      for (const i of expected[k]) {
        const at = received[k].get(i);
        if (at === undefined) {
          lost += 1;
          continue;
        }
        fromSent.push(at - changes[i].sentAt);
        fromCommit.push(at - changes[i].doneAt!);
      }
    });
    fromSent.sort((x, y) => x - y);
    fromCommit.sort((x, y) => x - y);
    const r = (x: number) => Math.round(x * 10) / 10;
    const mutation = ok.map(([c]) => c.doneAt! - c.sentAt).sort((x, y) => x - y);
    const result = {
      at: new Date().toISOString(),
      clients,
      central,
      rate,
      durationS,
      changes: count,
      changeErrors: changes.filter((c) => c.error).length,
      firstChangeError: changes.find((c) => c.error)?.error,
      expectedDeliveries: expectedTotal,
      delivered: deliveredTotal(),
      deliveredOfFailedChanges: unansweredDelivered(),
      lost,
      duplicates: anomalies.duplicates,
      crossProvince: anomalies.crossProvince,
      subscriptionErrors: anomalies.errors.length,
      latencyFromRequestMs: {
        p50: r(percentile(fromSent, 50)),
        p99: r(percentile(fromSent, 99)),
        max: r(fromSent.at(-1) ?? NaN),
      },
      latencyAfterResponseMs: { p50: r(percentile(fromCommit, 50)), p99: r(percentile(fromCommit, 99)) },
      mutationMs: { p50: r(percentile(mutation, 50)), p99: r(percentile(mutation, 99)) },
      connectMs,
      rssMiB: { before: rssBefore, after: rssAfter },
    };
    console.table({
      'latency from request sent (ms)': result.latencyFromRequestMs,
      'after the mutation answered (ms)': result.latencyAfterResponseMs,
      'createTrip round trip (ms)': result.mutationMs,
    });
    log(
      `changes ${count} (errors ${result.changeErrors}), deliveries ${result.delivered}/${expectedTotal} ` +
        `(and ${result.deliveredOfFailedChanges} of changes that failed or timed out), ` +
        `lost ${lost}, duplicates ${result.duplicates}, across provinces ${result.crossProvince}, ` +
        `subscription errors ${result.subscriptionErrors}; API RSS MiB ${rssBefore.join('/')} -> ${rssAfter.join('/')}`,
    );
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `fanout-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
    for (const s of subscribers) void s.client.dispose();
    if (lost || result.duplicates || result.crossProvince || result.changeErrors || result.subscriptionErrors)
      process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
