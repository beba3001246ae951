import { Client, Pool } from 'pg';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { migrations } from './migrations';
import { entities } from './entities';
import { QueryLogger } from './query-logger';
import { installJobQueue } from '../modules/notifications/notification.jobs';

export interface DatabaseConfig {
  /** Owner connection: runs migrations; tables belong to this role. */
  ownerUrl: string;
  appUser: string;
  appPassword: string;
  /**
   * The API pool's server when it is not the owner's: a transaction-mode pooler. Its database name is
   * replaced by the owner's. Poolers refuse session startup parameters, so the timeouts then come from
   * the role's defaults in the database (set at migration).
   */
  appServerUrl?: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/** Creates `name` on the server behind `adminUrl` when missing; returns its connection string. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function ownerDataSource(config: DatabaseConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.ownerUrl,
    migrations,
    migrationsTableName: 'migrations',
    logging: false,
    extra: { max: 2, connectionTimeoutMillis: config.connectTimeoutMs },
  });
}

/** Runs pending migrations as the owner, then makes sure the API's login role exists and is weak. */
export async function migrate(config: DatabaseConfig, log: Logger): Promise<void> {
  const owner = ownerDataSource(config);
  await owner.initialize();
  try {
    // Serialise concurrent starters (several API instances): one migrates, the others wait.
    await owner.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(1764300000)');
    });
    const ran = await owner.runMigrations({ transaction: 'each' });
    if (ran.length > 0) log.info({ migrations: ran.map((m) => m.name) }, 'Migrations applied');
    // The job queue's own schema (pg-boss), created or migrated by the owner; the API role only works it.
    await installJobQueue(config.ownerUrl);
    await ensureAppRole(owner, config.appUser, config.appPassword, log);
    await setRoleTimeouts(owner, config, log);
  } finally {
    await owner.destroy();
  }
}

async function ensureAppRole(owner: DataSource, user: string, password: string, log: Logger): Promise<void> {
  const quotedPassword = `'${password.replace(/'/g, "''")}'`;
  const found: Array<{ rolsuper: boolean; rolbypassrls: boolean }> = await owner.query(
    'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
    [user],
  );
  if (found.length === 0) {
    await owner.query(`CREATE ROLE "${user}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${quotedPassword}`);
  } else {
    await owner.query(`ALTER ROLE "${user}" LOGIN PASSWORD ${quotedPassword}`).catch((error: unknown) => {
      // A production owner may not manage the login role's password; the operator does (infra/db/roles.sql).
      log.warn({ err: error, user }, 'Could not set the API role password; using it as it is');
    });
    // The API role must never be able to step around row-level security.
    if (found[0].rolsuper || found[0].rolbypassrls) {
      throw new Error(`Role ${user} is superuser or BYPASSRLS: the API refuses to run as it`);
    }
  }
  const member: unknown[] = await owner.query(`SELECT 1 WHERE pg_has_role($1, 'coso_api', 'MEMBER')`, [user]);
  if (member.length === 0) await owner.query(`GRANT coso_api TO "${user}"`);
}

/**
 * The API role's timeouts as defaults in this database, so they hold however it connects (a pooler
 * passes no startup parameters). Best effort: a production owner may leave this to infra/db/roles.sql.
 */
async function setRoleTimeouts(owner: DataSource, config: DatabaseConfig, log: Logger): Promise<void> {
  const [{ db }]: Array<{ db: string }> = await owner.query('SELECT current_database() AS db');
  const role = `"${config.appUser}" IN DATABASE "${db.replace(/"/g, '""')}"`;
  try {
    await owner.query(`ALTER ROLE ${role} SET statement_timeout = ${Math.trunc(config.statementTimeoutMs)}`);
    await owner.query(
      `ALTER ROLE ${role} SET idle_in_transaction_session_timeout = ${Math.trunc(config.statementTimeoutMs * 2)}`,
    );
  } catch (error) {
    log.warn({ err: error, user: config.appUser }, 'Could not set the API role timeouts; set them in infra/db/roles.sql');
  }
}

export function appUrl(config: DatabaseConfig): string {
  const url = new URL(config.appServerUrl ?? config.ownerUrl);
  url.pathname = new URL(config.ownerUrl).pathname;
  url.username = config.appUser;
  url.password = config.appPassword;
  return url.toString();
}

/** The API role's own session on the database server itself, bypassing any pooler (LISTEN needs a session). */
export function directAppUrl(config: DatabaseConfig): string {
  return appUrl({ ...config, appServerUrl: undefined });
}

/** The API's own connection pool, as the weak role. */
export function appDataSource(config: DatabaseConfig, log: Logger, onQuery?: (sql: string) => void): DataSource {
  return new DataSource({
    type: 'postgres',
    url: appUrl(config),
    entities,
    logging: ['query', 'error', 'warn'],
    logger: new QueryLogger(log, onQuery),
    maxQueryExecutionTime: 1000,
    poolErrorHandler: (error: Error) => log.warn({ err: error }, 'Database pool error'),
    extra: {
      max: config.poolSize,
      connectionTimeoutMillis: config.connectTimeoutMs,
      ...(config.appServerUrl
        ? {}
        : { statement_timeout: config.statementTimeoutMs, idle_in_transaction_session_timeout: config.statementTimeoutMs * 2 }),
      application_name: 'coso-api',
    },
  });
}

export interface ReadinessProbe {
  /** Migrations not yet applied; throws when the database cannot be reached. */
  pendingMigrations: () => Promise<number>;
  close: () => Promise<void>;
}

/**
 * `/readyz`'s own connection, beside the request pool: a pool full of busy requests is a busy instance,
 * not an unreachable database, and must not take every instance out of the load balancer at once.
 */
export function readinessProbe(ds: DataSource): ReadinessProbe {
  const options = ds.options as PostgresDataSourceOptions;
  const extra = (options.extra ?? {}) as { connectionTimeoutMillis?: number };
  const pool = new Pool({
    connectionString: options.url,
    max: 1,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: extra.connectionTimeoutMillis ?? 3000,
    query_timeout: extra.connectionTimeoutMillis ?? 3000,
    application_name: 'coso-api-readiness',
  });
  pool.on('error', () => undefined); // a dropped idle connection is replaced at the next probe
  return {
    pendingMigrations: async () => {
      const { rows } = await pool.query<{ count: string }>('SELECT count(*)::text AS count FROM migrations');
      return migrations.length - Number(rows[0]?.count ?? 0);
    },
    close: () => pool.end(),
  };
}
