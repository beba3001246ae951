import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck, signedIn, type AccountLink } from '../../../test/offers';
import { buildCadre, buildTrip, buildUnit, inProvince, provinceIdOf } from '../../../test/factories';

type Action = 'assign' | 'answer' | 'close';
const ACTIONS: Action[] = ['assign', 'answer', 'close'];
const STATUSES = ['OPEN', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'] as const;

const VIEWER_CAN = `query { recommendations(first: 100) { nodes { id viewerCan { assign answer close } } } }`;

/** Each action's mutation with a valid input: whether it succeeds then depends on who and on the status. */
const MUTATIONS: Record<Action, string> = {
  assign: `mutation ($id: ID!, $dept: ID!) {
    assignRecommendation(id: $id, version: 1, input: { departmentId: $dept, dueOn: "2026-09-30" }) { id } }`,
  answer: `mutation ($id: ID!) { answerRecommendation(id: $id, version: 1, answer: "Ban đã làm việc với đơn vị, sẽ hỗ trợ") { id } }`,
  close: `mutation ($id: ID!) { closeRecommendation(id: $id, version: 1) { id } }`,
};

describe('a recommendation’s viewerCan is exactly what its mutations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let assigned: { id: string };
  let commune: { id: string };
  const actors: Array<{ name: string; token: string }> = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    assigned = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    const other = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đức Trọng', parentId: agency.id });
    const account = async (role: Role, link: AccountLink = {}) => (await signedIn(product, ldg, role, link)).token;
    actors.push(
      { name: 'central', token: await account(Role.CENTRAL) },
      { name: 'organisation department', token: await account(Role.PROVINCE_ADMIN) },
      { name: 'standing board', token: await account(Role.STANDING_BOARD, { departmentId: other.id }) },
      { name: 'head of the assigned department', token: await account(Role.DEPARTMENT_HEAD, { departmentId: assigned.id }) },
      { name: 'head of another department', token: await account(Role.DEPARTMENT_HEAD, { departmentId: other.id }) },
      { name: 'cadre', token: await account(Role.CADRE, { departmentId: assigned.id }) },
      { name: 'host unit', token: await account(Role.HOST_UNIT, { unitId: commune.id }) },
    );
  });
  afterAll(() => product.stop());

  /** A fresh recommendation of the commune in `status`, given to the department once it is in progress. */
  const recommendationIn = async (status: (typeof STATUSES)[number]): Promise<string> => {
    const id = randomUUID();
    const given = status !== 'OPEN';
    const answered = status === 'ANSWERED' || status === 'CLOSED';
    await inProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO recommendation (province_id, id, text, unit_id, department_id, due_on, status, answer)
         VALUES ($1, $2, 'Cần thêm kinh phí cho sân chơi thiếu nhi', $3, $4, $5, $6, $7)`,
        [
          ldg,
          id,
          commune.id,
          given ? assigned.id : null,
          given ? '2026-09-01' : null,
          status,
          answered ? 'Đã bố trí kinh phí' : null,
        ],
      ),
    );
    return id;
  };

  it.each(ACTIONS)('%s: shown exactly when the mutation succeeds, for every role and status', async (action) => {
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const status of STATUSES) {
        const id = await recommendationIn(status);
        const read = await product.gql(VIEWER_CAN, {}, actor.token);
        const node = (
          read.data?.recommendations?.nodes as Array<{ id: string; viewerCan: Record<Action, boolean> }> | undefined
        )?.find((n) => n.id === id);
        const can = node?.viewerCan[action] ?? false;
        const res = await product.gql(MUTATIONS[action], { id, dept: assigned.id }, actor.token);
        check.record(`${actor.name} @ ${status}`, can, OfferCheck.refusal(res));
      }
    }
    check.verify();
  });
});

describe('a good model’s and a visit’s viewerCan are exactly what their mutations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let district: { id: string };
  let commune: { id: string };
  let lead: { id: string };
  const actors: Array<{ name: string; token: string }> = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    const office = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Văn phòng',
      parentId: agency.id,
    });
    district = await buildUnit(product.owner, { provinceId: ldg, kind: 'DISTRICT_UNION', name: 'Huyện đoàn Lâm Hà' });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Nam Hà', parentId: district.id });
    const other = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Phúc Thọ' });
    lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id });
    const account = async (role: Role, unitId?: string) => (await signedIn(product, ldg, role, { unitId })).token;
    actors.push(
      { name: 'central', token: await account(Role.CENTRAL) },
      { name: 'organisation department', token: await account(Role.PROVINCE_ADMIN) },
      { name: 'standing board', token: await account(Role.STANDING_BOARD) },
      { name: 'department head', token: await account(Role.DEPARTMENT_HEAD) },
      { name: 'cadre', token: await account(Role.CADRE) },
      { name: 'visited commune', token: await account(Role.HOST_UNIT, commune.id) },
      { name: 'district above it', token: await account(Role.HOST_UNIT, district.id) },
      { name: 'another commune', token: await account(Role.HOST_UNIT, other.id) },
      { name: 'host account without a unit', token: await account(Role.HOST_UNIT) },
    );
  });
  afterAll(() => product.stop());

  it('setReplication: shown exactly when the mutation succeeds, for every role', async () => {
    const check = new OfferCheck();
    for (const actor of actors) {
      const id = randomUUID();
      await inProvince(product.owner, ldg, () =>
        product.owner.query(
          `INSERT INTO good_model (province_id, id, name, description, field, unit_id, replication)
           VALUES ($1, $2, 'Mô hình Thắp sáng đường quê', '', 'VOLUNTEERING', $3, 'IDENTIFIED')`,
          [ldg, id, commune.id],
        ),
      );
      const read = await product.gql(`{ goodModels(first: 100) { nodes { id viewerCan { setReplication } } } }`, {}, actor.token);
      const nodes = (
        read.data?.goodModels as { nodes: Array<{ id: string; viewerCan: { setReplication: boolean } }> } | undefined
      )?.nodes;
      const can = nodes?.find((n) => n.id === id)?.viewerCan.setReplication ?? false;
      const res = await product.gql(
        `mutation ($id: ID!, $unit: ID!) { setGoodModelReplication(id: $id, version: 1, replication: REPLICATING,
          unitIds: [$unit], since: "2026-06-01") { id } }`,
        { id, unit: commune.id },
        actor.token,
      );
      check.record(actor.name, can, OfferCheck.refusal(res));
    }
    check.verify();
    expect(check.allowedCases.sort()).toEqual(['organisation department', 'standing board']);
  });

  it('viewerCanGiveFeedback: shown exactly when submitting feedback succeeds, for every role and trip state, once', async () => {
    const SUBMIT = `mutation ($input: HostFeedbackInput!) { submitHostFeedback(input: $input) { tripId trip { viewerCanGiveFeedback } } }`;
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const state of ['SUBMITTED', 'APPROVED', 'COMPLETED']) {
        const trip = await buildTrip(product.owner, { provinceId: ldg, leadCadreId: lead.id, destinationId: commune.id, state });
        const read = await product.gql(
          `query ($id: ID!) { trip(id: $id) { viewerCanGiveFeedback } }`,
          { id: trip.id },
          actor.token,
        );
        const can = (read.data?.trip as { viewerCanGiveFeedback: boolean } | null)?.viewerCanGiveFeedback ?? false;
        const input = {
          tripId: trip.id,
          noConference: true,
          noDistrictEscort: true,
          noCost: true,
          noPartyCommittee: true,
          comment: '',
        };
        const res = await product.gql(SUBMIT, { input }, actor.token);
        check.record(`${actor.name} @ ${state}`, can, OfferCheck.refusal(res));
        if (!res.errors) {
          const answered = (res.data?.submitHostFeedback as { trip: { viewerCanGiveFeedback: boolean } }).trip;
          if (answered.viewerCanGiveFeedback) check.mismatch(`${actor.name} @ ${state}: still offered once sent`);
          const again = await product.gql(SUBMIT, { input }, actor.token);
          if (!again.errors) check.mismatch(`${actor.name} @ ${state}: accepted twice`);
        }
      }
    }
    check.verify();
    expect(check.allowedCases).toEqual(
      expect.arrayContaining(['visited commune @ APPROVED', 'visited commune @ COMPLETED', 'district above it @ COMPLETED']),
    );
    expect(check.allowedCases).not.toContain('another commune @ COMPLETED');
  });
});
