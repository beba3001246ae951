import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildUser, inProvince, provinceIdOf } from '../../../test/factories';

const RULE = `provinceId year requiredDays windowStart windowEnd minDaysCommune reportDueDays checkHostLoad hostLoadMaxPerWeek
  ownTripDecidedByOther sickLeaveMinDays version`;
const READ = `query ($year: Int!, $p: Int) { policyRule(year: $year, provinceId: $p) { ${RULE} } }`;
const SAVE = `mutation ($year: Int!, $v: Int!, $input: PolicyRuleInput!) { setPolicyRule(year: $year, version: $v, input: $input) { ${RULE} } }`;

const input = (year: number, changes: Record<string, unknown> = {}) => ({
  requiredDays: 60,
  windowStart: `${year}-01-01`,
  windowEnd: `${year}-12-31`,
  minDaysDistrict: null,
  minDaysCommune: 20,
  minDaysChapter: null,
  reportRequired: true,
  reportDueDays: 10,
  checkLateRegistration: 'WARN',
  checkDoubleBooking: 'BLOCK',
  checkHostLoad: 'WARN',
  hostLoadMaxPerWeek: 2,
  checkTopicOverlap: 'WARN',
  ...changes,
});

describe('the rules of a province for a year', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let admin: string;
  let secondAdmin: string;
  let board: string;
  let central: string;
  let otherAdmin: string;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-02') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    const login = async (role: Role, provinceId?: number) =>
      product.login((await buildUser(product.owner, { role, provinceId })).username);
    admin = await login(Role.PROVINCE_ADMIN, ldg);
    secondAdmin = await login(Role.PROVINCE_ADMIN, ldg);
    board = await login(Role.STANDING_BOARD, ldg);
    central = await login(Role.CENTRAL);
    otherAdmin = await login(Role.PROVINCE_ADMIN, hni);
  });
  afterAll(() => product.stop());

  const stored = (year: number) =>
    inProvince(product.owner, ldg, async () => {
      const { rows } = await product.owner.query(
        'SELECT version, required_days, window_end::text FROM policy_rule WHERE province_id = $1 AND year = $2',
        [ldg, year],
      );
      return (rows[0] as Record<string, unknown> | undefined) ?? null;
    });

  it('answers the central defaults, version 0, for a year the province has not set', async () => {
    const rule = (await product.ok(READ, { year: 2030 }, board)).policyRule;
    expect(rule).toMatchObject({
      provinceId: ldg,
      year: 2030,
      requiredDays: 60,
      windowStart: '2030-01-01',
      sickLeaveMinDays: 30,
      version: 0,
    });
  });

  it.each([12345, -1, 1900])('refuses to read the rules of the year %d, with the field', async (year) => {
    const res = await product.gql(READ, { year }, board);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(res.errors?.[0]?.message).toBe('Năm không hợp lệ.');
  });

  it('saves a first version, then the next over the version it was read at', async () => {
    const first = (await product.ok(SAVE, { year: 2026, v: 0, input: input(2026, { requiredDays: 55 }) }, admin)).setPolicyRule;
    expect(first).toMatchObject({
      requiredDays: 55,
      minDaysCommune: 20,
      ownTripDecidedByOther: true,
      sickLeaveMinDays: 30,
      version: 1,
    });
    const second = (
      await product.ok(SAVE, { year: 2026, v: 1, input: input(2026, { hostLoadMaxPerWeek: 3, sickLeaveMinDays: 60 }) }, admin)
    ).setPolicyRule;
    expect(second).toMatchObject({ requiredDays: 60, hostLoadMaxPerWeek: 3, sickLeaveMinDays: 60, version: 2 });
    // Left out, the minimum sick leave stays as saved.
    const third = (await product.ok(SAVE, { year: 2026, v: 2, input: input(2026, { hostLoadMaxPerWeek: 3 }) }, admin))
      .setPolicyRule;
    expect(third).toMatchObject({ sickLeaveMinDays: 60, version: 3 });
    expect((await product.ok(READ, { year: 2026 }, board)).policyRule).toMatchObject({ hostLoadMaxPerWeek: 3, version: 3 });
  });

  it('refuses a second first save of the same year: someone saved first, and theirs stays', async () => {
    await product.ok(SAVE, { year: 2027, v: 0, input: input(2027, { requiredDays: 50 }) }, admin);
    const late = await product.gql(SAVE, { year: 2027, v: 0, input: input(2027, { requiredDays: 70 }) }, secondAdmin);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect(late.errors?.[0]?.message).toMatch(/vừa được người khác thay đổi/);
    expect(await stored(2027)).toMatchObject({ version: 1, required_days: 50 });
  });

  it('refuses a save over a stale version, and writes nothing', async () => {
    await product.ok(SAVE, { year: 2028, v: 0, input: input(2028) }, admin);
    await product.ok(SAVE, { year: 2028, v: 1, input: input(2028, { requiredDays: 45 }) }, secondAdmin);
    const stale = await product.gql(SAVE, { year: 2028, v: 1, input: input(2028, { requiredDays: 80 }) }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect(await stored(2028)).toMatchObject({ version: 2, required_days: 45 });
  });

  it.each([
    ['a window outside the year', { windowEnd: '2030-01-15' }, 'input.windowStart', 'WINDOW_OUTSIDE_YEAR'],
    [
      'a window that ends before it starts',
      { windowStart: '2029-06-01', windowEnd: '2029-03-01' },
      'input.windowEnd',
      'DATES_INVERTED',
    ],
  ])('refuses %s, and writes nothing', async (_what, changes, field, reason) => {
    const res = await product.gql(SAVE, { year: 2029, v: 0, input: input(2029, changes) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await stored(2029)).toBeNull();
  });

  it('keeps the district-level minimum for a year before the 2025 reform, and needs none after it', async () => {
    const district = `query ($year: Int!) { policyRule(year: $year) { minDaysDistrict minDaysCommune version } }`;
    const { version } = (await product.ok(district, { year: 2025 }, admin)).policyRule as { version: number };
    await product.ok(SAVE, { year: 2025, v: version, input: input(2025, { minDaysDistrict: 10 }) }, admin);
    expect((await product.ok(district, { year: 2025 }, board)).policyRule).toMatchObject({
      minDaysDistrict: 10,
      minDaysCommune: 20,
    });
    const { minDaysDistrict: _left, ...withoutDistrict } = input(2033);
    await product.ok(SAVE, { year: 2033, v: 0, input: withoutDistrict }, admin);
    expect((await product.ok(district, { year: 2033 }, board)).policyRule).toMatchObject({
      minDaysDistrict: null,
      minDaysCommune: 20,
    });
  });

  it('lets only the organisation department save, and the central union read', async () => {
    const res = await product.gql(SAVE, { year: 2031, v: 0, input: input(2031) }, board);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored(2031)).toBeNull();
    await product.ok(SAVE, { year: 2031, v: 0, input: input(2031, { requiredDays: 40 }) }, admin);
    expect((await product.ok(READ, { year: 2031, p: ldg }, central)).policyRule).toMatchObject({ requiredDays: 40 });
  });

  it("gives a user of another province nothing of this province's rules, and writes only their own", async () => {
    await product.ok(SAVE, { year: 2032, v: 0, input: input(2032, { requiredDays: 42 }) }, admin);
    const read = await product.gql(READ, { year: 2032, p: ldg }, otherAdmin);
    expect(read.data?.policyRule ?? null).toBeNull();
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinceId' });
    const own = (await product.ok(SAVE, { year: 2032, v: 0, input: input(2032, { requiredDays: 90 }) }, otherAdmin))
      .setPolicyRule;
    expect(own).toMatchObject({ provinceId: hni, requiredDays: 90, version: 1 });
    expect(await stored(2032)).toMatchObject({ version: 1, required_days: 42 });
  });
});
