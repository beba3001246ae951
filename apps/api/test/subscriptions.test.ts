import WebSocket from 'ws';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { Role } from '../src/shared/access';
import { fixedClock } from '../src/shared/clock';
import { SENTINEL, untilLive } from './sentinel';
import { startTestProduct, type TestProduct } from './harness';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from './factories';

const TRIP_EVENTS = 'subscription { tripEvents { provinceId tripId event state title } }';
const CREATE_TRIP = `mutation ($input: CreateTripInput!) {
  createTrip(input: $input, submit: true) { id provinceId state }
}`;

interface TripEventMessage {
  provinceId: number;
  tripId: string;
  event: string;
  state: string;
  title: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One live subscription: what it has received so far, and a way to wait for more. */
class Listener {
  readonly events: TripEventMessage[] = [];
  readonly errors: unknown[] = [];
  private waiters: Array<() => void> = [];
  private readonly client: Client;
  /** Resolves once the server acknowledged the connection (the viewer has been read). */
  readonly connected: Promise<void>;

  constructor(wsUrl: string, token: string | null) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
    this.connected = new Promise((resolve) => {
      const off = this.client.on('connected', () => {
        off();
        resolve();
      });
    });
    this.client.subscribe<{ tripEvents: TripEventMessage }>(
      { query: TRIP_EVENTS },
      {
        next: (result: FormattedExecutionResult<{ tripEvents: TripEventMessage }>) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          if (result.data?.tripEvents) this.events.push(result.data.tripEvents);
          this.notify();
        },
        error: (error) => {
          this.errors.push(error);
          this.notify();
        },
        complete: () => this.notify(),
      },
    );
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), sleep(left)]);
    }
    return true;
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}

const codeOf = (error: unknown): unknown => (error as { extensions?: { code?: unknown } }).extensions?.code;

