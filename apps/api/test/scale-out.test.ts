import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { Role } from '../src/shared/access';
import { fixedClock } from '../src/shared/clock';
import { startTestProduct, type TestProduct } from './harness';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from './factories';
import { REDIS_URL, redisAvailable } from './redis';

/**
 * Two API instances on one database: an event made through one reaches the other's subscribers of that
 * province, and never another province's; through Redis when REDIS_URL is set, else through PostgreSQL's
 * LISTEN/NOTIFY. The Redis case needs Redis (CI has it; on a machine without Redis it says so and stops,
 * unless CI is set, where it fails).
 */
describe.each([
  ['Redis', { REDIS_URL }],
  ['PostgreSQL', {}],
])('several API instances share live events through %s', (bus, env: { REDIS_URL?: string }) => {
  let a: TestProduct;
  let b: TestProduct;
  let available = true;

  beforeAll(async () => {
    available = bus === 'PostgreSQL' || (await redisAvailable('the scale-out test'));
    if (!available) return;
    a = await startTestProduct({ env, clock: fixedClock('2026-03-01') });
    b = await startTestProduct({ env, clock: fixedClock('2026-03-01'), sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('delivers a trip registered on instance A to subscribers on instance B of that province only', async () => {
    if (!available) return;
    const ldg = await provinceIdOf(a.owner, 'LDG');
    const hni = await provinceIdOf(a.owner, 'HNI');
    const unit = await buildUnit(a.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh' });
    const cadre = await buildCadre(a.owner, { provinceId: ldg });
    const cadreUser = await buildUser(a.owner, { role: Role.CADRE, provinceId: ldg });
    await linkUser(a.owner, cadreUser.id, { cadreId: cadre.id });
    const boardToken = await b.login((await buildUser(a.owner, { role: Role.STANDING_BOARD, provinceId: ldg })).username);
    const otherToken = await b.login((await buildUser(a.owner, { role: Role.STANDING_BOARD, provinceId: hni })).username);

    const listen = (token: string) => {
      const events: string[] = [];
      const client = createClient({
        url: `${b.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const dispose = client.subscribe<{ tripEvents: { title: string; event: string } }>(
        { query: 'subscription { tripEvents { title event } }' },
        {
          next: (v) => v.data && events.push(`${v.data.tripEvents.event}:${v.data.tripEvents.title}`),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return { events, close: async () => (dispose(), await client.dispose()) };
    };
    const ours = listen(boardToken);
    const theirs = listen(otherToken);
    const cadreToken = await a.login(cadreUser.username);
    const register = (title: string) =>
      a.ok(
        `mutation ($input: CreateTripInput!) { createTrip(input: $input) { id } }`,
        {
          input: {
            kind: 'TOPIC',
            title,
            leadCadreId: cadre.id,
            destinationIds: [unit.id],
            startDate: '2026-04-06',
            endDate: '2026-04-06',
          },
        },
        cadreToken,
      );
    // Subscriptions register asynchronously: register trips until instance B's subscriber hears one.
    const deadline = Date.now() + 10_000;
    for (let i = 0; ours.events.length === 0 && Date.now() < deadline; i += 1) {
      await register(`Chuyến đi số ${i}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(ours.events[0]).toMatch(/^REGISTERED:Chuyến đi số \d+$/);
    await new Promise((r) => setTimeout(r, 500));
    expect(theirs.events).toEqual([]);
    await ours.close();
    await theirs.close();
  });
});
