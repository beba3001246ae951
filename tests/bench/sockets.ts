/**
 * Memory of idle live connections: one API instance, then 1,000 graphql-ws sockets, each signed in
 * and holding one trip-events subscription, none receiving anything. Reports the API process's memory
 * (heap used, RSS) before and after, each read right after a full garbage collection through the
 * Node.js inspector (the API runs with --inspect on a loopback port here), and the difference per socket.
 *
 *   pnpm build                                            # the benchmark runs the built API
 *   pnpm --filter @coso/tests exec tsx bench/sockets.ts   # or: cd tests && pnpm bench:sockets
 *
 * Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_SOCKETS_DB
 * (coso_sockets, dropped and re-created), SOCKETS (1000), SOCKETS_PER_USER (10, the API's
 * MAX_SOCKETS_PER_USER default, so SOCKETS / 10 accounts sign in). Loopback only, bounded waits.
 * Writes tests/bench/results/sockets-<time>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../support/server';
import { sleep } from './lib';
import { DEMO_CODES, createUsers, log, login, pooled, recreate, startInstance, subscribe } from './fanout';

interface Memory {
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
}

/**
 * The API process's own view of its memory, right after a full garbage collection, through the
 * Node.js inspector (the API is started with --inspect on a loopback port for this benchmark only).
 */
async function inspector(port: number): Promise<{ measure: () => Promise<Memory>; close: () => void }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const onMessage = (raw: Buffer) => {
        const message = JSON.parse(raw.toString('utf8')) as { id?: number; result?: unknown; error?: unknown };
        if (message.id !== id) return;
        ws.off('message', onMessage);
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  return {
    measure: async () => {
      await call('HeapProfiler.collectGarbage');
      const result = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      const usage = JSON.parse(result.result.value as string) as { rss: number; heapUsed: number; external: number };
      return { rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external) };
    },
    close: () => ws.close(),
  };
}

async function main(): Promise<void> {
  const sockets = Number(process.env.SOCKETS ?? 1000);
  const perUser = Number(process.env.SOCKETS_PER_USER ?? 10);
  const users = Math.ceil(sockets / perUser);

  const ownerUrl = await recreate(process.env.BENCH_SOCKETS_DB ?? 'coso_sockets');
  log('database re-created; starting one API instance (migrations, demo data)');
  const inspectPort = await freePort();
  const api = await startInstance(ownerUrl, { SEED_DEMO: '1' }, [`--inspect=127.0.0.1:${inspectPort}`]);
  const memory = await inspector(inspectPort);
  try {
    const plan = Array.from({ length: users }, (_, i) => {
      const code = DEMO_CODES[i % DEMO_CODES.length];
      return { username: `idle.${code.toLowerCase()}.${i}`, role: 'CADRE', provinceCode: code };
    });
    await createUsers(ownerUrl, plan);
    const tokens = await pooled(plan, 4, (u) => login(api.url, u.username));
    log(`${users} accounts signed in`);

    await sleep(3000);
    const before = await memory.measure();
    const errors: string[] = [];
    const opened = await pooled(
      Array.from({ length: sockets }, (_, i) => i),
      50,
      async (i) => {
        const s = subscribe(
          api.url,
          tokens[i % users],
          'subscription { tripEvents { tripId } }',
          () => undefined,
          (e) => errors.push(JSON.stringify(e).slice(0, 200)),
        );
        if (!(await Promise.race([s.acked, sleep(30_000).then(() => false)]))) errors.push(`socket ${i} not acknowledged`);
        return s;
      },
    );
    log(`${sockets} sockets open; letting the API settle`);
    await sleep(5000);
    const after = await memory.measure();
    const perSocket = (key: keyof Memory) => Math.round(((after[key] - before[key]) * 1024) / sockets);
    const result = {
      at: new Date().toISOString(),
      sockets,
      accounts: users,
      subscriptionErrors: errors.length,
      firstError: errors[0],
      before,
      after,
      perSocketKiB: { rss: perSocket('rssMiB'), heapUsed: perSocket('heapUsedMiB'), external: perSocket('externalMiB') },
    };
    console.table({ 'idle, signed-in accounts': before, [`${sockets} sockets, one subscription each`]: after });
    log(
      `per socket: heap ${result.perSocketKiB.heapUsed} KiB, RSS ${result.perSocketKiB.rss} KiB ` +
        `(after a full GC; subscription errors: ${errors.length})`,
    );
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `sockets-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
    for (const s of opened) void s.client.dispose();
    if (errors.length) process.exitCode = 1;
  } finally {
    memory.close();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
