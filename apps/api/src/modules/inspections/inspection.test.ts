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

  // One inspection followed step by step: each test is one step, on what the steps before it recorded.
  describe('an inspection from the plan to verified corrections', () => {
    const CONCLUDE = `mutation ($input: ConcludeInspectionInput!) { concludeInspection(input: $input) {
      id rating unit { name } actions { id version status dueOn responsibleUnit { name } } } }`;
    const DONE = `mutation ($id: ID!, $v: Int!) { markCorrectiveActionDone(id: $id, version: $v, note: "Đã rà soát, cập nhật 124 đoàn viên.") { status version } }`;
    type Action = { id: string; version: number };
    let plan: { id: string; targets: Array<{ name: string }> };
    let team: { id: string; members: Array<{ fullName: string }> };
    let visit: { id: string; version: number };
    let overdueAction: Action;
    let laterAction: Action;
    let hostToken: string;
    let otherHostToken: string;

    beforeAll(async () => {
      plan = (
        await product.ok(
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
        )
      ).createInspectionPlan;
      team = (
        await product.ok(
          `mutation ($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id members { fullName } lead { fullName } } }`,
          { input: { planId: plan.id, name: 'Đoàn kiểm tra số 1', leadCadreId: lead.id, memberIds: [member.id] } },
          board,
        )
      ).createInspectionTeam;
      const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
      await linkUser(product.owner, host.id, { unitId: units.commune.id });
      hostToken = await product.login(host.username);
      const otherHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
      await linkUser(product.owner, otherHost.id, { unitId: units.other.id });
      otherHostToken = await product.login(otherHost.username);
    });

    it('makes a plan with its targets and a team of its lead and members', () => {
      expect(plan.targets).toEqual([{ name: 'Đoàn xã Lạc Dương' }]);
      expect(team.members.map((m) => m.fullName).sort()).toEqual(['Hồ Thị Tra', 'Đặng Văn Kiểm'].sort());
    });

    it('refuses a visit to a unit the plan does not target', async () => {
      const notTarget = await product.gql(
        `mutation ($input: ScheduleInspectionVisitInput!) { scheduleInspectionVisit(input: $input) { id } }`,
        { input: { teamId: team.id, unitId: units.other.id, startDate: '2026-06-01', endDate: '2026-06-02' } },
        board,
      );
      expect(notTarget.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    });

    it('schedules a visit as an inspection trip of the whole team, submitted for approval', async () => {
      const scheduled = (
        await product.ok(
          `mutation ($input: ScheduleInspectionVisitInput!) { scheduleInspectionVisit(input: $input) { id version state kind inspectionTeamId members { fullName } } }`,
          {
            input: {
              teamId: team.id,
              unitId: units.commune.id,
              startDate: '2026-05-11',
              endDate: '2026-05-12',
              lateJustification: 'Lịch kiểm tra do Ban Thường vụ điều chỉnh.',
            },
          },
          board,
        )
      ).scheduleInspectionVisit;
      expect(scheduled).toMatchObject({ state: 'SUBMITTED', kind: 'INSPECTION', inspectionTeamId: team.id });
      expect(scheduled.members).toHaveLength(2);
      visit = scheduled;
    });

    it('refuses a conclusion before the team has visited', async () => {
      visit.version = (await product.ok(DECIDE, { id: visit.id, v: visit.version }, board)).decideTrips[0].version;
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
    });

    it('refuses a corrective action due before the conclusion', async () => {
      visit.version = (
        await product.ok(COMPLETE, { id: visit.id, v: visit.version, s: '2026-05-11', e: '2026-05-12' }, admin)
      ).completeTrip.version;
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
    });

    it('records the conclusion with its corrective actions, the one past its due date listed as overdue', async () => {
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
                {
                  description: 'Sinh hoạt chi đoàn định kỳ hằng tháng',
                  responsibleUnitId: units.commune.id,
                  dueOn: '2026-06-30',
                },
              ],
            },
          },
          board,
        )
      ).concludeInspection;
      expect(conclusion).toMatchObject({ rating: 'AVERAGE', unit: { name: 'Đoàn xã Lạc Dương' } });
      [overdueAction, laterAction] = conclusion.actions;
      const overdue = await product.ok(
        `{ correctiveActions(overdueOnly: true) { nodes { id overdue description } } }`,
        {},
        admin,
      );
      expect(overdue.correctiveActions.nodes).toEqual([
        { id: overdueAction.id, overdue: true, description: 'Cập nhật sổ đoàn viên' },
      ]);
    });

    it('shows the responsible unit its actions, and refuses another unit reporting one done', async () => {
      const wrong = await product.gql(DONE, { id: overdueAction.id, v: overdueAction.version }, otherHostToken);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const mine = await product.ok(`{ correctiveActions { nodes { id } } }`, {}, hostToken);
      expect(mine.correctiveActions.nodes.map((a: { id: string }) => a.id).sort()).toEqual(
        [overdueAction.id, laterAction.id].sort(),
      );
    });

    it('closes an action the responsible unit reported done once the province verifies it', async () => {
      const done = (await product.ok(DONE, { id: overdueAction.id, v: overdueAction.version }, hostToken))
        .markCorrectiveActionDone;
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
    });

    it('counts the reported visit as inspection days for both members of the team', async () => {
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

  /** An inspection written straight to the database: a plan's team visiting `unitId` (or an outside team's trip). */
  async function seedInspection(
    provinceId: number,
    leadId: string,
    unitId: string,
    opts: { plan?: string; date: string; actions: Array<{ unitId: string; description: string; dueOn: string }> },
  ): Promise<{ tripId: string; conclusionId: string; planId: string | null }> {
    const trip = await buildTrip(product.owner, {
      provinceId,
      leadCadreId: leadId,
      destinationId: unitId,
      kind: 'INSPECTION',
      state: 'COMPLETED',
      title: opts.plan ? `Kiểm tra, giám sát: ${opts.plan}` : 'Giám sát vốn vay ủy thác cùng Trung ương Đoàn',
      startDate: opts.date,
      endDate: opts.date,
    });
    const conclusionId = randomUUID();
    const planId = opts.plan ? randomUUID() : null;
    await inProvince(product.owner, provinceId, async () => {
      if (planId) {
        const teamId = randomUUID();
        await product.owner.query(
          `INSERT INTO inspection_plan (province_id, id, year, title, subject, starts_on, ends_on) VALUES ($1, $2, 2026, $3, 'ORGANISATION', '2026-01-01', '2026-12-31')`,
          [provinceId, planId, opts.plan],
        );
        await product.owner.query(
          `INSERT INTO inspection_team (province_id, id, plan_id, name, lead_cadre_id) VALUES ($1, $2, $3, 'Đoàn kiểm tra số 2', $4)`,
          [provinceId, teamId, planId, leadId],
        );
        await product.owner.query(`UPDATE trip SET inspection_team_id = $2 WHERE id = $1`, [trip.id, teamId]);
      }
      await product.owner.query(
        `INSERT INTO inspection_conclusion (province_id, id, trip_id, unit_id, findings, rating, concluded_on) VALUES ($1, $2, $3, $4, 'Sổ sách chưa cập nhật đầy đủ.', 'FAIR', $5)`,
        [provinceId, conclusionId, trip.id, unitId, opts.date],
      );
      for (const a of opts.actions) {
        await product.owner.query(
          `INSERT INTO corrective_action (province_id, id, conclusion_id, description, responsible_unit_id, due_on) VALUES ($1, $2, $3, $4, $5, $6)`,
          [provinceId, randomUUID(), conclusionId, a.description, a.unitId, a.dueOn],
        );
      }
    });
    return { tripId: trip.id, conclusionId, planId };
  }

  const NAMED = `query ($p: Int) { correctiveActions(first: 100, provinceId: $p) { nodes {
    description responsibleUnit { name }
    conclusion { id concludedOn unit { name } trip { id title startDate } plan { title } actions { description } } } } }`;
  const HOST_NAMED = `{ correctiveActions(first: 100) { nodes {
    description responsibleUnit { name } conclusion { concludedOn unit { name } trip { title } actions { description } } } } }`;

  it('names the inspection behind each action; a host unit sees those of its units and nothing else', async () => {
    const district = await buildUnit(product.owner, { provinceId: ldg, kind: 'DISTRICT_UNION', name: 'Huyện đoàn Lâm Hà' });
    const commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Nam Hà', parentId: district.id });
    const chapter = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'CHAPTER',
      name: 'Chi đoàn thôn 3',
      parentId: commune.id,
    });
    const sibling = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Phúc Thọ', parentId: district.id });
    const lead3 = await buildCadre(product.owner, { provinceId: ldg, departmentId: units.deptA.id });
    const planned = await seedInspection(ldg, lead3.id, commune.id, {
      plan: 'Kiểm tra tổ chức cơ sở Đoàn năm 2026',
      date: '2026-03-10',
      actions: [
        { unitId: commune.id, description: 'Kiện toàn Ban Chấp hành xã', dueOn: '2026-09-01' },
        { unitId: chapter.id, description: 'Sinh hoạt chi đoàn thôn 3 hằng tháng', dueOn: '2026-09-02' },
        { unitId: sibling.id, description: 'Rà soát đoàn viên xã Phúc Thọ', dueOn: '2026-09-03' },
      ],
    });
    const outside = await seedInspection(ldg, lead3.id, chapter.id, {
      date: '2026-03-20',
      actions: [{ unitId: chapter.id, description: 'Công khai danh sách hộ vay vốn', dueOn: '2026-09-04' }],
    });

    const all = (await product.ok(NAMED, {}, board)).correctiveActions.nodes as Array<{
      description: string;
      conclusion: {
        id: string;
        concludedOn: string;
        unit: { name: string };
        trip: { id: string; title: string };
        plan: { title: string } | null;
      };
    }>;
    const named = (d: string) => all.find((a) => a.description === d)!;
    expect(named('Kiện toàn Ban Chấp hành xã').conclusion).toMatchObject({
      id: planned.conclusionId,
      concludedOn: '2026-03-10',
      unit: { name: 'Đoàn xã Nam Hà' },
      trip: { id: planned.tripId, title: 'Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn năm 2026' },
      plan: { title: 'Kiểm tra tổ chức cơ sở Đoàn năm 2026' },
    });
    expect(named('Công khai danh sách hộ vay vốn').conclusion).toMatchObject({
      unit: { name: 'Chi đoàn thôn 3' },
      trip: { id: outside.tripId },
      plan: null,
    });

    // The commune's host sees its own and its chapter's actions, with the conclusion and the trip behind them;
    // not the sibling commune's, not even inside the conclusion they share.
    const communeHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, communeHost.id, { unitId: commune.id });
    const communeToken = await product.login(communeHost.username);
    const mine = (await product.ok(HOST_NAMED, {}, communeToken)).correctiveActions.nodes;
    expect(mine.map((a: { description: string }) => a.description).sort()).toEqual(
      ['Công khai danh sách hộ vay vốn', 'Kiện toàn Ban Chấp hành xã', 'Sinh hoạt chi đoàn thôn 3 hằng tháng'].sort(),
    );
    const ownAction = mine.find((a: { description: string }) => a.description === 'Kiện toàn Ban Chấp hành xã');
    expect(ownAction.conclusion).toEqual({
      concludedOn: '2026-03-10',
      unit: { name: 'Đoàn xã Nam Hà' },
      trip: { title: 'Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn năm 2026' },
      actions: [{ description: 'Kiện toàn Ban Chấp hành xã' }, { description: 'Sinh hoạt chi đoàn thôn 3 hằng tháng' }],
    });
    const trip = await product.ok(
      `query ($id: ID!) { trip(id: $id) { conclusions { unit { name } } } }`,
      { id: planned.tripId },
      communeToken,
    );
    expect(trip.trip.conclusions).toEqual([{ unit: { name: 'Đoàn xã Nam Hà' } }]);

    // Plans stay with the provincial staff.
    const plan = await product.gql(
      `{ correctiveActions(first: 1) { nodes { conclusion { plan { title } } } } }`,
      {},
      communeToken,
    );
    expect(plan.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(plan.data?.correctiveActions.nodes).toEqual([{ conclusion: { plan: null } }]);

    // The chapter's host sees only the chapter's; the sibling commune's only its own.
    const chapterHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, chapterHost.id, { unitId: chapter.id });
    const chapterActions = (await product.ok(HOST_NAMED, {}, await product.login(chapterHost.username))).correctiveActions.nodes;
    expect(chapterActions.map((a: { description: string }) => a.description).sort()).toEqual(
      ['Công khai danh sách hộ vay vốn', 'Sinh hoạt chi đoàn thôn 3 hằng tháng'].sort(),
    );
    const siblingHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, siblingHost.id, { unitId: sibling.id });
    const siblingActions = (await product.ok(HOST_NAMED, {}, await product.login(siblingHost.username))).correctiveActions.nodes;
    expect(siblingActions).toEqual([
      {
        description: 'Rà soát đoàn viên xã Phúc Thọ',
        responsibleUnit: { name: 'Đoàn xã Phúc Thọ' },
        conclusion: {
          concludedOn: '2026-03-10',
          unit: { name: 'Đoàn xã Nam Hà' },
          trip: { title: 'Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn năm 2026' },
          actions: [{ description: 'Rà soát đoàn viên xã Phúc Thọ' }],
        },
      },
    ]);

    // Another province's users and hosts get nothing, and may not ask for this province.
    const hni = await provinceIdOf(product.owner, 'HNI');
    const hniAdmin = await product.login(
      (await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username,
    );
    expect((await product.ok(NAMED, {}, hniAdmin)).correctiveActions.nodes).toEqual([]);
    const peek = await product.gql(NAMED, { p: ldg }, hniAdmin);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(peek.data).toBeNull();
    const hniUnit = await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Hoàn Kiếm' });
    const hniHost = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: hni });
    await linkUser(product.owner, hniHost.id, { unitId: hniUnit.id });
    expect((await product.ok(HOST_NAMED, {}, await product.login(hniHost.username))).correctiveActions.nodes).toEqual([]);
  });

  it('costs the same statements for a page of 20 actions as for 2', async () => {
    const dng = await provinceIdOf(product.owner, 'DNG');
    const dngBoard = await product.login(
      (await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: dng })).username,
    );
    const dngLead = await buildCadre(product.owner, { provinceId: dng });
    for (let i = 1; i <= 11; i += 1) {
      const unit = await buildUnit(product.owner, { provinceId: dng, name: `Đoàn phường số ${i}` });
      await seedInspection(dng, dngLead.id, unit.id, {
        plan: `Kế hoạch kiểm tra số ${i}`,
        date: '2026-02-02',
        actions: [
          { unitId: unit.id, description: `Yêu cầu thứ nhất số ${i}`, dueOn: `2026-08-${String(i).padStart(2, '0')}` },
          { unitId: unit.id, description: `Yêu cầu thứ hai số ${i}`, dueOn: `2026-08-${String(i + 11).padStart(2, '0')}` },
        ],
      });
    }
    const PAGE = `query ($first: Int!) { correctiveActions(first: $first) { nodes {
      id responsibleUnit { name } conclusion { concludedOn unit { name } trip { title startDate } plan { title } } } } }`;
    const count = async (first: number) => {
      product.statements.length = 0;
      const data = await product.ok(PAGE, { first }, dngBoard);
      return {
        n: product.statements.length,
        nodes: data.correctiveActions.nodes as Array<{ conclusion: { plan: { title: string } } }>,
      };
    };
    const small = await count(2);
    const large = await count(20);
    expect(small.nodes).toHaveLength(2);
    expect(large.nodes).toHaveLength(20);
    expect(new Set(large.nodes.map((a) => a.conclusion.plan.title)).size).toBe(11);
    expect(large.n).toBe(small.n);
    // The session, the page and its count, then one batch each: units, conclusions, trips, teams, plans.
    expect(small.n).toBeLessThanOrEqual(10);
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
