import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadEnv, type Env } from '../src/env';
import { appDataSource, directAppUrl } from '../src/db/database';
import { systemClock, type Clock } from '../src/shared/clock';
import { logger } from '../src/shared/logger';
import type { AppDeps } from '../src/context';
import { cloneTemplate, dropDatabase, testDbConfig } from './database';
import { createServer } from '../src/server';
import type { JobQueue } from '../src/modules/notifications/notification.jobs';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

export interface TestProduct {
  url: string;
  deps: AppDeps;
  /** The job queue, when started (`jobQueue: true`). */
  jobs: JobQueue | null;
  /** The database owner's connection, for factories and for looking behind the API. */
  owner: Client;
  ownerUrl: string;
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;
  login: (username: string, password?: string) => Promise<string>;
  /** Every SQL statement the API has sent, in order (tests may clear it). */
  statements: string[];
  stop: () => Promise<void>;
}

export const TEST_PASSWORD = 'test-password-123';
/** One signing key for every instance, as a deployment of several instances sets JWT_SECRET. */
export const TEST_JWT_SECRET = 'test-signing-key-for-every-instance-0001';

/** The API on a loopback port against a database of its own, cloned from the migrated template. */
export async function startTestProduct(
  options: {
    poolSize?: number;
    env?: Partial<Record<keyof Env, string>>;
    clock?: Clock;
    /** Another instance on this product's database (scale-out tests); it leaves the database in place. */
    sameDatabaseAs?: TestProduct;
    /** The API pool's server when not the database's own, e.g. a transaction-mode pooler in front of it. */
    appServerUrl?: string;
    /** Start the job queue (pg-boss: the daily schedule and its worker) as a deployed instance does. */
    jobQueue?: boolean;
  } = {},
): Promise<TestProduct> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_URL is not set: run through jest (global setup)');
  const dbName = `coso_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const ownerUrl = options.sameDatabaseAs?.ownerUrl ?? (await cloneTemplate(adminUrl, dbName));
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', DATABASE_URL: ownerUrl, JWT_SECRET: TEST_JWT_SECRET, ...options.env });
  const config = { ...testDbConfig(ownerUrl, options.poolSize ?? 4), appServerUrl: options.appServerUrl };
  const statements: string[] = [];
  const dataSource = await appDataSource(config, logger, (sql) => statements.push(sql)).initialize();
  const {
    deps,
    http,
    jobs,
    stop: stopServer,
  } = await createServer(env, dataSource, options.clock ?? systemClock, {
    eventBusUrl: directAppUrl(config),
    jobQueueUrl: directAppUrl(config),
    startJobs: options.jobQueue === true,
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();

  const gql: TestProduct['gql'] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse;
    return { status: res.status, data: body.data as never, errors: body.errors };
  };
  const ok: TestProduct['ok'] = async (query, variables, token) => {
    const res = await gql(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as never;
  };
  const login = async (username: string, password = TEST_PASSWORD): Promise<string> => {
    const data = await ok<{ login: { token: string } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    return data.login.token;
  };

  return {
    url,
    deps,
    jobs,
    owner,
    ownerUrl,
    gql,
    ok,
    login,
    statements,
    stop: async () => {
      await owner.end();
      await stopServer();
      await dataSource.destroy();
      if (!options.sameDatabaseAs) await dropDatabase(adminUrl, dbName);
    },
  };
}
