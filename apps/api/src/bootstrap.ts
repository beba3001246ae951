import path from 'node:path';
import type { Env } from './env';
import type { AppDeps } from './context';
import { appDataSource, directAppUrl, ensureDatabase, migrate, type DatabaseConfig } from './db/database';
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

/** The database a product runs on, made ready once per start (by the primary when there are workers). */
export interface PreparedDatabase {
  /** The owner's connection string (migrations); workers derive the API role's connection from it. */
  ownerUrl: string;
  stop: () => Promise<void>;
}

/** Database reachable (the embedded cluster started when there is no DATABASE_URL), migrated, demo data loaded when asked. */
export async function prepareDatabase(env: Env): Promise<PreparedDatabase> {
  const { ownerUrl, embedded } = await resolveOwnerUrl(env);
  try {
    const config = databaseConfig(env, ownerUrl);
    await migrate(config, logger);
    if (env.SEED_DEMO === '1') await seedDemo(config, env.DEMO_PASSWORD, logger);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  return { ownerUrl, stop: async () => embedded?.stop() };
}

/** The API and the web app listening, on a database already prepared. */
export async function serve(env: Env, ownerUrl: string): Promise<RunningProduct> {
  const config = databaseConfig(env, ownerUrl);
  const dataSource = await appDataSource(config, logger).initialize();
  try {
    const { deps, http, stop } = await createServer(env, dataSource, systemClock, {
      eventBusUrl: directAppUrl(config),
      jobQueueUrl: directAppUrl(config),
    });
    const port = await http.listen(env.PORT, env.HOST);
    return {
      url: productUrl(env, port),
      port,
      deps,
      stop: async () => {
        await stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

export const productUrl = (env: Pick<Env, 'HOST'>, port: number): string =>
  `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;

/** Database ready, migrations applied, demo data loaded on an empty database, API and web app listening. */
export async function startProduct(env: Env): Promise<RunningProduct> {
  const database = await prepareDatabase(env);
  try {
    const product = await serve(env, database.ownerUrl);
    return {
      ...product,
      stop: async () => {
        await product.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
}
