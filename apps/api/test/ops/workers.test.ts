import http from 'node:http';
import { Client } from 'pg';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { TokenService } from '../../src/modules/accounts/auth.service';
import { Role } from '../../src/shared/access';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../factories';
import { PrivatePostgres, sleep, spawnApi, type ApiProcess } from './support';

/**
 * The built API as `pnpm start` runs it on a machine with several cores: API_WORKERS processes on one
 * port, and no Redis. Requests are spread over the workers one connection at a time, so a test that
 * opens a fresh connection per request reaches every worker.
 */
const JWT_SECRET = 'workers-test-secret-0123456789abcdef';
const report = (line: string) => process.stdout.write(`[workers] ${line}\n`);

/** One GraphQL request on a connection of its own (no keep-alive): the next one may reach another worker. */
function postFresh(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string,
): Promise<{ status: number; json: { data?: any; errors?: Array<{ extensions?: { code?: string } }> } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          connection: 'close',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as never }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('several API workers on one port, without Redis', () => {
  let pg: PrivatePostgres;
  let owner: Client;
  let api: ApiProcess;
  let cadreToken: string;
  let boardToken: string;
  let cadreId: string;
  let unitId: string;
  let ownerUrl: string;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    ownerUrl = await pg.createDatabase('coso');
    api = await spawnApi({ DATABASE_URL: ownerUrl, JWT_SECRET, API_WORKERS: '2' });
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    const ldg = await provinceIdOf(owner, 'LDG');
    const tokens = new TokenService(JWT_SECRET, '1h');
    boardToken = await tokens.sign((await buildUser(owner, { role: Role.STANDING_BOARD, provinceId: ldg })).id);
    unitId = (await buildUnit(owner, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh' })).id;
    cadreId = (await buildCadre(owner, { provinceId: ldg })).id;
    const cadreUser = await buildUser(owner, { role: Role.CADRE, provinceId: ldg, username: 'canbo.workers' });
    await linkUser(owner, cadreUser.id, { cadreId });
    cadreToken = await tokens.sign(cadreUser.id);
  }, 120_000);

  afterAll(async () => {
    await owner?.end().catch(() => undefined);
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await pg?.destroy();
  });

  it('serves from as many processes as API_WORKERS', async () => {
    // Each worker keeps one session of its own for the event bus (opened once the worker is listening).
    const sessions = async () =>
      (
        await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'coso-api-events'`,
        )
      ).rows[0]?.n;
    for (let i = 0; i < 100 && (await sessions()) !== 2; i += 1) await sleep(50);
    expect(await sessions()).toBe(2);
  });

  it('delivers every event to a subscriber whichever worker the change was made on', async () => {
    const events: string[] = [];
    const client = createClient({
      url: `${api.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${boardToken}` },
    });
    const dispose = client.subscribe<{ tripEvents: { title: string } }>(
      { query: 'subscription { tripEvents { title } }' },
      { next: (v) => v.data && events.push(v.data.tripEvents.title), error: () => undefined, complete: () => undefined },
    );
    // The subscription is live once a first event comes through (it registers asynchronously).
    const register = (title: string) =>
      postFresh(
        api.url,
        {
          query: 'mutation ($input: CreateTripInput!) { createTrip(input: $input) { id } }',
          variables: {
            input: {
              kind: 'TOPIC',
              title,
              leadCadreId: cadreId,
              destinationIds: [unitId],
              startDate: '2027-04-06',
              endDate: '2027-04-06',
            },
          },
        },
        cadreToken,
      );
    for (let i = 0; events.length === 0 && i < 40; i += 1) {
      await register(`Chuyến khởi động ${i}`);
      await sleep(250);
    }
    expect(events.length).toBeGreaterThan(0);
    const titles = Array.from({ length: 10 }, (_, i) => `Chuyến đi số ${i + 1}`);
    const started = Date.now();
    for (const title of titles) expect((await register(title)).status).toBe(200);
    while (Date.now() - started < 10_000 && !titles.every((t) => events.includes(t))) await sleep(50);
    report(
      `10 trips on fresh connections over 2 workers: ${titles.filter((t) => events.includes(t)).length} heard in ${Date.now() - started} ms`,
    );
    expect(titles.filter((t) => !events.includes(t))).toEqual([]);
    dispose();
    await client.dispose();
  });

  it('counts failed sign-ins together across workers', async () => {
    const attempt = () =>
      postFresh(api.url, {
        query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: 'canbo.workers', p: 'not-the-password' },
      });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 7; i += 1) codes.push((await attempt()).json.errors?.[0]?.extensions?.code);
    report(`7 wrong passwords on fresh connections: ${codes.join(', ')}`);
    // 5 free failures for one address and name, whichever worker counted them; then a wait.
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).not.toContain('UNAUTHENTICATED');
  });

  it('answers /metrics for the whole instance, whichever worker the scrape reaches', async () => {
    for (let i = 0; i < 10; i += 1)
      expect((await postFresh(api.url, { query: 'query WorkersProbe { __typename }' })).status).toBe(200);
    const scrape = () =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`${api.url}/metrics`, { agent: false, headers: { connection: 'close' } }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
    const probes = (text: string) =>
      Number(/^graphql_operation_duration_seconds_count\{operation="WorkersProbe",type="query"\} (\d+)$/m.exec(text)?.[1]);
    const seen: number[] = [];
    // Fresh connections alternate between the two workers: each scrape is answered by one of them.
    for (let i = 0; i < 4; i += 1) seen.push(probes(await scrape()));
    report(`probe operations counted by 4 scrapes: ${seen.join(', ')}`);
    expect(seen).toEqual([10, 10, 10, 10]);
  });

  it('on SIGTERM lets every worker finish its requests, turns new ones away with 503, and exits 0', async () => {
    // Requests held in flight by a lock on the accounts, one connection each: spread over both workers.
    const locker = new Client({ connectionString: ownerUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 4 }, () => postFresh(api.url, { query: '{ me { id } }' }, boardToken));
    await sleep(500);
    api.child.kill('SIGTERM');
    await sleep(500);
    const late = await postFresh(api.url, { query: '{ me { id } }' }, boardToken);
    await locker.query('COMMIT');
    await locker.end();
    const answers = await Promise.all(inFlight);
    const exit = await api.exited;
    report(`SIGTERM: in flight ${answers.map((a) => a.status).join(', ')}; arriving after: ${late.status}; exit ${exit.code}`);
    expect(late.status).toBe(503);
    expect(late.json.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(exit).toEqual({ code: 0, signal: null });
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'coso-api%'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
