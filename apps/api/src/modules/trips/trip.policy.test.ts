import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck, signedIn } from '../../../test/offers';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

type Action = 'edit' | 'submit' | 'cancel' | 'complete' | 'report' | 'acceptReport' | 'decide' | 'merge';
const ACTIONS: Action[] = ['edit', 'submit', 'cancel', 'complete', 'report', 'acceptReport', 'decide', 'merge'];
const STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'COMPLETED',
  'REPORTED',
  'REPORT_ACCEPTED',
  'CANCELLED',
] as const;

const VIEWER_CAN = `query ($id: ID!) { trip(id: $id) { viewerCan { edit submit cancel complete report acceptReport decide merge } } }`;

/** Each action's mutation with a valid input: whether it succeeds then depends on who and on the trip's state. */
const MUTATIONS: Record<Action, string> = {
  edit: `mutation ($id: ID!, $version: Int!) { updateTrip(id: $id, version: $version, input: { title: "Chuyến đi đã sửa tên" }) { id } }`,
  submit: `mutation ($id: ID!, $version: Int!) { submitTrip(id: $id, version: $version) { id } }`,
  cancel: `mutation ($id: ID!, $version: Int!) { cancelTrip(id: $id, version: $version, reason: "Trùng lịch họp") { id } }`,
  complete: `mutation ($id: ID!, $version: Int!) {
    completeTrip(id: $id, version: $version, input: { actualStart: "2026-02-10", actualEnd: "2026-02-11" }) { id } }`,
  report: `mutation ($id: ID!, $version: Int!) {
    reportTrip(id: $id, version: $version, input: { findings: "Đoàn viên sinh hoạt đều đặn" }) { id } }`,
  acceptReport: `mutation ($id: ID!, $version: Int!) { acceptTripReport(id: $id, version: $version) { id } }`,
  decide: `mutation ($id: ID!, $version: Int!) { decideTrips(trips: [{ id: $id, version: $version }], decision: APPROVE) { id } }`,
  merge: `mutation ($id: ID!, $version: Int!, $partner: ID!, $host: ID!) {
    mergeDelegations(trips: [{ id: $id, version: $version }, { id: $partner, version: 1 }], hostUnitId: $host) { id } }`,
};

interface Actor {
  name: string;
  token: string;
  /** The trip's lead for this actor's cases: the board member's own trip is led by them. */
  leadCadreId: string;
}

describe('a trip’s viewerCan is exactly what its mutations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let office: { id: string };
  let commune: { id: string };
  let leadCadreId: string;
  let partnerLeadId: string;
  let creatorUserId: string;
  const actors: Actor[] = [];
  let day = 0;

  /** A one-day date of its own, from May on, so no two submitted trips of one lead overlap. */
  const freshDate = (): string => {
    const d = new Date(Date.UTC(2026, 4, 1 + day++));
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    office = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Văn phòng', parentId: agency.id });
    const other = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });

    const account = (role: Role, departmentId?: string) => signedIn(product, ldg, role, { departmentId });
    const lead = await account(Role.CADRE, office.id);
    leadCadreId = lead.cadreId!;
    partnerLeadId = (await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id })).id;
    const creator = await account(Role.CADRE, office.id);
    creatorUserId = creator.userId;
    const board = await account(Role.STANDING_BOARD, other.id);
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: commune.id });
    const central = await buildUser(product.owner, { role: Role.CENTRAL });
    const add = (name: string, token: string, lead = leadCadreId) => actors.push({ name, token, leadCadreId: lead });
    add('central', await product.login(central.username));
    add('organisation department', (await account(Role.PROVINCE_ADMIN)).token);
    add('standing board', board.token);
    add('standing board, own trip', board.token, board.cadreId!);
    add('head of the lead’s department', (await account(Role.DEPARTMENT_HEAD, office.id)).token);
    add('head of another department', (await account(Role.DEPARTMENT_HEAD, other.id)).token);
    add('cadre lead', lead.token);
    add('cadre who registered it, not the lead', creator.token);
    add('other cadre', (await account(Role.CADRE, office.id)).token);
    add('host unit', await product.login(host.username));
  });
  afterAll(() => product.stop());

  /** A fresh trip of the lead's department, registered by the creator, in `state`. */
  const tripIn = async (state: string, lead: string, action: Action) => {
    const dates = action === 'submit' ? { startDate: freshDate() } : {};
    const trip = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead,
      destinationId: commune.id,
      state,
      ...dates,
      ...(dates.startDate ? { endDate: dates.startDate } : {}),
    });
    await inProvince(product.owner, ldg, () =>
      product.owner.query('UPDATE trip SET department_id = $2, created_by = $3 WHERE id = $1', [
        trip.id,
        office.id,
        creatorUserId,
      ]),
    );
    return trip;
  };

  const partner = async () =>
    buildTrip(product.owner, { provinceId: ldg, leadCadreId: partnerLeadId, destinationId: commune.id, state: 'APPROVED' });

  it.each(ACTIONS)('%s: shown exactly when the mutation succeeds, for every role and state', async (action) => {
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const state of STATES) {
        const trip = await tripIn(state, actor.leadCadreId, action);
        const read = await product.gql(VIEWER_CAN, { id: trip.id }, actor.token);
        const can: boolean = read.data?.trip?.viewerCan?.[action] ?? false;
        const extra = action === 'merge' ? { partner: (await partner()).id, host: commune.id } : {};
        const res = await product.gql(MUTATIONS[action], { id: trip.id, version: trip.version, ...extra }, actor.token);
        check.record(`${actor.name} @ ${state}`, can, OfferCheck.refusal(res));
      }
    }
    check.verify();
  });

  it('lets whoever registered a trip manage it, and keeps a board member off deciding their own', async () => {
    const by = (name: string) => actors.find((a) => a.name === name)!;
    const can = async (name: string, state: string) => {
      const trip = await tripIn(state, by(name).leadCadreId, 'edit');
      return (await product.ok(VIEWER_CAN, { id: trip.id }, by(name).token)).trip.viewerCan;
    };
    expect(await can('cadre who registered it, not the lead', 'DRAFT')).toMatchObject({ edit: true, submit: true, cancel: true });
    expect(await can('other cadre', 'DRAFT')).toMatchObject({ edit: false, submit: false, cancel: false });
    expect(await can('standing board', 'SUBMITTED')).toMatchObject({ decide: true, cancel: true });
    expect(await can('standing board, own trip', 'SUBMITTED')).toMatchObject({ decide: false, cancel: true });
    expect(await can('head of another department', 'REPORTED')).toMatchObject({ acceptReport: false });
    expect(await can('head of the lead’s department', 'REPORTED')).toMatchObject({ acceptReport: true });
  });
});
