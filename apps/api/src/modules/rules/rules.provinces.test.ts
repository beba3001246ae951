import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildUser, provinceIdOf } from '../../../test/factories';

const SAVE = `mutation ($year: Int!, $input: PolicyRuleInput!) { setPolicyRule(year: $year, version: 0, input: $input) { version } }`;
const WITH_RULE = `query ($year: Int!) { provincesWithRule(year: $year) }`;

const input = (year: number) => ({
  requiredDays: 60,
  windowStart: `${year}-01-01`,
  windowEnd: `${year}-12-31`,
  reportRequired: true,
  reportDueDays: 10,
  checkLateRegistration: 'WARN',
  checkDoubleBooking: 'BLOCK',
  checkHostLoad: 'WARN',
  hostLoadMaxPerWeek: 2,
  checkTopicOverlap: 'WARN',
});

/** The central home's alert "no rule for the year": which provinces saved their own rule, each seeing only its own. */
describe('the provinces that set their own rule for a year', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let ldgAdmin: string;
  let hniAdmin: string;
  let hniBoard: string;
  let central: string;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-02') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    const login = async (role: Role, provinceId?: number) =>
      product.login((await buildUser(product.owner, { role, provinceId })).username);
    ldgAdmin = await login(Role.PROVINCE_ADMIN, ldg);
    hniAdmin = await login(Role.PROVINCE_ADMIN, hni);
    hniBoard = await login(Role.STANDING_BOARD, hni);
    central = await login(Role.CENTRAL);
    await product.ok(SAVE, { year: 2026, input: input(2026) }, ldgAdmin);
    await product.ok(SAVE, { year: 2026, input: input(2026) }, hniAdmin);
    await product.ok(SAVE, { year: 2027, input: input(2027) }, hniAdmin);
  });
  afterAll(() => product.stop());

  it('lists for the central union every province with a rule saved for that year, and no other', async () => {
    expect((await product.ok(WITH_RULE, { year: 2026 }, central)).provincesWithRule).toEqual([ldg, hni].sort((a, b) => a - b));
    expect((await product.ok(WITH_RULE, { year: 2027 }, central)).provincesWithRule).toEqual([hni]);
    expect((await product.ok(WITH_RULE, { year: 2030 }, central)).provincesWithRule).toEqual([]);
  });

  it('shows a province only its own rule, never another province’s', async () => {
    expect((await product.ok(WITH_RULE, { year: 2026 }, hniBoard)).provincesWithRule).toEqual([hni]);
    expect((await product.ok(WITH_RULE, { year: 2027 }, ldgAdmin)).provincesWithRule).toEqual([]);
  });

  it('refuses a year out of range', async () => {
    const res = await product.gql(WITH_RULE, { year: 1990 }, central);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
