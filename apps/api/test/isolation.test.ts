import { Role } from '../src/shared/access';
import { fixedClock } from '../src/shared/clock';
import { startTestProduct, type GqlResponse, type TestProduct } from './harness';
import { buildCadre, buildTrip, buildUnit, buildUser, linkUser, provinceIdOf } from './factories';

const UNIT = 'query ($id: ID!) { unit(id: $id) { id provinceId name } }';
const CADRE = 'query ($id: ID!) { cadre(id: $id) { id provinceId fullName } }';
const TRIP = 'query ($id: ID!) { trip(id: $id) { id provinceId title state } }';
const UNITS = 'query ($f: UnitFilter) { units(first: 200, filter: $f) { totalCount nodes { id provinceId } } }';
const CADRES = 'query ($f: CadreFilter) { cadres(first: 200, filter: $f) { totalCount nodes { id provinceId } } }';
const TRIPS = 'query ($f: TripFilter) { trips(first: 200, filter: $f) { totalCount nodes { id provinceId } } }';
const UPDATE_UNIT =
  'mutation ($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, input: { name: "Đơn vị bị sửa trái phép" }) { id name version } }';
const UPDATE_CADRE =
  'mutation ($id: ID!, $v: Int!) { updateCadre(id: $id, version: $v, input: { position: "Bị sửa trái phép" }) { id position version } }';
const CREATE_TRIP =
  'mutation ($lead: ID!, $dest: [ID!]!) { createTrip(input: { kind: TOPIC, title: "Đi cơ sở tháng Tư", leadCadreId: $lead, destinationIds: $dest, startDate: "2026-04-20", endDate: "2026-04-21" }) { id provinceId state } }';
const DECIDE = 'mutation ($id: ID!, $v: Int!) { decideTrips(decision: APPROVE, trips: [{ id: $id, version: $v }]) { id state } }';
const CREATE_EXEMPTION =
  'mutation ($cadre: ID!) { createExemption(input: { cadreId: $cadre, kind: MATERNITY, startDate: "2026-05-01", endDate: "2026-10-31", approvedBy: "Thường trực", note: "Nghỉ chế độ thai sản theo xác nhận của bảo hiểm xã hội" }) { id } }';
const CREATE_UNIT =
  'mutation { createUnit(input: { kind: COMMUNE_UNION, name: "Đoàn xã Mới", validFrom: "2026-01-01" }) { id } }';

interface Connection {
  totalCount: number;
  nodes: Array<{ id: string; provinceId: number }>;
}

/** A refused operation: the given code, and nothing of the object in the answer. */
function expectRefused(res: GqlResponse, code: string): void {
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.data ?? null).toBeNull();
}

interface ProvinceData {
  id: number;
  unit: { id: string };
  department: { id: string };
  cadre: { id: string };
  trip: { id: string; version: number };
}

async function provinceData(product: TestProduct, provinceId: number): Promise<ProvinceData> {
  const department = await buildUnit(product.owner, { provinceId, kind: 'DEPARTMENT', name: 'Ban Tổ chức' });
  const unit = await buildUnit(product.owner, { provinceId });
  const cadre = await buildCadre(product.owner, { provinceId, departmentId: department.id });
  const trip = await buildTrip(product.owner, { provinceId, leadCadreId: cadre.id, destinationId: unit.id });
  return { id: provinceId, unit, department, cadre, trip };
}

async function tokensFor(product: TestProduct, provinceId: number, cadreId: string) {
  const admin = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId });
  const board = await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId });
  const cadre = await buildUser(product.owner, { role: Role.CADRE, provinceId });
  await linkUser(product.owner, cadre.id, { cadreId });
  return {
    admin: await product.login(admin.username),
    board: await product.login(board.username),
    cadre: await product.login(cadre.username),
  };
}

