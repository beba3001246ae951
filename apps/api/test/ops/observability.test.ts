import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { loadEnv } from '../../src/env';
import { appDataSource } from '../../src/db/database';
import { createServer, type Server } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { fixedClock } from '../../src/shared/clock';
import { Role } from '../../src/shared/access';
import { cloneTemplate, dropDatabase, testDbConfig } from '../database';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../factories';
import { TEST_PASSWORD } from '../harness';
import { sample, sleep } from './support';

type LogLine = Record<string, any>;

interface Running {
  url: string;
  server: Server;
  lines: LogLine[];
  raw: string[];
  stop: () => Promise<void>;
}

const METRICS_TOKEN = 'metrics-token-for-tests-0001';

/** The API on a loopback port with its log written to a stream this test reads. */
async function start(ownerUrl: string, env: Record<string, string> = {}): Promise<Running> {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const destination = {
    write(chunk: string) {
      raw.push(chunk);
      lines.push(JSON.parse(chunk) as LogLine);
    },
  };
  const log = pino({ level: 'info' }, destination);
  const config = testDbConfig(ownerUrl, 3);
  const dataSource = await appDataSource(config, logger).initialize();
  const server = await createServer(
    loadEnv({ ...process.env, NODE_ENV: 'test', DATABASE_URL: ownerUrl, ...env }),
    dataSource,
    fixedClock('2026-03-01'),
    {
      logger: log,
    },
  );
  const port = await server.http.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    lines,
    raw,
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

describe('observability: one log line per operation, Prometheus metrics', () => {
  const adminUrl = process.env.TEST_ADMIN_URL ?? '';
  const dbName = `coso_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let owner: Client;
  let api: Running;
  let ldg: number;
  let board: { id: string; username: string };
  let boardToken: string;

  const gql = async (
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; requestId: string | null; body: any }> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, requestId: res.headers.get('x-request-id'), body: await res.json() };
  };
  const scrape = async (headers: Record<string, string> = {}): Promise<string> => {
    const res = await fetch(`${api.url}/metrics`, { headers });
    expect(res.status).toBe(200);
    return res.text();
  };
  /** The log line of a request, once the answer has been sent (it is written when the response closes). */
  const lineFor = async (requestId: string): Promise<LogLine> => {
    for (let i = 0; i < 50; i += 1) {
      const line = api.lines.find((l) => l.msg === 'graphql operation' && l.requestId === requestId);
      if (line) return line;
      await sleep(20);
    }
    throw new Error(`No log line for ${requestId}`);
  };

  beforeAll(async () => {
    const ownerUrl = await cloneTemplate(adminUrl, dbName);
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    api = await start(ownerUrl);
    ldg = await provinceIdOf(owner, 'LDG');
    board = await buildUser(owner, { role: Role.STANDING_BOARD, provinceId: ldg });
    const signedIn = await gql('mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: board.username,
      p: TEST_PASSWORD,
    });
    boardToken = signedIn.body.data.login.token as string;
  });
  afterAll(async () => {
    await api?.stop();
    await owner?.end();
    await dropDatabase(adminUrl, dbName);
  });

  it('logs who asked, what, how long and which error codes, under the caller’s request id', async () => {
    const ok = await gql('query Who { me { id } }', undefined, {
      authorization: `Bearer ${boardToken}`,
      'x-request-id': 'req-from-gateway-42',
    });
    expect(ok.status).toBe(200);
    expect(ok.requestId).toBe('req-from-gateway-42');
    const line = await lineFor('req-from-gateway-42');
    expect(line).toMatchObject({
      level: 30,
      msg: 'graphql operation',
      transport: 'http',
      operationName: 'Who',
      operationType: 'query',
      userId: board.id,
      role: Role.STANDING_BOARD,
      provinceId: ldg,
      status: 200,
      errorCodes: [],
    });
    // Lâm Đồng reads its predecessors' history too.
    expect(line.provinces).toEqual(expect.arrayContaining([ldg]));
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs).toBeGreaterThan(0);

    const refused = await gql('query Who { me { id } }');
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineFor(refused.requestId ?? '')).toMatchObject({
      operationName: 'Who',
      userId: null,
      errorCodes: ['UNAUTHENTICATED'],
    });

    // A request id that is not a plain token is replaced, not echoed into the log.
    const odd = await gql('{ me { id } }', undefined, { 'x-request-id': 'not a plain token <script>' });
    expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineFor(odd.requestId ?? '')).toMatchObject({ operationName: null, operationType: 'query' });
  });

  it('logs a request turned away before GraphQL, with its code', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'too-large-1' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(300_000) }),
    });
    expect(res.status).toBe(413);
    expect(await lineFor('too-large-1')).toMatchObject({
      status: 413,
      errorCodes: ['PAYLOAD_TOO_LARGE'],
      operationType: 'unknown',
    });
  });

  it('never writes a password, a token or variables', async () => {
    const wrong = await gql('mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: board.username,
      p: 'sai-mat-khau-bi-mat',
    });
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await lineFor(wrong.requestId ?? '')).toMatchObject({
      operationName: 'SignIn',
      operationType: 'mutation',
      errorCodes: ['UNAUTHENTICATED'],
    });
    const everything = api.raw.join('');
    expect(everything).not.toContain('sai-mat-khau-bi-mat');
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain(boardToken);
    expect(everything).not.toContain(boardToken.split('.')[2]);
  });

  it('counts operations by name and type, errors by code, with unbounded names collapsed', async () => {
    const before = await scrape();
    const count = (text: string, labels: Record<string, string>) =>
      sample(text, 'graphql_operation_duration_seconds_count', labels) ?? 0;
    await gql('query Who { me { id } }', undefined, { authorization: `Bearer ${boardToken}` });
    await gql('query Who { me { id } }', undefined, { authorization: `Bearer ${boardToken}` });
    await gql('{ me { id } }', undefined, { authorization: `Bearer ${boardToken}` });
    await gql('query Broken { me { ');
    await gql('query Who { me { id } }');
    const after = await scrape();
    expect(count(after, { operation: 'Who', type: 'query' }) - count(before, { operation: 'Who', type: 'query' })).toBe(3);
    expect(
      count(after, { operation: 'anonymous', type: 'query' }) - count(before, { operation: 'anonymous', type: 'query' }),
    ).toBe(1);
    expect(
      count(after, { operation: 'unknown', type: 'unknown' }) - count(before, { operation: 'unknown', type: 'unknown' }),
    ).toBe(1);
    const errors = (text: string, code: string) => sample(text, 'graphql_errors_total', { code }) ?? 0;
    expect(errors(after, 'UNAUTHENTICATED') - errors(before, 'UNAUTHENTICATED')).toBe(1);
    expect(errors(after, 'GRAPHQL_PARSE_FAILED') - errors(before, 'GRAPHQL_PARSE_FAILED')).toBe(1);
    expect(sample(after, 'graphql_operation_duration_seconds_sum', { operation: 'Who', type: 'query' })).toBeGreaterThan(0);
    // The process's own metrics come along.
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    // The pool behind TypeORM: connections were opened and are idle again.
    expect(sample(after, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('logs subscriptions starting and ending, and counts sockets and deliveries', async () => {
    const unit = await buildUnit(owner, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh' });
    const cadre = await buildCadre(owner, { provinceId: ldg });
    const cadreUser = await buildUser(owner, { role: Role.CADRE, provinceId: ldg });
    await linkUser(owner, cadreUser.id, { cadreId: cadre.id });
    const cadreToken = (
      await gql('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: cadreUser.username,
        p: TEST_PASSWORD,
      })
    ).body.data.login.token as string;
    const before = await scrape();

    const events: string[] = [];
    const client = createClient({
      url: `${api.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${boardToken}` },
      retryAttempts: 0,
    });
    const dispose = client.subscribe<{ tripEvents: { tripId: string } }>(
      { query: 'subscription Live { tripEvents { tripId } }' },
      { next: (v) => v.data && events.push(v.data.tripEvents.tripId), error: () => undefined, complete: () => undefined },
    );
    for (let i = 0; i < 100 && !api.lines.some((l) => l.msg === 'graphql subscription started'); i += 1) await sleep(50);
    const started = api.lines.find((l) => l.msg === 'graphql subscription started');
    expect(started).toMatchObject({
      transport: 'ws',
      operationName: 'Live',
      operationType: 'subscription',
      userId: board.id,
      provinceId: ldg,
      errorCodes: [],
    });
    expect(sample(await scrape(), 'ws_open_sockets')).toBe(1);

    const created = await gql(
      'mutation Register($input: CreateTripInput!) { createTrip(input: $input) { id } }',
      {
        input: {
          kind: 'TOPIC',
          title: 'Về Đạ Tẻh',
          leadCadreId: cadre.id,
          destinationIds: [unit.id],
          startDate: '2026-04-06',
          endDate: '2026-04-06',
        },
      },
      { authorization: `Bearer ${cadreToken}` },
    );
    expect(created.body.errors).toBeUndefined();
    for (let i = 0; i < 100 && events.length === 0; i += 1) await sleep(50);
    expect(events).toEqual([created.body.data.createTrip.id]);
    const during = await scrape();
    const delivered = (text: string) => sample(text, 'subscription_deliveries_total', { operation: 'Live' }) ?? 0;
    expect(delivered(during) - delivered(before)).toBe(1);

    dispose();
    await client.dispose();
    for (let i = 0; i < 100 && !api.lines.some((l) => l.msg === 'graphql subscription ended'); i += 1) await sleep(50);
    expect(api.lines.find((l) => l.msg === 'graphql subscription ended')).toMatchObject({
      requestId: started?.requestId,
      subscriptionId: started?.subscriptionId,
      operationName: 'Live',
      userId: board.id,
      deliveries: 1,
    });
    for (let i = 0; i < 100 && sample(await scrape(), 'ws_open_sockets') !== 0; i += 1) await sleep(50);
    expect(sample(await scrape(), 'ws_open_sockets')).toBe(0);
  });

  it('keeps client-chosen operation names to a bounded set of series', async () => {
    for (let i = 0; i < 120; i += 1) await gql(`query Name${i} { __typename }`);
    const flooded = await scrape();
    const series = flooded.split('\n').filter((l) => l.startsWith('graphql_operation_duration_seconds_count{'));
    expect(series.length).toBeGreaterThan(90);
    expect(series.length).toBeLessThanOrEqual(105);
    expect(sample(flooded, 'graphql_operation_duration_seconds_count', { operation: 'other', type: 'query' })).toBeGreaterThan(0);
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await start(
      (() => {
        const url = new URL(adminUrl);
        url.pathname = `/${dbName}`;
        return url.toString();
      })(),
      { METRICS_TOKEN },
    );
    try {
      const none = await fetch(`${guarded.url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('graphql_operation_duration_seconds');
    } finally {
      await guarded.stop();
    }
  });
});
