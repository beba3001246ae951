import WebSocket from 'ws';
import { Role } from '../../src/shared/access';
import { fixedClock } from '../../src/shared/clock';
import { startTestProduct, type TestProduct } from '../harness';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../factories';
import { VIETNAMESE, codeOf, eventually, reasonOf, sleep, wsClient, wsUrlOf, type WsResult } from './support';

const MAX_SUBSCRIPTIONS = 3;
const MAX_SOCKETS = 2;
const TRIP_EVENTS = 'subscription { tripEvents { tripId event } }';

type Outcome = 'ack' | { code: number; reason: string };

const typeOf = (data: WebSocket.RawData): string =>
  (
    JSON.parse(
      (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString(
        'utf8',
      ),
    ) as { type: string }
  ).type;

/** A raw graphql-transport-ws socket: what the server answered to connection_init (ack, or a close). */
class RawSocket {
  readonly socket: WebSocket;
  readonly outcome: Promise<Outcome>;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, token: string | null, init = true) {
    this.socket = new WebSocket(url, 'graphql-transport-ws');
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.outcome = new Promise((resolve) => {
      this.socket.on('message', (data) => {
        if (typeOf(data) === 'connection_ack') resolve('ack');
      });
      void this.closed.then(resolve);
    });
    if (init) {
      this.socket.on('open', () =>
        this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }),
      );
    }
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    await this.closed;
  }
}

