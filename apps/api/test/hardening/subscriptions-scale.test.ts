import { randomUUID } from 'node:crypto';
import { Role } from '../../src/shared/access';
import { fixedClock } from '../../src/shared/clock';
import { startTestProduct, type TestProduct } from '../harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, provinceIdOf } from '../factories';
import { SENTINEL, untilLive } from '../sentinel';
import { eventually, wsClient, type WsResult } from './support';

const EVENTS = 1_000;
const PER_MUTATION = 100;
const TRIP_EVENTS = 'subscription { tripEvents { provinceId tripId event title } }';

interface Received {
  tripEvents: { provinceId: number; tripId: string; event: string; title: string };
}

describe(`live events at scale (${EVENTS} events in one province)`, () => {
  let product: TestProduct;
  const disposers: Array<() => unknown> = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-04-01'), poolSize: 6 });
  });
  afterAll(async () => {
    await Promise.all(disposers.map((d) => d()));
    await product.stop();
  });

  it("delivers none of province B's events to province A's subscribers and every one to a central subscriber", async () => {
    const a = await provinceIdOf(product.owner, 'HNI');
    const b = await provinceIdOf(product.owner, 'DNG');
    const unit = await buildUnit(product.owner, { provinceId: b });
    const lead = await buildCadre(product.owner, { provinceId: b });
    const ids: string[] = Array.from({ length: EVENTS }, () => randomUUID());
    await inProvince(product.owner, b, async () => {
      await product.owner.query(
        `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, start_date, end_date, submitted_at)
         SELECT $1, id, 'TOPIC', 'SUBMITTED', 'Chuyến đi số ' || ord, $3, DATE '2026-04-06', DATE '2026-04-07', now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
        [b, ids, lead.id],
      );
      await product.owner.query(
        'INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) SELECT $1, id, $3, true FROM unnest($2::uuid[]) AS t(id)',
        [b, ids, lead.id],
      );
      await product.owner.query(
        'INSERT INTO trip_destination (province_id, trip_id, unit_id) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS t(id)',
        [b, ids, unit.id],
      );
    });

    const tokenOf = async (role: Role, provinceId?: number) =>
      product.login((await buildUser(product.owner, { role, provinceId })).username);
    const listen = async (token: string): Promise<WsResult> => {
      const { client, subscribe } = wsClient(product, token);
      disposers.push(() => client.dispose());
      return subscribe(TRIP_EVENTS);
    };
    const provinceA = await Promise.all([
      listen(await tokenOf(Role.STANDING_BOARD, a)),
      listen(await tokenOf(Role.PROVINCE_ADMIN, a)),
      listen(await tokenOf(Role.STANDING_BOARD, a)),
    ]);
    const central = await listen(await tokenOf(Role.CENTRAL));
    const provinceB = await listen(await tokenOf(Role.STANDING_BOARD, b));
    // Live once each has heard a sentinel of its province; sentinels are then left out of what is checked.
    const sentinels = (r: WsResult) => (r.data as Received[]).filter((d) => d.tripEvents.title === SENTINEL);
    for (const [listener, province] of [
      ...provinceA.map((l) => [l, a] as const),
      [central, b] as const,
      [provinceB, b] as const,
    ]) {
      expect(await untilLive(product, province, () => sentinels(listener).length > 0)).toBe(true);
    }
    for (const listener of [...provinceA, central, provinceB]) {
      listener.data.splice(
        0,
        listener.data.length,
        ...(listener.data as Received[]).filter((d) => d.tripEvents.title !== SENTINEL),
      );
    }

    const board = await tokenOf(Role.STANDING_BOARD, b);
    for (let i = 0; i < EVENTS; i += PER_MUTATION) {
      const trips = ids.slice(i, i + PER_MUTATION).map((id) => ({ id, version: 1 }));
      const decided = await product.ok<{ decideTrips: unknown[] }>(
        'mutation ($t: [TripVersionInput!]!) { decideTrips(decision: APPROVE, trips: $t) { id } }',
        { t: trips },
        board,
      );
      expect(decided.decideTrips).toHaveLength(PER_MUTATION);
    }

    const ofBatch = (r: WsResult) => {
      const wanted = new Set(ids);
      return (r.data as Received[]).filter((d) => wanted.has(d.tripEvents.tripId));
    };
    expect(await eventually(() => ofBatch(central).length >= EVENTS && ofBatch(provinceB).length >= EVENTS, 30_000)).toBe(true);
    for (const listener of [central, provinceB]) {
      const events = ofBatch(listener);
      expect(events).toHaveLength(EVENTS);
      expect(new Set(events.map((e) => e.tripEvents.tripId)).size).toBe(EVENTS);
      expect(events.every((e) => e.tripEvents.provinceId === b && e.tripEvents.event === 'APPROVED')).toBe(true);
      expect(listener.errors).toEqual([]);
    }
    // Province A's subscribers receive a later event of their own province, and nothing before it.
    const unitA = await buildUnit(product.owner, { provinceId: a });
    const leadA = await buildCadre(product.owner, { provinceId: a });
    const sentinel = await buildTrip(product.owner, { provinceId: a, leadCadreId: leadA.id, destinationId: unitA.id });
    await product.ok(
      'mutation ($t: [TripVersionInput!]!) { decideTrips(decision: APPROVE, trips: $t) { id } }',
      { t: [{ id: sentinel.id, version: sentinel.version }] },
      await tokenOf(Role.STANDING_BOARD, a),
    );
    expect(await eventually(() => provinceA.every((l) => l.data.length > 0), 10_000)).toBe(true);
    const only = [{ provinceId: a, tripId: sentinel.id, event: 'APPROVED' }];
    for (const listener of provinceA) {
      const data = (listener.data as Received[]).map(({ tripEvents: { provinceId, tripId, event } }) => ({
        provinceId,
        tripId,
        event,
      }));
      expect({ data, errors: listener.errors }).toEqual({ data: only, errors: [] });
    }
  }, 180_000);
});
