import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck, signedIn, type AccountLink } from '../../../test/offers';
import { buildCadre, buildTrip, buildUnit, inProvince, provinceIdOf } from '../../../test/factories';

type Action = 'submit' | 'decide';
const ACTIONS: Action[] = ['submit', 'decide'];
const STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;

const VIEWER_CAN = `query ($year: Int!, $quarter: Int!) {
  quarterlyPlans(year: $year, quarter: $quarter) { id departmentId viewerCan { submit decide } } }`;

/** Each action's mutation with a valid input: whether it succeeds then depends on who and on the plan's state. */
const MUTATIONS: Record<Action, string> = {
  submit: `mutation ($dept: ID!, $year: Int!, $quarter: Int!) {
    submitQuarterlyPlan(departmentId: $dept, year: $year, quarter: $quarter) { id } }`,
  decide: `mutation ($id: ID!) { decideQuarterlyPlan(id: $id, version: 1, approve: true) { id } }`,
};

describe('a quarterly plan’s viewerCan is exactly what its mutations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let dept: { id: string };
  let commune: { id: string };
  let leadCadreId: string;
  const actors: Array<{ name: string; token: string }> = [];
  let next = 0;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    dept = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Phong trào', parentId: agency.id });
    const other = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });
    leadCadreId = (await buildCadre(product.owner, { provinceId: ldg, departmentId: dept.id })).id;
    const account = async (role: Role, link: AccountLink = {}) => (await signedIn(product, ldg, role, link)).token;
    actors.push(
      { name: 'central', token: await account(Role.CENTRAL) },
      { name: 'organisation department', token: await account(Role.PROVINCE_ADMIN, { departmentId: other.id }) },
      { name: 'standing board', token: await account(Role.STANDING_BOARD, { departmentId: other.id }) },
      { name: 'head of the department', token: await account(Role.DEPARTMENT_HEAD, { departmentId: dept.id }) },
      { name: 'head of another department', token: await account(Role.DEPARTMENT_HEAD, { departmentId: other.id }) },
      { name: 'cadre of the department', token: await account(Role.CADRE, { departmentId: dept.id }) },
      { name: 'host unit', token: await account(Role.HOST_UNIT, { unitId: commune.id }) },
    );
  });
  afterAll(() => product.stop());

  /**
   * A quarter of its own with the department's plan in `state`: one draft trip waiting to be submitted,
   * and one submitted with the plan waiting for the board.
   */
  const planIn = async (state: (typeof STATES)[number]) => {
    const n = next++;
    const year = 2027 + Math.floor(n / 4);
    const quarter = (n % 4) + 1;
    const month = String((quarter - 1) * 3 + 1).padStart(2, '0');
    const id = randomUUID();
    await inProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO quarterly_plan (province_id, id, department_id, year, quarter, state) VALUES ($1, $2, $3, $4, $5, $6)`,
        [ldg, id, dept.id, year, quarter, state],
      ),
    );
    const trips = [
      { state: 'DRAFT', day: '10' },
      { state: 'SUBMITTED', day: '20' },
    ];
    for (const t of trips) {
      const date = `${year}-${month}-${t.day}`;
      const trip = await buildTrip(product.owner, {
        provinceId: ldg,
        leadCadreId,
        destinationId: commune.id,
        state: t.state,
        startDate: date,
        endDate: date,
      });
      await inProvince(product.owner, ldg, () =>
        product.owner.query('UPDATE trip SET department_id = $2, plan_id = $3 WHERE id = $1', [
          trip.id,
          dept.id,
          t.state === 'SUBMITTED' ? id : null,
        ]),
      );
    }
    return { id, year, quarter };
  };

  it.each(ACTIONS)('%s: shown exactly when the mutation succeeds, for every role and state', async (action) => {
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const state of STATES) {
        const plan = await planIn(state);
        const read = await product.gql(VIEWER_CAN, { year: plan.year, quarter: plan.quarter }, actor.token);
        const node = (read.data?.quarterlyPlans as Array<{ id: string; viewerCan: Record<Action, boolean> }> | undefined)?.find(
          (p) => p.id === plan.id,
        );
        const can = node?.viewerCan[action] ?? false;
        const res = await product.gql(
          MUTATIONS[action],
          { id: plan.id, dept: dept.id, year: plan.year, quarter: plan.quarter },
          actor.token,
        );
        check.record(`${actor.name} @ ${state}`, can, OfferCheck.refusal(res));
      }
    }
    check.verify();
  });

  it('lets a department head submit their own department’s quarter only, and the board decide it once submitted', async () => {
    const can = async (name: string, state: (typeof STATES)[number]) => {
      const plan = await planIn(state);
      const token = actors.find((a) => a.name === name)!.token;
      const read = await product.ok<{ quarterlyPlans: Array<{ id: string; viewerCan: Record<Action, boolean> }> }>(
        VIEWER_CAN,
        { year: plan.year, quarter: plan.quarter },
        token,
      );
      return read.quarterlyPlans.find((p) => p.id === plan.id)?.viewerCan;
    };
    expect(await can('head of the department', 'RETURNED')).toEqual({ submit: true, decide: false });
    expect(await can('head of another department', 'DRAFT')).toEqual({ submit: false, decide: false });
    expect(await can('organisation department', 'DRAFT')).toEqual({ submit: true, decide: false });
    expect(await can('standing board', 'SUBMITTED')).toEqual({ submit: false, decide: true });
    expect(await can('central', 'SUBMITTED')).toEqual({ submit: false, decide: false });

    const plan = await planIn('DRAFT');
    const other = actors.find((a) => a.name === 'head of another department')!.token;
    const refused = await product.gql(MUTATIONS.submit, { dept: dept.id, year: plan.year, quarter: plan.quarter }, other);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const board = actors.find((a) => a.name === 'standing board')!.token;
    const early = await product.gql(MUTATIONS.decide, { id: plan.id }, board);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION', field: 'id' });
  });
});
