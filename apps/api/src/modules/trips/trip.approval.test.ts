import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

const DECIDE = `mutation ($trips: [TripVersionInput!]!, $decision: Decision!, $reason: String) {
  decideTrips(trips: $trips, decision: $decision, reason: $reason) { id version state } }`;
const RULE = `mutation ($year: Int!, $version: Int!, $input: PolicyRuleInput!) {
  setPolicyRule(year: $year, version: $version, input: $input) { version ownTripDecidedByOther } }`;
const RULE_OF = `query { policyRule(year: 2026) { version ownTripDecidedByOther } }`;

describe('a standing-board member’s own trip is decided by another member', () => {
  let product: TestProduct;
  let ldg: number;
  let commune: { id: string };
  let board: { token: string; cadreId: string };
  let otherBoard: { token: string; cadreId: string };
  let cadreId: string;
  let admin: string;

  const tripState = async (id: string) =>
    inProvince(product.owner, ldg, async () => {
      const trip = (await product.owner.query('SELECT state, version FROM trip WHERE id = $1', [id])).rows[0];
      const events = (await product.owner.query('SELECT count(*)::int AS n FROM trip_event WHERE trip_id = $1', [id])).rows[0].n;
      return { ...trip, events };
    });

  const decide = (token: string, trip: { id: string; version: number }, decision = 'APPROVE', reason?: string) =>
    product.gql(DECIDE, { trips: [{ id: trip.id, version: trip.version }], decision, reason }, token);

  /** A submitted trip led by `leadCadreId`, with `memberId` in the delegation when given. */
  const submitted = async (leadCadreId: string, memberId?: string) => {
    const trip = await buildTrip(product.owner, { provinceId: ldg, leadCadreId, destinationId: commune.id });
    if (memberId) {
      await inProvince(product.owner, ldg, () =>
        product.owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, false)', [
          ldg,
          trip.id,
          memberId,
        ]),
      );
    }
    return trip;
  };

  const setRule = async (ownTripDecidedByOther?: boolean) => {
    const { policyRule } = await product.ok(RULE_OF, {}, admin);
    return product.ok(
      RULE,
      {
        year: 2026,
        version: policyRule.version,
        input: {
          requiredDays: 60,
          windowStart: '2026-01-01',
          windowEnd: '2026-12-31',
          reportRequired: true,
          reportDueDays: 10,
          checkLateRegistration: 'WARN',
          checkDoubleBooking: 'BLOCK',
          checkHostLoad: 'WARN',
          hostLoadMaxPerWeek: 2,
          checkTopicOverlap: 'WARN',
          ownTripDecidedByOther,
        },
      },
      admin,
    );
  };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    const office = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Văn phòng',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });
    const member = async (role: Role) => {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      const cadre = await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id });
      await linkUser(product.owner, user.id, { cadreId: cadre.id });
      return { token: await product.login(user.username), cadreId: cadre.id };
    };
    board = await member(Role.STANDING_BOARD);
    otherBoard = await member(Role.STANDING_BOARD);
    cadreId = (await member(Role.CADRE)).cadreId;
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
  });
  afterAll(() => product.stop());

  it('is on by default and refuses approving, returning or rejecting one’s own trip, writing nothing', async () => {
    expect((await product.ok(RULE_OF, {}, admin)).policyRule).toEqual({ version: 0, ownTripDecidedByOther: true });
    const led = await submitted(board.cadreId);
    const joined = await submitted(cadreId, board.cadreId);
    const before = [await tripState(led.id), await tripState(joined.id)];
    for (const [trip, decision, reason] of [
      [led, 'APPROVE', undefined],
      [led, 'RETURN', 'Bổ sung kế hoạch'],
      [joined, 'REJECT', 'Trùng lịch công tác'],
    ] as const) {
      const res = await decide(board.token, trip, decision, reason);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringContaining('phải do một thành viên Thường trực khác quyết định'),
        extensions: { code: 'FORBIDDEN', reason: 'OWN_TRIP_DECISION', field: 'trips.0.id' },
      });
    }
    expect([await tripState(led.id), await tripState(joined.id)]).toEqual(before);
  });

  it('refuses a batch holding one’s own trip as a whole', async () => {
    const someone = await submitted(cadreId);
    const own = await submitted(board.cadreId);
    const res = await product.gql(
      DECIDE,
      { trips: [someone, own].map(({ id, version }) => ({ id, version })), decision: 'APPROVE' },
      board.token,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ reason: 'OWN_TRIP_DECISION', field: 'trips.1.id' });
    expect((await tripState(someone.id)).state).toBe('SUBMITTED');
  });

  it('lets another standing-board member decide it', async () => {
    const led = await submitted(board.cadreId);
    const { decideTrips } = await product.ok(
      DECIDE,
      { trips: [{ id: led.id, version: led.version }], decision: 'APPROVE' },
      otherBoard.token,
    );
    expect(decideTrips).toEqual([{ id: led.id, version: led.version + 1, state: 'APPROVED' }]);
  });

  it('allows deciding one’s own trip when the province switches the rule off for the year', async () => {
    const led = await submitted(board.cadreId);
    expect((await setRule(false)).setPolicyRule).toEqual({ version: 1, ownTripDecidedByOther: false });
    expect((await decide(board.token, led)).errors).toBeUndefined();
    expect((await tripState(led.id)).state).toBe('APPROVED');
    // A client that does not know the rule saves the others and leaves this one as the year has it.
    expect((await setRule()).setPolicyRule).toEqual({ version: 2, ownTripDecidedByOther: false });
    expect((await setRule(true)).setPolicyRule).toEqual({ version: 3, ownTripDecidedByOther: true });
    const again = await submitted(board.cadreId);
    expect((await decide(board.token, again)).errors?.[0]?.extensions?.reason).toBe('OWN_TRIP_DECISION');
  });
});