describe('live trip events over WebSocket', () => {
  let product: TestProduct;
  let wsUrl: string;
  let hni: number;
  let dng: number;
  const listeners: Listener[] = [];

  /** Live once it has heard a sentinel of its province; sentinels are then left out of what is checked. */
  const until = async (listener: Listener, provinceId: number): Promise<void> => {
    const heard = () => listener.events.some((e) => e.title === SENTINEL && e.provinceId === provinceId);
    expect(await untilLive(product, provinceId, heard)).toBe(true);
    listener.events.splice(0, listener.events.length, ...listener.events.filter((e) => e.title !== SENTINEL));
  };

  const listen = (token: string | null): Listener => {
    const listener = new Listener(wsUrl, token);
    listeners.push(listener);
    return listener;
  };
  const tokenOf = async (role: Role, provinceId?: number): Promise<string> =>
    product.login((await buildUser(product.owner, { role, provinceId })).username);

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    wsUrl = `${product.url.replace(/^http/, 'ws')}/graphql`;
    hni = await provinceIdOf(product.owner, 'HNI');
    dng = await provinceIdOf(product.owner, 'DNG');
  });
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.dispose()));
    await product.stop();
  });

  it("delivers a province's trip events to its standing board and to central, never to another province", async () => {
    const board = listen(await tokenOf(Role.STANDING_BOARD, hni));
    const central = listen(await tokenOf(Role.CENTRAL));
    const other = listen(await tokenOf(Role.STANDING_BOARD, dng));
    await Promise.all([board.connected, central.connected, other.connected]);
    // The subscribe message follows the acknowledgement: each subscription is live once it hears a sentinel.
    await Promise.all([until(board, hni), until(central, hni), until(other, dng)]);

    const register = async (provinceId: number, title: string) => {
      const unit = await buildUnit(product.owner, { provinceId });
      const cadre = await buildCadre(product.owner, { provinceId });
      const cadreUser = await buildUser(product.owner, { role: Role.CADRE, provinceId });
      await linkUser(product.owner, cadreUser.id, { cadreId: cadre.id });
      const input = {
        kind: 'TOPIC',
        title,
        purpose: 'Nắm tình hình sinh hoạt của đoàn viên tại cơ sở',
        expectedOutput: 'Báo cáo kết quả gửi Thường trực Tỉnh đoàn',
        leadCadreId: cadre.id,
        destinationIds: [unit.id],
        startDate: '2026-04-14',
        endDate: '2026-04-15',
      };
      return (await product.ok(CREATE_TRIP, { input }, await product.login(cadreUser.username))).createTrip as {
        id: string;
        provinceId: number;
        state: string;
      };
    };
    const title = 'Nắm tình hình đoàn viên tháng Tư';
    const trip = await register(hni, title);
    expect(trip).toMatchObject({ provinceId: hni, state: 'SUBMITTED' });

    const expected = [
      { provinceId: hni, tripId: trip.id, event: 'REGISTERED', state: 'DRAFT', title },
      { provinceId: hni, tripId: trip.id, event: 'SUBMITTED', state: 'SUBMITTED', title },
    ];
    for (const listener of [board, central]) {
      const ofTrip = () => listener.events.filter((e) => e.tripId === trip.id);
      expect(await listener.waitFor(() => ofTrip().length >= 2, 2000)).toBe(true);
      expect(ofTrip()).toEqual(expected);
      expect(listener.errors).toEqual([]);
    }

    // A later trip of the other province is its sentinel: once that arrives, the first one would have too.
    const sentinel = await register(dng, 'Chuyến đi của Đà Nẵng');
    expect(await other.waitFor(() => other.events.some((e) => e.tripId === sentinel.id), 2000)).toBe(true);
    expect(other.events.every((e) => e.tripId === sentinel.id)).toBe(true);
    expect(other.errors).toEqual([]);
  });

  it('refuses a host unit account with FORBIDDEN', async () => {
    const hostUnit = await buildUnit(product.owner, { provinceId: hni });
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: hni });
    await linkUser(product.owner, host.id, { unitId: hostUnit.id });
    const listener = listen(await product.login(host.username));
    expect(await listener.waitFor(() => listener.errors.length > 0, 2000)).toBe(true);
    expect(listener.errors.map(codeOf)).toEqual(['FORBIDDEN']);
    expect(listener.events).toEqual([]);
  });

  it.each([
    ['no token', null],
    ['a forged token', 'not-a-real-token'],
  ])('refuses a subscriber with %s with UNAUTHENTICATED', async (_label, token) => {
    const listener = listen(token);
    expect(await listener.waitFor(() => listener.errors.length > 0, 2000)).toBe(true);
    expect(listener.errors.map(codeOf)).toEqual(['UNAUTHENTICATED']);
    expect(listener.events).toEqual([]);
  });

  /** Opens a raw socket; resolves with 'open' or the HTTP status the upgrade was refused with. */
  const handshake = (origin: string, headers: Record<string, string> = {}, url = wsUrl): Promise<number | 'open'> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { headers: { origin, ...headers } });
      socket.on('open', () => {
        socket.close();
        resolve('open');
      });
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('error', (error) => reject(error));
    });

  it('opens a socket for an allowed origin and refuses a foreign one at the handshake', async () => {
    const allowed = product.deps.env.ALLOWED_ORIGINS.split(',')[0].trim();
    expect(await handshake(allowed)).toBe('open');
    expect([401, 403]).toContain(await handshake('http://evil.example'));
  });

  it("always accepts the app's own address, whatever host name and port it was reached at", async () => {
    // The page's own origin, with no ALLOWED_ORIGINS naming it: the product's port, a LAN address, a domain.
    expect(await handshake(product.url)).toBe('open');
    expect(await handshake('http://192.168.1.20:8080', { host: '192.168.1.20:8080' })).toBe('open');
    expect(await handshake('https://coso.doanthanhnien.vn', { host: 'coso.doanthanhnien.vn' })).toBe('open');
    // Another port or host than the one addressed is another site.
    expect([401, 403]).toContain(await handshake('http://192.168.1.20:9999', { host: '192.168.1.20:8080' }));
    expect([401, 403]).toContain(await handshake('http://evil.example', { host: '192.168.1.20:8080' }));
    // Forwarded headers count only from a trusted proxy (TRUST_PROXY unset here).
    expect([401, 403]).toContain(
      await handshake('https://evil.example', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }),
    );
  });

  it('behind a trusted proxy, accepts the forwarded host and protocol and nothing else', async () => {
    const behindProxy = await startTestProduct({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const url = `${behindProxy.url.replace('http', 'ws')}/graphql`;
      const forwarded = { 'x-forwarded-host': 'coso.doanthanhnien.vn', 'x-forwarded-proto': 'https' };
      expect(await handshake('https://coso.doanthanhnien.vn', forwarded, url)).toBe('open');
      expect([401, 403]).toContain(await handshake('http://coso.doanthanhnien.vn', forwarded, url));
      expect([401, 403]).toContain(await handshake(behindProxy.url, forwarded, url));
    } finally {
      await behindProxy.stop();
    }
  });
});
