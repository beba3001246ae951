import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { randomUUID } from 'node:crypto';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';
import { announceOverdueActions } from './inspection.events';

const DECIDE = `mutation ($id: ID!, $v: Int!) { decideTrips(trips: [{ id: $id, version: $v }], decision: APPROVE) { version } }`;
const COMPLETE = `mutation ($id: ID!, $v: Int!, $s: LocalDate!, $e: LocalDate!) {
  completeTrip(id: $id, version: $v, input: { actualStart: $s, actualEnd: $e }) { version state } }`;

describe('inspection and supervision: plan, team, visit, conclusion, corrective actions', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let board: string;
  let units: Record<'commune' | 'other' | 'deptA' | 'deptB', { id: string; name: string }>;
  let lead: { id: string };
  let member: { id: string };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-05-20') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    const boardUser = await buildUser(product.owner, {
      role: Role.STANDING_BOARD,
      provinceId: ldg,
      fullName: 'Bí thư Tỉnh đoàn',
    });
    board = await product.login(boardUser.username);
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    units = {
      deptA: await buildUnit(product.owner, {
        provinceId: ldg,
        kind: 'DEPARTMENT',
        name: 'Ban Tổ chức – Kiểm tra',
        parentId: agency.id,
      }),
      deptB: await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Văn phòng', parentId: agency.id }),
      commune: await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Lạc Dương', parentId: agency.id }),
      other: await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đam Rông', parentId: agency.id }),
    };
    lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: units.deptA.id, fullName: 'Đặng Văn Kiểm' });
    member = await buildCadre(product.owner, { provinceId: ldg, departmentId: units.deptB.id, fullName: 'Hồ Thị Tra' });
  });
  afterAll(() => product.stop());

  it('runs an inspection from the plan to verified corrections, counting the visit as the team’s days', async () => {
    const plan = await product.ok(
      `mutation ($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id title targets { name } } }`,
      {
        input: {
          year: 2026,
          title: 'Kiểm tra công tác phát triển đoàn viên 6 tháng đầu năm',
          subject: 'MEMBER_DEVELOPMENT',
          startsOn: '2026-04-01',
          endsOn: '2026-06-30',
          targetUnitIds: [units.commune.id],
        },
      },
      board,
    );
    expect(plan.createInspectionPlan.targets).toEqual([{ name: 'Đoàn xã Lạc Dương' }]);
    const team = await product.ok(
      `mutation ($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id members { fullName } lead { fullName } } }`,
      {
        input: { planId: plan.createInspectionPlan.id, name: 'Đoàn kiểm tra số 1', leadCadreId: lead.id, memberIds: [member.id] },
      },
      board,
    );
    expect(team.createInspectionTeam.members.map((m: { fullName: string }) => m.fullName).sort()).toEqual(
      ['Hồ Thị Tra', 'Đặng Văn Kiểm'].sort(),
    );

    const notTarget = await product.gql(
      `mutation ($input: ScheduleInspectionVisitInput!) { scheduleInspectionVisit(input: $input) { id } }`,
      { input: { teamId: team.createInspectionTeam.id, unitId: units.other.id, startDate: '2026-06-01', endDate: '2026-06-02' } },
      board,
    );
    expect(notTarget.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });

    const visit = (
      await product.ok(
        `mutation ($input: ScheduleInspectionVisitInput!) { scheduleInspectionVisit(input: $input) { id version state kind inspectionTeamId members { fullName } } }`,
        {
          input: {
            teamId: team.createInspectionTeam.id,
            unitId: units.commune.id,
            startDate: '2026-05-11',
            endDate: '2026-05-12',
            lateJustification: 'Lịch kiểm tra do Ban Thường vụ điều chỉnh.',
          },
        },
        board,
      )
    ).scheduleInspectionVisit;
    expect(visit).toMatchObject({ state: 'SUBMITTED', kind: 'INSPECTION', inspectionTeamId: team.createInspectionTeam.id });
    expect(visit.members).toHaveLength(2);

    const approved = (await product.ok(DECIDE, { id: visit.id, v: visit.version }, board)).decideTrips[0];
    const early = await product.gql(
      `mutation ($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { id } }`,
      {
        input: {
          tripId: visit.id,
          unitId: units.commune.id,
          findings: 'Đơn vị thực hiện tốt công tác.',
          rating: 'GOOD',
          concludedOn: '2026-05-13',
        },
      },
      board,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
    await product.ok(COMPLETE, { id: visit.id, v: approved.version, s: '2026-05-11', e: '2026-05-12' }, admin);

    const CONCLUDE = `mutation ($input: ConcludeInspectionInput!) { concludeInspection(input: $input) {
      id rating unit { name } actions { id version status dueOn responsibleUnit { name } } } }`;
    const badDue = await product.gql(
      CONCLUDE,
      {
        input: {
          tripId: visit.id,
          unitId: units.commune.id,
          findings: 'Sổ sách đoàn viên chưa cập nhật đầy đủ.',
          rating: 'AVERAGE',
          concludedOn: '2026-05-13',
          actions: [{ description: 'Cập nhật sổ đoàn viên', responsibleUnitId: units.commune.id, dueOn: '2026-05-01' }],
        },
      },
      board,
    );
    expect(badDue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.actions.0.dueOn' });

    const conclusion = (
      await product.ok(
        CONCLUDE,
        {
          input: {
            tripId: visit.id,
            unitId: units.commune.id,
            findings: 'Sổ sách đoàn viên chưa cập nhật đầy đủ; sinh hoạt chi đoàn chưa đều.',
            rating: 'AVERAGE',
            concludedOn: '2026-05-13',
            actions: [
              { description: 'Cập nhật sổ đoàn viên', responsibleUnitId: units.commune.id, dueOn: '2026-05-15' },
              { description: 'Sinh hoạt chi đoàn định kỳ hằng tháng', responsibleUnitId: units.commune.id, dueOn: '2026-06-30' },
            ],
          },
        },
        board,
      )
    ).concludeInspection;
    expect(conclusion).toMatchObject({ rating: 'AVERAGE', unit: { name: 'Đoàn xã Lạc Dương' } });
    const [overdueAction, laterAction] = conclusion.actions;

    const overdue = await product.ok(`{ correctiveActions(overdueOnly: true) { nodes { id overdue description } } }`, {}, admin);
    expect(overdue.correctiveActions.nodes).toEqual([
      { id: overdueAction.id, overdue: true, description: 'Cập nhật sổ đoàn viên' },
    ]);

    // The responsible unit reports the correction; another unit cannot.
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: units.commune.id });
    const otherHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, otherHost.id, { unitId: units.other.id });
    const DONE = `mutation ($id: ID!, $v: Int!) { markCorrectiveActionDone(id: $id, version: $v, note: "Đã rà soát, cập nhật 124 đoàn viên.") { status version } }`;
    const wrong = await product.gql(
      DONE,
      { id: overdueAction.id, v: overdueAction.version },
      await product.login(otherHost.username),
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hostToken = await product.login(host.username);
    const mine = await product.ok(`{ correctiveActions { nodes { id } } }`, {}, hostToken);
    expect(mine.correctiveActions.nodes.map((a: { id: string }) => a.id).sort()).toEqual(
      [overdueAction.id, laterAction.id].sort(),
    );
    const done = (await product.ok(DONE, { id: overdueAction.id, v: overdueAction.version }, hostToken)).markCorrectiveActionDone;
    expect(done.status).toBe('DONE');
    const verified = await product.ok(
      `mutation ($id: ID!, $v: Int!) { verifyCorrectiveAction(id: $id, version: $v) { status } }`,
      { id: overdueAction.id, v: done.version },
      board,
    );
    expect(verified.verifyCorrectiveAction.status).toBe('VERIFIED');
    expect((await product.ok(`{ correctiveActions(overdueOnly: true) { totalCount } }`, {}, admin)).correctiveActions).toEqual({
      totalCount: 0,
    });

    // The visit counts as inspection days for both members once reported.
    const trip = await product.ok(
      `query ($id: ID!) { trip(id: $id) { version conclusions { rating } } }`,
      { id: visit.id },
      admin,
    );
    expect(trip.trip.conclusions).toEqual([{ rating: 'AVERAGE' }]);
    await product.ok(
      `mutation ($id: ID!, $v: Int!) { reportTrip(id: $id, version: $v, input: { findings: "Đã kiểm tra theo kế hoạch.", details: { conclusion: "Xếp loại trung bình" } }) { state } }`,
      { id: visit.id, v: trip.trip.version },
      admin,
    );
    const figures = await product.ok(
      `{ cadreCompliance(year: 2026) { nodes { fullName countedDays byKind { inspection } } } }`,
      {},
      admin,
    );
    expect(figures.cadreCompliance.nodes).toEqual(
      expect.arrayContaining([
        { fullName: 'Hồ Thị Tra', countedDays: 2, byKind: { inspection: 2 } },
        { fullName: 'Đặng Văn Kiểm', countedDays: 2, byKind: { inspection: 2 } },
      ]),
    );
  });

  it('announces a corrective action live the day it becomes overdue, once', async () => {
    const { createClient } = await import('graphql-ws');
    const { WebSocket } = await import('ws');
    const lead2 = await buildCadre(product.owner, { provinceId: ldg, departmentId: units.deptA.id });
    const visit = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead2.id,
      destinationId: units.other.id,
      kind: 'INSPECTION',
      state: 'COMPLETED',
      startDate: '2026-04-01',
      endDate: '2026-04-01',
    });
    await inProvince(product.owner, ldg, async () => {
      const conclusion = randomUUID();
      await product.owner.query(
        `INSERT INTO inspection_conclusion (province_id, id, trip_id, unit_id, findings, rating, concluded_on) VALUES ($1, $2, $3, $4, 'Thu chi quỹ chưa công khai.', 'WEAK', '2026-04-02')`,
        [ldg, conclusion, visit.id, units.other.id],
      );
      await product.owner.query(
        `INSERT INTO corrective_action (province_id, id, conclusion_id, description, responsible_unit_id, due_on) VALUES ($1, $2, $3, 'Công khai thu chi quỹ Đoàn', $4, '2026-05-01')`,
        [ldg, randomUUID(), conclusion, units.other.id],
      );
    });
    const events: Array<{ kind: string; title: string }> = [];
    const client = createClient({
      url: `${product.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${board}` },
    });
    const dispose = client.subscribe<{ findingEvents: { kind: string; title: string } }>(
      { query: 'subscription { findingEvents { kind title } }' },
      { next: (v) => v.data && events.push(v.data.findingEvents), error: () => undefined, complete: () => undefined },
    );
    // The subscription registers asynchronously: announce until it is heard, re-arming the action
    // when an announcement went out before anyone listened.
    const heard = () => events.some((e) => e.title === 'Công khai thu chi quỹ Đoàn');
    for (let i = 0; i < 20 && !heard(); i += 1) {
      const announced = await announceOverdueActions(product.deps);
      for (let wait = 0; wait < 10 && !heard(); wait += 1) await new Promise((r) => setTimeout(r, 100));
      if (announced > 0 && !heard()) {
        await inProvince(product.owner, ldg, () =>
          product.owner.query(
            `UPDATE corrective_action SET overdue_announced_at = NULL WHERE description = 'Công khai thu chi quỹ Đoàn'`,
          ),
        );
      }
    }
    expect(events).toContainEqual({ kind: 'ACTION_OVERDUE', title: 'Công khai thu chi quỹ Đoàn' });
    expect(await announceOverdueActions(product.deps)).toBe(0);
    dispose();
    await client.dispose();
  });

  it('records participation in a higher-level team with its organiser', async () => {
    const cadreUser = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const mine = await buildCadre(product.owner, { provinceId: ldg, departmentId: units.deptA.id });
    await linkUser(product.owner, cadreUser.id, { cadreId: mine.id });
    const trip = await product.ok(
      `mutation ($input: ExternalInspectionInput!) { recordExternalInspection(input: $input) { kind organiser state purpose } }`,
      {
        input: {
          cadreId: mine.id,
          organiser: 'Trung ương Đoàn',
          title: 'Giám sát công tác vay vốn ủy thác',
          unitIds: [units.other.id],
          startDate: '2026-07-06',
          endDate: '2026-07-07',
        },
      },
      await product.login(cadreUser.username),
    );
    expect(trip.recordExternalInspection).toMatchObject({ kind: 'INSPECTION', organiser: 'Trung ương Đoàn', state: 'SUBMITTED' });
  });

  it('keeps another province out of the plans and refuses its units as targets', async () => {
    const hni = await provinceIdOf(product.owner, 'HNI');
    const hniAdmin = await product.login(
      (await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username,
    );
    const peek = await product.gql(
      `query ($p: Int) { inspectionPlans(year: 2026, provinceId: $p) { nodes { id } } }`,
      { p: ldg },
      hniAdmin,
    );
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await product.ok(`{ inspectionPlans(year: 2026) { totalCount } }`, {}, hniAdmin)).inspectionPlans).toEqual({
      totalCount: 0,
    });
    const foreign = await product.gql(
      `mutation ($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
      {
        input: {
          year: 2026,
          title: 'Kiểm tra',
          subject: 'OTHER',
          startsOn: '2026-04-01',
          endsOn: '2026-04-30',
          targetUnitIds: [units.commune.id],
        },
      },
      hniAdmin,
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetUnitIds' });
  });
});
