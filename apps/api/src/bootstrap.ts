import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Env } from './env';
import type { AppDeps } from './context';
import { appDataSource, ensureDatabase, migrate, type DatabaseConfig } from './db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { systemClock } from './shared/clock';
import { logger } from './shared/logger';
import { seedDemo } from './seed/demo';
import { createServer } from './server';

export interface RunningProduct {
  url: string;
  port: number;
  deps: AppDeps;
  stop: () => Promise<void>;
}

export function databaseConfig(env: Env, ownerUrl: string): DatabaseConfig {
  return {
    ownerUrl,
    appUser: env.APP_DB_USER,
    appPassword: env.APP_DB_PASSWORD,
    appServerUrl: env.APP_DATABASE_URL,
    poolSize: env.DB_POOL_SIZE,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  };
}

/** The owner connection: DATABASE_URL, or the embedded cluster's `coso` database. */
async function resolveOwnerUrl(env: Env): Promise<{ ownerUrl: string; embedded?: EmbeddedDatabase }> {
  if (env.DATABASE_URL) return { ownerUrl: env.DATABASE_URL };
  const embedded = await startEmbeddedPostgres(path.join(env.DATA_DIR, 'postgres'), env.EMBEDDED_PG_PORT, logger);
  return { ownerUrl: await ensureDatabase(embedded.adminUrl, 'coso'), embedded };
}

/** Database ready, migrations applied, demo data loaded when asked, API and web app listening. */
export async function startProduct(env: Env): Promise<RunningProduct> {
  const { ownerUrl, embedded } = await resolveOwnerUrl(env);
  const config = databaseConfig(env, ownerUrl);
  let dataSource: DataSource | undefined;
  try {
    await migrate(config, logger);
    if (env.SEED_DEMO === '1') await seedDemo(config, env.DEMO_PASSWORD, logger);
    dataSource = await appDataSource(config, logger).initialize();
    const { deps, http, stop } = await createServer(env, dataSource, systemClock);
    const port = await http.listen(env.PORT, env.HOST);
    const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
    const ds = dataSource;
    return {
      url,
      port,
      deps,
      stop: async () => {
        await stop();
        await ds.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