describe('WebSocket caps', () => {
  let product: TestProduct;
  let hni: number;
  const sockets: RawSocket[] = [];
  const disposers: Array<() => unknown> = [];
  const open = (token: string | null, init = true): RawSocket => {
    const socket = new RawSocket(wsUrlOf(product), token, init);
    sockets.push(socket);
    return socket;
  };
  const tokenOf = async (role: Role): Promise<string> =>
    product.login((await buildUser(product.owner, { role, provinceId: hni })).username);
  /** A new trip of the province: an event every live trip subscription there receives. */
  const announceTrip = async (): Promise<void> => {
    const unit = await buildUnit(product.owner, { provinceId: hni });
    const cadre = await buildCadre(product.owner, { provinceId: hni });
    const cadreUser = await buildUser(product.owner, { role: Role.CADRE, provinceId: hni });
    await linkUser(product.owner, cadreUser.id, { cadreId: cadre.id });
    const input = {
      kind: 'TOPIC',
      title: 'Nắm tình hình cơ sở',
      leadCadreId: cadre.id,
      destinationIds: [unit.id],
      startDate: '2026-04-14',
      endDate: '2026-04-15',
    };
    await product.ok(
      'mutation ($input: CreateTripInput!) { createTrip(input: $input) { id } }',
      { input },
      await product.login(cadreUser.username),
    );
  };
  /**
   * Announces trips until every subscription has received one: they are live, and a refusal, which the
   * server answers a subscribe with at once, would have arrived before.
   */
  const untilLive = async (results: WsResult[]): Promise<boolean> => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await announceTrip();
      if (await eventually(() => results.every((r) => r.data.length > 0), 1000)) return true;
    }
    return false;
  };

  beforeAll(async () => {
    product = await startTestProduct({
      clock: fixedClock('2026-03-01'),
      env: { MAX_SUBSCRIPTIONS_PER_SOCKET: String(MAX_SUBSCRIPTIONS), MAX_SOCKETS_PER_USER: String(MAX_SOCKETS) },
    });
    hni = await provinceIdOf(product.owner, 'HNI');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all(disposers.map((d) => d()));
    await product.stop();
  });

  describe(`at most ${MAX_SUBSCRIPTIONS} active subscriptions a socket`, () => {
    it(`keeps ${MAX_SUBSCRIPTIONS} live subscriptions, refuses one more with a coded Vietnamese error`, async () => {
      const { client, subscribe } = wsClient(product, await tokenOf(Role.STANDING_BOARD));
      disposers.push(() => client.dispose());
      const kept: WsResult[] = Array.from({ length: MAX_SUBSCRIPTIONS }, () => subscribe(TRIP_EVENTS));
      await sleep(500);
      const extra = subscribe(TRIP_EVENTS);
      expect(await eventually(() => extra.errors.length > 0)).toBe(true);
      expect(extra.errors.map(codeOf)).toEqual(['RATE_LIMITED']);
      expect(extra.errors.map(reasonOf)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
      expect((extra.errors[0] as { message: string }).message).toMatch(VIETNAMESE);
      for (const result of kept) expect(result).toEqual({ data: [], errors: [], completed: false });

      // The kept subscriptions are live: each receives the next trip event of the province.
      await announceTrip();
      expect(await eventually(() => kept.every((r) => r.data.length > 0))).toBe(true);
      expect(extra.data).toEqual([]);
    });

    it('counts per socket: a second socket of the same user has its own allowance', async () => {
      const token = await tokenOf(Role.STANDING_BOARD);
      const first = wsClient(product, token);
      const second = wsClient(product, token);
      disposers.push(
        () => first.client.dispose(),
        () => second.client.dispose(),
      );
      const results = [
        ...Array.from({ length: MAX_SUBSCRIPTIONS }, () => first.subscribe(TRIP_EVENTS)),
        ...Array.from({ length: MAX_SUBSCRIPTIONS }, () => second.subscribe(TRIP_EVENTS)),
      ];
      expect(await untilLive(results)).toBe(true);
      expect(results.flatMap((r) => r.errors)).toEqual([]);
    });

    it('frees a place when a subscription completes', async () => {
      const { client, subscribe } = wsClient(product, await tokenOf(Role.STANDING_BOARD));
      disposers.push(() => client.dispose());
      const cancels = Array.from({ length: MAX_SUBSCRIPTIONS }, () =>
        client.subscribe({ query: TRIP_EVENTS }, { next: () => undefined, error: () => undefined, complete: () => undefined }),
      );
      await sleep(500);
      const full = subscribe(TRIP_EVENTS);
      expect(await eventually(() => full.errors.length > 0)).toBe(true);
      expect(full.errors.map(reasonOf)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);

      cancels[0]();
      await sleep(300);
      const replacement = subscribe(TRIP_EVENTS);
      const live = await untilLive([replacement]);
      expect(replacement.errors).toEqual([]);
      expect(live).toBe(true);
    });
  });

  describe(`at most ${MAX_SOCKETS} open sockets a user`, () => {
    it(`acknowledges ${MAX_SOCKETS} sockets, closes the next with 4429 and a Vietnamese reason, and accepts again after one closes`, async () => {
      const token = await tokenOf(Role.STANDING_BOARD);
      const held = Array.from({ length: MAX_SOCKETS }, () => open(token));
      expect(await Promise.all(held.map((s) => s.outcome))).toEqual(Array(MAX_SOCKETS).fill('ack'));

      const refused = await open(token).outcome;
      expect(refused).toEqual({ code: 4429, reason: expect.stringMatching(VIETNAMESE) as unknown });

      // Another user is not affected.
      expect(await open(await tokenOf(Role.STANDING_BOARD)).outcome).toBe('ack');

      await held[0].close();
      await sleep(200);
      expect(await open(token).outcome).toBe('ack');
    });

    it('does not count anonymous sockets against anyone', async () => {
      const outcomes = await Promise.all(Array.from({ length: MAX_SOCKETS + 1 }, () => open(null).outcome));
      expect(outcomes).toEqual(Array(MAX_SOCKETS + 1).fill('ack'));
    });
  });

  describe('the graphql-transport-ws handshake', () => {
    const subscribeMessage = { id: '1', type: 'subscribe', payload: { query: TRIP_EVENTS } };

    it('closes with 4401 a socket that subscribes without connection_init', async () => {
      const socket = open(null, false);
      socket.socket.on('open', () => socket.send(subscribeMessage));
      expect(await socket.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
    });

    it('closes with 4401 a socket that subscribes before the server acknowledged it', async () => {
      const token = await tokenOf(Role.STANDING_BOARD);
      const socket = open(null, false);
      const received: string[] = [];
      socket.socket.on('message', (data) => received.push(typeOf(data)));
      socket.socket.on('open', () => {
        socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
        socket.send(subscribeMessage);
      });
      expect((await socket.closed).code).toBe(4401);
      expect(received).not.toContain('next');
    });

    it('closes with 4408 a socket that never sends connection_init', async () => {
      const socket = open(null, false);
      expect((await socket.closed).code).toBe(4408);
    }, 15_000);
  });
});
