import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The product exited early (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The product did not become ready in time:\n${output()}`);
}

/**
 * The whole product as a user gets it: the built API serving the built web app, on a loopback port,
 * with demo data in a database of its own (a fresh embedded cluster, or a fresh database on
 * TEST_DATABASE_URL's server).
 */
export async function startProduct(
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const main = path.join(repoRoot, 'apps/api/dist/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('Build the product first (pnpm build): apps/api/dist and apps/web/dist are needed.');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-browser-'));
  fs.chmodSync(dataDir, 0o755);
  // Started as `pnpm start` starts it: no allowed origins, host or mode of the tests' own; only a free
  // port and a fresh data folder (and its embedded cluster's port) so runs do not collide.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SEED_DEMO: '1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  for (const name of ['NODE_ENV', 'HOST', 'ALLOWED_ORIGINS', 'TRUST_PROXY', 'REDIS_URL', 'DATABASE_URL']) delete env[name];
  // A test's own settings win (e.g. WEB_DIST: a copy of the build that it alters).
  Object.assign(env, options.env);
  if (process.env.TEST_DATABASE_URL) {
    const dbUrl = new URL(process.env.TEST_DATABASE_URL);
    dbUrl.pathname = `/coso_browser_${port}`;
    env.DATABASE_URL = dbUrl.toString();
    await createDatabase(process.env.TEST_DATABASE_URL, `coso_browser_${port}`);
  }
  let output = '';
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  // A product that dies during a test says why, instead of leaving only refused connections.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`The product exited (${code ?? signal}) during the tests:\n${output.slice(-4000)}\n`);
  });
  try {
    await waitForReady(url, child, () => output);
  } catch (error) {
    stopping = true;
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