describe('a province sees and touches only its own data', () => {
  let product: TestProduct;
  let a: ProvinceData;
  let b: ProvinceData;
  let tokenA: { admin: string; board: string; cadre: string };

  /** B's rows as the owner sees them: must be exactly the same after every attack. */
  const snapshotB = async () => {
    const q = async (sql: string) => (await product.owner.query(sql, [b.id])).rows;
    return {
      units: await q('SELECT id, name, version FROM unit WHERE province_id = $1 ORDER BY id'),
      cadres: await q('SELECT id, position, version FROM cadre WHERE province_id = $1 ORDER BY id'),
      trips: await q('SELECT id, state, version FROM trip WHERE province_id = $1 ORDER BY id'),
      exemptions: await q('SELECT id FROM exemption WHERE province_id = $1'),
      destinations: await q('SELECT trip_id, unit_id FROM trip_destination WHERE province_id = $1 ORDER BY trip_id'),
      // Trips of any province that point at B's cadre or B's unit.
      references: (
        await product.owner.query(
          `SELECT t.province_id, t.id FROM trip t WHERE t.lead_cadre_id = $1
           UNION SELECT d.province_id, d.trip_id FROM trip_destination d WHERE d.unit_id = $2 ORDER BY 1, 2`,
          [b.cadre.id, b.unit.id],
        )
      ).rows,
    };
  };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    a = await provinceData(product, await provinceIdOf(product.owner, 'HNI'));
    b = await provinceData(product, await provinceIdOf(product.owner, 'DNG'));
    tokenA = await tokensFor(product, a.id, a.cadre.id);
  });
  afterAll(() => product.stop());

  describe('reading another province by id', () => {
    it.each(['admin', 'board', 'cadre'] as const)('reads its own unit, cadre and trip (%s)', async (who) => {
      const t = tokenA[who];
      expect((await product.ok(UNIT, { id: a.unit.id }, t)).unit).toMatchObject({ id: a.unit.id, provinceId: a.id });
      expect((await product.ok(CADRE, { id: a.cadre.id }, t)).cadre).toMatchObject({ id: a.cadre.id, provinceId: a.id });
      expect((await product.ok(TRIP, { id: a.trip.id }, t)).trip).toMatchObject({ id: a.trip.id, provinceId: a.id });
    });

    it.each(['admin', 'board', 'cadre'] as const)(
      "gets NOT_FOUND and no data for the other province's unit, cadre and trip (%s)",
      async (who) => {
        const t = tokenA[who];
        expectRefused(await product.gql(UNIT, { id: b.unit.id }, t), 'NOT_FOUND');
        expectRefused(await product.gql(CADRE, { id: b.cadre.id }, t), 'NOT_FOUND');
        expectRefused(await product.gql(TRIP, { id: b.trip.id }, t), 'NOT_FOUND');
      },
    );
  });

  describe('lists and filters', () => {
    const countIn = async (table: string, provinceId: number): Promise<number> =>
      (await product.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE province_id = $1`, [provinceId]))
        .rows[0].n;

    it.each(['admin', 'board', 'cadre'] as const)(
      "lists only its own province's units, cadres and trips, and counts only them (%s)",
      async (who) => {
        const t = tokenA[who];
        const units = (await product.ok<{ units: Connection }>(UNITS, {}, t)).units;
        const cadres = (await product.ok<{ cadres: Connection }>(CADRES, {}, t)).cadres;
        const trips = (await product.ok<{ trips: Connection }>(TRIPS, {}, t)).trips;
        for (const [list, table, own] of [
          [units, 'unit', a.unit.id],
          [cadres, 'cadre', a.cadre.id],
          [trips, 'trip', a.trip.id],
        ] as const) {
          expect(list.nodes.map((n) => n.id)).toContain(own);
          expect(new Set(list.nodes.map((n) => n.provinceId))).toEqual(new Set([a.id]));
          expect(list.totalCount).toBe(await countIn(table, a.id));
        }
        expect(units.nodes.map((n) => n.id)).not.toContain(b.unit.id);
        expect(cadres.nodes.map((n) => n.id)).not.toContain(b.cadre.id);
        expect(trips.nodes.map((n) => n.id)).not.toContain(b.trip.id);
      },
    );

    it("finds its own trips by cadre, host and province, and nothing with the other province's ids", async () => {
      const t = tokenA.board;
      const own = async (f: Record<string, unknown>) => (await product.ok<{ trips: Connection }>(TRIPS, { f }, t)).trips;
      expect((await own({ cadreId: a.cadre.id })).nodes.map((n) => n.id)).toContain(a.trip.id);
      expect((await own({ hostUnitId: a.unit.id })).nodes.map((n) => n.id)).toContain(a.trip.id);

      for (const f of [
        { cadreId: b.cadre.id },
        { hostUnitId: b.unit.id },
        { provinceId: b.id },
        { departmentId: b.department.id },
      ]) {
        expect(await own(f)).toEqual({ totalCount: 0, nodes: [] });
      }
      const cadres = (await product.ok<{ cadres: Connection }>(CADRES, { f: { departmentId: b.department.id } }, t)).cadres;
      expect(cadres).toEqual({ totalCount: 0, nodes: [] });
      const units = (await product.ok<{ units: Connection }>(UNITS, { f: { parentId: b.department.id } }, t)).units;
      expect(units).toEqual({ totalCount: 0, nodes: [] });
    });
  });

  describe('writing into another province', () => {
    it('works on its own rows (the same operations, so a refusal below is about the province)', async () => {
      const ownUnit = await buildUnit(product.owner, { provinceId: a.id });
      const ownCadre = await buildCadre(product.owner, { provinceId: a.id });
      const ownTrip = await buildTrip(product.owner, { provinceId: a.id, leadCadreId: ownCadre.id, destinationId: ownUnit.id });
      expect((await product.ok(UPDATE_UNIT, { id: ownUnit.id, v: 1 }, tokenA.admin)).updateUnit.version).toBe(2);
      expect((await product.ok(UPDATE_CADRE, { id: ownCadre.id, v: 1 }, tokenA.admin)).updateCadre.version).toBe(2);
      const created = (await product.ok(CREATE_TRIP, { lead: ownCadre.id, dest: [ownUnit.id] }, tokenA.admin)).createTrip;
      expect(created).toMatchObject({ provinceId: a.id, state: 'DRAFT' });
      expect((await product.ok(DECIDE, { id: ownTrip.id, v: ownTrip.version }, tokenA.board)).decideTrips).toEqual([
        { id: ownTrip.id, state: 'APPROVED' },
      ]);
      expect((await product.ok(CREATE_EXEMPTION, { cadre: ownCadre.id }, tokenA.admin)).createExemption.id).toEqual(
        expect.any(String),
      );
    });

    it("refuses every write aimed at the other province's rows and leaves them unchanged", async () => {
      const before = await snapshotB();
      expect(before.units.length).toBeGreaterThan(0);

      expectRefused(await product.gql(UPDATE_UNIT, { id: b.unit.id, v: 1 }, tokenA.admin), 'NOT_FOUND');
      expectRefused(await product.gql(UPDATE_CADRE, { id: b.cadre.id, v: 1 }, tokenA.admin), 'NOT_FOUND');
      expectRefused(await product.gql(CREATE_TRIP, { lead: b.cadre.id, dest: [a.unit.id] }, tokenA.admin), 'BAD_USER_INPUT');
      expectRefused(await product.gql(CREATE_TRIP, { lead: a.cadre.id, dest: [b.unit.id] }, tokenA.admin), 'BAD_USER_INPUT');
      expectRefused(await product.gql(CREATE_TRIP, { lead: a.cadre.id, dest: [b.unit.id] }, tokenA.cadre), 'BAD_USER_INPUT');
      expectRefused(await product.gql(DECIDE, { id: b.trip.id, v: b.trip.version }, tokenA.board), 'NOT_FOUND');
      expectRefused(await product.gql(CREATE_EXEMPTION, { cadre: b.cadre.id }, tokenA.admin), 'BAD_USER_INPUT');

      expect(await snapshotB()).toEqual(before);
    });
  });

  describe('a central user', () => {
    let central: string;

    beforeAll(async () => {
      central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    });

    it('sees both provinces in every list', async () => {
      const units = (await product.ok<{ units: Connection }>(UNITS, {}, central)).units;
      const cadres = (await product.ok<{ cadres: Connection }>(CADRES, {}, central)).cadres;
      const trips = (await product.ok<{ trips: Connection }>(TRIPS, {}, central)).trips;
      expect(units.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([a.unit.id, b.unit.id]));
      expect(cadres.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([a.cadre.id, b.cadre.id]));
      expect(trips.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([a.trip.id, b.trip.id]));
      expect((await product.ok(TRIP, { id: b.trip.id }, central)).trip.provinceId).toBe(b.id);
    });

    it('is refused every mutation (FORBIDDEN) and changes nothing', async () => {
      const before = await snapshotB();
      const attempts: Array<[string, Record<string, unknown>]> = [
        [UPDATE_UNIT, { id: b.unit.id, v: 1 }],
        [UPDATE_CADRE, { id: b.cadre.id, v: 1 }],
        [CREATE_TRIP, { lead: b.cadre.id, dest: [b.unit.id] }],
        [DECIDE, { id: b.trip.id, v: b.trip.version }],
        [CREATE_EXEMPTION, { cadre: b.cadre.id }],
        [CREATE_UNIT, {}],
      ];
      for (const [mutation, variables] of attempts) {
        expectRefused(await product.gql(mutation, variables, central), 'FORBIDDEN');
      }
      expect(await snapshotB()).toEqual(before);
    });
  });

  describe('a province that absorbed another in 2025', () => {
    let ldg: number;
    let btn: ProvinceData;
    let tokenLdg: { admin: string; board: string; cadre: string };

    beforeAll(async () => {
      ldg = await provinceIdOf(product.owner, 'LDG');
      btn = await provinceData(product, await provinceIdOf(product.owner, 'BTN'));
      const ldgCadre = await buildCadre(product.owner, { provinceId: ldg });
      tokenLdg = await tokensFor(product, ldg, ldgCadre.id);
    });

    it("reads the merged province's history", async () => {
      expect(btn.id).toBe(160);
      expect((await product.ok(TRIP, { id: btn.trip.id }, tokenLdg.board)).trip).toMatchObject({
        id: btn.trip.id,
        provinceId: btn.id,
      });
      expect((await product.ok(UNIT, { id: btn.unit.id }, tokenLdg.admin)).unit.provinceId).toBe(btn.id);
      const trips = (await product.ok<{ trips: Connection }>(TRIPS, { f: { provinceId: btn.id } }, tokenLdg.cadre)).trips;
      expect(trips.nodes.map((n) => n.id)).toEqual([btn.trip.id]);
    });

    it('cannot write it', async () => {
      const trips = async () =>
        (await product.owner.query('SELECT id, state, version FROM trip WHERE province_id = $1', [btn.id])).rows;
      const units = async () =>
        (await product.owner.query('SELECT id, name, version FROM unit WHERE province_id = $1 ORDER BY id', [btn.id])).rows;
      const before = { trips: await trips(), units: await units() };

      expectRefused(await product.gql(DECIDE, { id: btn.trip.id, v: btn.trip.version }, tokenLdg.board), 'FORBIDDEN');
      const update = await product.gql(UPDATE_UNIT, { id: btn.unit.id, v: 1 }, tokenLdg.admin);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(update.errors?.[0]?.extensions?.code);
      expect(update.data ?? null).toBeNull();
      expectRefused(
        await product.gql(CREATE_TRIP, { lead: btn.cadre.id, dest: [btn.unit.id] }, tokenLdg.admin),
        'BAD_USER_INPUT',
      );

      expect({ trips: await trips(), units: await units() }).toEqual(before);
      const leaked = await product.owner.query('SELECT id FROM trip WHERE lead_cadre_id = $1 AND id <> $2', [
        btn.cadre.id,
        btn.trip.id,
      ]);
      expect(leaked.rows).toEqual([]);
    });
  });
});

describe('a small connection pool under concurrent requests from two provinces', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ poolSize: 2 });
  });
  afterAll(() => product.stop());

  it("never answers one province with the other's rows (200 interleaved requests on 2 connections)", async () => {
    const sides: Array<{ code: string; provinceId: number; token: string }> = [];
    for (const code of ['HNI', 'DNG']) {
      const provinceId = await provinceIdOf(product.owner, code);
      const unit = await buildUnit(product.owner, { provinceId });
      const cadre = await buildCadre(product.owner, { provinceId });
      for (let i = 0; i < 3; i += 1)
        await buildTrip(product.owner, { provinceId, leadCadreId: cadre.id, destinationId: unit.id });
      const user = await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId });
      sides.push({ code, provinceId, token: await product.login(user.username) });
    }

    const QUERY = '{ trips(first: 50) { totalCount nodes { provinceId } } me { province { code } } }';
    // Waves of 40 concurrent requests keep both connections busy without waiting past the pool's timeout.
    const answers = [];
    for (let wave = 0; wave < 5; wave += 1) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 40 }, async (_, i) => {
            const side = sides[i % 2];
            return {
              side,
              res: await product.gql<{
                trips: { totalCount: number; nodes: Array<{ provinceId: number }> };
                me: { province: { code: string } };
              }>(QUERY, {}, side.token),
            };
          }),
        )),
      );
    }
    expect(answers).toHaveLength(200);

    const wrong = answers.filter(({ side, res }) => {
      if (res.errors?.length || !res.data) return true;
      return (
        res.data.me.province.code !== side.code ||
        res.data.trips.totalCount !== 3 ||
        res.data.trips.nodes.length !== 3 ||
        res.data.trips.nodes.some((n) => n.provinceId !== side.provinceId)
      );
    });
    expect(wrong.map(({ side, res }) => ({ expected: side.code, got: res.errors ?? res.data }))).toEqual([]);
  });
});
