import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck, signedIn, type AccountLink } from '../../../test/offers';
import { buildCadre, buildTrip, buildUnit, inProvince, provinceIdOf } from '../../../test/factories';

type Actor = { name: string; token: string };

describe('inspection viewerCan is exactly what the inspection mutations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let commune: { id: string };
  let leadCadre: { id: string };
  let board: string;
  const actors: Actor[] = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-05-20') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    const office = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Văn phòng',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Lạc Dương', parentId: agency.id });
    const other = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đam Rông', parentId: agency.id });
    leadCadre = await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id, fullName: 'Đặng Văn Kiểm' });
    const account = async (role: Role, link: AccountLink = {}) => (await signedIn(product, ldg, role, link)).token;
    const cadreOf = async () => ({ cadreId: (await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id })).id });
    board = await account(Role.STANDING_BOARD, await cadreOf());
    actors.push(
      { name: 'central', token: await account(Role.CENTRAL) },
      { name: 'organisation department', token: await account(Role.PROVINCE_ADMIN) },
      { name: 'standing board', token: board },
      { name: 'department head', token: await account(Role.DEPARTMENT_HEAD, await cadreOf()) },
      { name: 'cadre', token: await account(Role.CADRE, await cadreOf()) },
      { name: 'the visit’s lead', token: await account(Role.CADRE, { cadreId: leadCadre.id }) },
      { name: 'responsible host unit', token: await account(Role.HOST_UNIT, { unitId: commune.id }) },
      { name: 'another host unit', token: await account(Role.HOST_UNIT, { unitId: other.id }) },
    );
  });
  afterAll(() => product.stop());

  /** A visit of the lead to the commune in `state`, as an inspection trip. */
  const visitIn = (state: string) =>
    buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: leadCadre.id,
      destinationId: commune.id,
      kind: 'INSPECTION',
      state,
      startDate: '2026-05-04',
      endDate: '2026-05-05',
    });

  /** A corrective action of the commune in `status`, from a conclusion on a completed visit. */
  const actionIn = async (status: string): Promise<string> => {
    const trip = await visitIn('COMPLETED');
    const conclusionId = randomUUID();
    const id = randomUUID();
    await inProvince(product.owner, ldg, async () => {
      await product.owner.query(
        `INSERT INTO inspection_conclusion (province_id, id, trip_id, unit_id, findings, rating, concluded_on)
         VALUES ($1, $2, $3, $4, 'Sổ sách đoàn viên chưa đầy đủ', 'AVERAGE', '2026-05-06')`,
        [ldg, conclusionId, trip.id, commune.id],
      );
      await product.owner.query(
        `INSERT INTO corrective_action (province_id, id, conclusion_id, description, responsible_unit_id, due_on, status)
         VALUES ($1, $2, $3, 'Cập nhật sổ đoàn viên', $4, '2026-06-30', $5)`,
        [ldg, id, conclusionId, commune.id, status],
      );
    });
    return id;
  };

  it.each(['markDone', 'verify'] as const)(
    'corrective action %s: shown exactly when the mutation succeeds, for every role and status',
    async (action) => {
      const MUTATION = {
        markDone: `mutation ($id: ID!) { markCorrectiveActionDone(id: $id, version: 1, note: "Đã cập nhật đủ sổ đoàn viên") { id } }`,
        verify: `mutation ($id: ID!) { verifyCorrectiveAction(id: $id, version: 1) { id } }`,
      }[action];
      const check = new OfferCheck();
      for (const actor of actors) {
        for (const status of ['OPEN', 'DONE', 'VERIFIED']) {
          const id = await actionIn(status);
          const read = await product.gql(
            `{ correctiveActions(first: 100) { nodes { id viewerCan { markDone verify } } } }`,
            {},
            actor.token,
          );
          const nodes = (read.data?.correctiveActions as { nodes: Array<{ id: string; viewerCan: Record<string, boolean> }> })
            ?.nodes;
          const can = nodes?.find((n) => n.id === id)?.viewerCan[action] ?? false;
          const res = await product.gql(MUTATION, { id }, actor.token);
          check.record(`${actor.name} @ ${status}`, can, OfferCheck.refusal(res));
        }
      }
      check.verify();
    },
  );

  it('corrective actions: the responsible unit and the organisation department report, the board and the department verify', async () => {
    const open = await actionIn('OPEN');
    const done = await actionIn('DONE');
    const read = async (name: string) =>
      (
        await product.ok(
          `{ correctiveActions(first: 100) { nodes { id viewerCan { markDone verify } } } }`,
          {},
          actors.find((a) => a.name === name)!.token,
        )
      ).correctiveActions.nodes as Array<{ id: string; viewerCan: { markDone: boolean; verify: boolean } }>;
    const host = await read('responsible host unit');
    expect(host.find((n) => n.id === open)?.viewerCan).toEqual({ markDone: true, verify: false });
    const boardCan = await read('standing board');
    expect(boardCan.find((n) => n.id === done)?.viewerCan).toEqual({ markDone: false, verify: true });
  });

  it('conclude: shown on a visit exactly when concluding it succeeds, for every role and state', async () => {
    const CONCLUDE = `mutation ($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { id } }`;
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const state of ['APPROVED', 'COMPLETED', 'REPORTED']) {
        const trip = await visitIn(state);
        const read = await product.gql(
          `query ($id: ID!) { trip(id: $id) { inspectionViewerCan { conclude } } }`,
          { id: trip.id },
          actor.token,
        );
        const can =
          (read.data?.trip as { inspectionViewerCan: { conclude: boolean } } | null)?.inspectionViewerCan.conclude ?? false;
        const input = {
          tripId: trip.id,
          unitId: commune.id,
          findings: 'Đơn vị thực hiện tốt công tác phát triển đoàn viên.',
          rating: 'GOOD',
          concludedOn: '2026-05-06',
        };
        const res = await product.gql(CONCLUDE, { input }, actor.token);
        check.record(`${actor.name} @ ${state}`, can, OfferCheck.refusal(res));
        if (!res.errors) {
          // Once concluded for its only unit, the visit offers no other conclusion.
          const after = await product.ok(
            `query ($id: ID!) { trip(id: $id) { inspectionViewerCan { conclude } } }`,
            { id: trip.id },
            actor.token,
          );
          if (after.trip.inspectionViewerCan.conclude) check.mismatch(`${actor.name} @ ${state}: still offered once concluded`);
        }
      }
    }
    check.verify();
    expect(check.allowedCases).toEqual(
      expect.arrayContaining([
        'organisation department @ COMPLETED',
        'standing board @ REPORTED',
        'the visit’s lead @ COMPLETED',
      ]),
    );
    expect(check.allowedCases).not.toContain('cadre @ COMPLETED');
  });

  it('plan: adding a team and scheduling a visit shown exactly when the mutations succeed, for every role', async () => {
    const check = new OfferCheck();
    let n = 0;
    for (const actor of actors) {
      n += 1;
      const lead = await buildCadre(product.owner, { provinceId: ldg, fullName: `Trưởng đoàn số ${n}` });
      const plan = (
        await product.ok(
          `mutation ($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
          {
            input: {
              year: 2026,
              title: `Kiểm tra công tác đoàn số ${n}`,
              subject: 'ORGANISATION',
              description: '',
              startsOn: '2026-07-01',
              endsOn: '2026-09-30',
              targetUnitIds: [commune.id],
            },
          },
          board,
        )
      ).createInspectionPlan;
      const team = (
        await product.ok(
          `mutation ($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id } }`,
          { input: { planId: plan.id, name: 'Đoàn kiểm tra', leadCadreId: lead.id, memberIds: [] } },
          board,
        )
      ).createInspectionTeam;
      const read = await product.gql(
        `{ inspectionPlans(year: 2026, first: 100) { nodes { id viewerCan { addTeam scheduleVisits } } } }`,
        {},
        actor.token,
      );
      const can = (
        read.data?.inspectionPlans as { nodes: Array<{ id: string; viewerCan: Record<string, boolean> }> } | undefined
      )?.nodes.find((p) => p.id === plan.id)?.viewerCan ?? { addTeam: false, scheduleVisits: false };
      const addTeam = await product.gql(
        `mutation ($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id } }`,
        { input: { planId: plan.id, name: 'Đoàn kiểm tra số 2', leadCadreId: lead.id, memberIds: [] } },
        actor.token,
      );
      const schedule = await product.gql(
        `mutation ($input: ScheduleInspectionVisitInput!) { scheduleInspectionVisit(input: $input) { id } }`,
        {
          input: {
            teamId: team.id,
            unitId: commune.id,
            startDate: `2026-08-${String(n + 10)}`,
            endDate: `2026-08-${String(n + 10)}`,
          },
        },
        actor.token,
      );
      for (const [key, res] of [
        ['addTeam', addTeam],
        ['scheduleVisits', schedule],
      ] as const) {
        check.record(`${actor.name} ${key}`, can[key], OfferCheck.refusal(res));
      }
    }
    check.verify();
    expect(check.allowedCases).toEqual(
      expect.arrayContaining(['standing board addTeam', 'organisation department scheduleVisits']),
    );
  });

  it('me.can: pages that read the viewer’s own province are not offered to a central user without one', async () => {
    const can = async (name: string) =>
      (
        await product.ok(
          `{ me { can { readInspections readInspectionPlans manageInspections recordInspections readMeetings giveFeedback recordModels } } }`,
          {},
          actors.find((a) => a.name === name)!.token,
        )
      ).me.can;
    expect(await can('central')).toEqual({
      readInspections: true,
      readInspectionPlans: false,
      manageInspections: false,
      recordInspections: false,
      readMeetings: false,
      giveFeedback: false,
      recordModels: false,
    });
    expect(await can('responsible host unit')).toMatchObject({
      readInspections: true,
      readInspectionPlans: false,
      giveFeedback: true,
    });
    expect(await can('department head')).toMatchObject({
      readInspectionPlans: true,
      recordInspections: true,
      manageInspections: false,
    });
  });
});
