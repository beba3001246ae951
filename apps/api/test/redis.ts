import { Redis } from 'ioredis';

/** The Redis the multi-instance tests use (CI has one; a newcomer's machine may not). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers. Where it does not, a suite that needs it says so and stops, except under CI,
 * where it must run: there this throws.
 */
export async function redisAvailable(suite: string): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let reachable: boolean;
  try {
    await probe.connect();
    reachable = (await probe.ping()) === 'PONG';
  } catch {
    reachable = false;
  } finally {
    probe.disconnect();
  }
  if (!reachable) {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}`);
    process.stdout.write(`Redis not reachable at ${REDIS_URL}: ${suite} is not run here.\n`);
  }
  return reachable;
}
