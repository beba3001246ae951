import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

describe('what the grassroots tell us: good models, recommendations, host feedback', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let board: string;
  let cadreToken: string;
  let deptA: { id: string };
  let deptB: { id: string };
  let commune: { id: string; name: string };
  let chapter: { id: string };
  let other: { id: string };
  let headA: string;
  let headB: string;
  let hostToken: string;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    board = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: ldg })).username);
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    deptA = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Phong trào', parentId: agency.id });
    deptB = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Tuyên giáo', parentId: agency.id });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đức Trọng', parentId: agency.id });
    chapter = await buildUnit(product.owner, { provinceId: ldg, kind: 'CHAPTER', name: 'Chi đoàn thôn 2', parentId: commune.id });
    other = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Bảo Lâm', parentId: agency.id });
    const mk = async (role: Role, departmentId: string) => {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      const cadre = await buildCadre(product.owner, { provinceId: ldg, departmentId });
      await linkUser(product.owner, user.id, { cadreId: cadre.id });
      return product.login(user.username);
    };
    cadreToken = await mk(Role.CADRE, deptA.id);
    headA = await mk(Role.DEPARTMENT_HEAD, deptA.id);
    headB = await mk(Role.DEPARTMENT_HEAD, deptB.id);
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: commune.id });
    hostToken = await product.login(host.username);
  });
  afterAll(() => product.stop());

  it('finds good models without diacritics and records where they were replicated', async () => {
    const CREATE = `mutation ($input: CreateGoodModelInput!) { createGoodModel(input: $input) { id version name replication } }`;
    const orchid = await product.ok(
      CREATE,
      {
        input: {
          name: 'Mô hình trồng hoa Lan của thanh niên',
          unitId: commune.id,
          field: 'ECONOMY',
          description: 'Tổ hợp tác 12 đoàn viên.',
        },
      },
      cadreToken,
    );
    await product.ok(
      CREATE,
      { input: { name: 'Chi đoàn nhặt ve chai gây quỹ', unitId: chapter.id, field: 'VOLUNTEERING' } },
      cadreToken,
    );
    const SEARCH = `query ($s: String, $f: ModelField) { goodModels(search: $s, field: $f) { totalCount nodes { name unit { name } } } }`;
    const found = await product.ok(SEARCH, { s: 'mo hinh lan' }, cadreToken);
    expect(found.goodModels.nodes).toEqual([
      { name: 'Mô hình trồng hoa Lan của thanh niên', unit: { name: 'Đoàn xã Đức Trọng' } },
    ]);
    expect((await product.ok(SEARCH, { f: 'VOLUNTEERING' }, cadreToken)).goodModels.totalCount).toBe(1);
    expect((await product.ok(SEARCH, { s: 'VE CHAI' }, cadreToken)).goodModels.totalCount).toBe(1);

    const noWhere = await product.gql(
      `mutation ($id: ID!, $v: Int!) { setGoodModelReplication(id: $id, version: $v, replication: REPLICATING, since: "2026-06-01") { id } }`,
      { id: orchid.createGoodModel.id, v: 1 },
      board,
    );
    expect(noWhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitIds' });
    const replicated = await product.ok(
      `mutation ($id: ID!, $v: Int!, $u: [ID!]!) { setGoodModelReplication(id: $id, version: $v, replication: REPLICATING, unitIds: $u, since: "2026-06-01") { replication replicatedAt { name } version } }`,
      { id: orchid.createGoodModel.id, v: 1, u: [other.id] },
      board,
    );
    expect(replicated.setGoodModelReplication).toMatchObject({
      replication: 'REPLICATING',
      replicatedAt: [{ name: 'Đoàn xã Bảo Lâm' }],
      version: 2,
    });
    const stale = await product.gql(
      `mutation ($id: ID!) { setGoodModelReplication(id: $id, version: 1, replication: REPLICATED, unitIds: [], since: "2026-06-01") { id } }`,
      { id: orchid.createGoodModel.id },
      board,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('takes a recommendation from the grassroots to an answer the host unit can read, overdue ones first', async () => {
    const RAISE = `mutation ($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id version status } }`;
    const first = (
      await product.ok(
        RAISE,
        { input: { text: 'Đề nghị hỗ trợ kinh phí mua sắm thiết bị sinh hoạt chi đoàn.', unitId: commune.id } },
        cadreToken,
      )
    ).createRecommendation;
    const second = (
      await product.ok(
        RAISE,
        { input: { text: 'Đề nghị mở lớp tập huấn kỹ năng cho bí thư chi đoàn.', unitId: chapter.id } },
        hostToken,
      )
    ).createRecommendation;
    const notMine = await product.gql(
      RAISE,
      { input: { text: 'Kiến nghị của một đơn vị khác ở xa.', unitId: other.id } },
      hostToken,
    );
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const ASSIGN = `mutation ($id: ID!, $v: Int!, $d: ID!, $due: LocalDate!) {
      assignRecommendation(id: $id, version: $v, input: { departmentId: $d, dueOn: $due }) { version status department { name } } }`;
    const pastDue = await product.gql(ASSIGN, { id: first.id, v: first.version, d: deptA.id, due: '2026-06-01' }, board);
    expect(pastDue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueOn' });
    const a1 = (await product.ok(ASSIGN, { id: first.id, v: first.version, d: deptA.id, due: '2026-06-20' }, board))
      .assignRecommendation;
    expect(a1).toMatchObject({ status: 'IN_PROGRESS', department: { name: 'Ban Phong trào' } });
    await product.ok(ASSIGN, { id: second.id, v: second.version, d: deptB.id, due: '2026-06-30' }, board);
    // The first one's deadline passes.
    await inProvince(product.owner, ldg, () =>
      product.owner.query(`UPDATE recommendation SET due_on = '2026-06-10' WHERE id = $1`, [first.id]),
    );
    const board1 = await product.ok(`{ recommendations { nodes { id overdue status } } }`, {}, admin);
    expect(board1.recommendations.nodes.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect((await product.ok(`{ recommendations(overdueOnly: true) { nodes { id } } }`, {}, admin)).recommendations).toEqual({
      nodes: [{ id: first.id }],
    });
    // Page by page, one at a time: the same order, overdue first, nothing repeated or skipped.
    const PAGE = `query ($after: String) { recommendations(first: 1, after: $after) {
      nodes { id } totalCount pageInfo { hasNextPage endCursor } } }`;
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        recommendations: {
          nodes: Array<{ id: string }>;
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await product.ok(PAGE, { after }, admin);
      walked.push(...page.recommendations.nodes.map((n) => n.id));
      expect(page.recommendations.totalCount).toBe(board1.recommendations.nodes.length);
      if (!page.recommendations.pageInfo.hasNextPage) break;
      after = page.recommendations.pageInfo.endCursor;
    }
    expect(walked).toEqual(board1.recommendations.nodes.map((r: { id: string }) => r.id));

    const ANSWER = `mutation ($id: ID!, $v: Int!, $a: String!) { answerRecommendation(id: $id, version: $v, answer: $a) { status answer version } }`;
    const wrongHead = await product.gql(ANSWER, { id: first.id, v: a1.version, a: 'Tỉnh đoàn sẽ hỗ trợ trong quý III.' }, headB);
    expect(wrongHead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const answered = (await product.ok(ANSWER, { id: first.id, v: a1.version, a: 'Tỉnh đoàn sẽ hỗ trợ trong quý III.' }, headA))
      .answerRecommendation;
    expect(answered).toMatchObject({ status: 'ANSWERED', answer: 'Tỉnh đoàn sẽ hỗ trợ trong quý III.' });

    const farAway = (
      await product.ok(
        RAISE,
        { input: { text: 'Đề nghị sửa nhà văn hóa thôn cho thanh niên sinh hoạt.', unitId: other.id } },
        cadreToken,
      )
    ).createRecommendation;
    const seenByHost = await product.ok(
      `{ recommendations { nodes { id status answer answeredAt unit { name } department { name } } } }`,
      {},
      hostToken,
    );
    const seenIds = seenByHost.recommendations.nodes.map((r: { id: string }) => r.id);
    expect(seenIds).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(seenIds).not.toContain(farAway.id);
    expect(seenByHost.recommendations.nodes.find((r: { id: string }) => r.id === first.id)).toEqual({
      id: first.id,
      status: 'ANSWERED',
      answer: 'Tỉnh đoàn sẽ hỗ trợ trong quý III.',
      answeredAt: expect.any(String),
      unit: { name: 'Đoàn xã Đức Trọng' },
      department: { name: 'Ban Phong trào' },
    });
    const closed = await product.ok(
      `mutation ($id: ID!, $v: Int!) { closeRecommendation(id: $id, version: $v) { status } }`,
      { id: first.id, v: answered.version },
      board,
    );
    expect(closed.closeRecommendation.status).toBe('CLOSED');
  });

  it('lets the host say whether a visit kept the rules, and shows breaches to the organisation department', async () => {
    const lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: deptA.id });
    const visit = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: chapter.id,
      state: 'COMPLETED',
    });
    const elsewhere = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: other.id,
      state: 'APPROVED',
      startDate: '2026-07-01',
      endDate: '2026-07-01',
    });
    const FEEDBACK = `mutation ($input: HostFeedbackInput!) { submitHostFeedback(input: $input) { breach comment } }`;
    const input = {
      tripId: visit.id,
      noConference: false,
      noDistrictEscort: true,
      noCost: true,
      noPartyCommittee: true,
      comment: 'Đoàn đề nghị tổ chức hội nghị báo cáo.',
    };
    expect((await product.ok(FEEDBACK, { input }, hostToken)).submitHostFeedback).toEqual({
      breach: true,
      comment: input.comment,
    });
    const twice = await product.gql(FEEDBACK, { input }, hostToken);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const notOurs = await product.gql(FEEDBACK, { input: { ...input, tripId: elsewhere.id } }, hostToken);
    expect(notOurs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byCadre = await product.gql(FEEDBACK, { input }, cadreToken);
    expect(byCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const breaches = await product.ok(
      `{ hostFeedback(breachesOnly: true) { nodes { trip { id } unit { name } noConference } totalCount } }`,
      {},
      admin,
    );
    expect(breaches.hostFeedback).toEqual({
      nodes: [{ trip: { id: visit.id }, unit: { name: 'Đoàn xã Đức Trọng' }, noConference: false }],
      totalCount: 1,
    });
  });

  it('counts inviting the party committee as a breach; feedback given before the question stays without one', async () => {
    const lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: deptA.id });
    const visit = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: commune.id,
      state: 'COMPLETED',
    });
    const earlier = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: commune.id,
      state: 'COMPLETED',
    });
    const FEEDBACK = `mutation ($input: HostFeedbackInput!) { submitHostFeedback(input: $input) { breach noPartyCommittee } }`;
    const input = {
      tripId: visit.id,
      noConference: true,
      noDistrictEscort: true,
      noCost: true,
      noPartyCommittee: false,
      comment: 'Đoàn đề nghị mời Thường trực Đảng ủy xã dự buổi làm việc.',
    };
    expect((await product.ok(FEEDBACK, { input }, hostToken)).submitHostFeedback).toEqual({
      breach: true,
      noPartyCommittee: false,
    });
    // A row written before the question existed (the column left to its default) keeps no breach.
    const [old] = await inProvince(
      product.owner,
      ldg,
      async () =>
        (
          await product.owner.query(
            `INSERT INTO host_feedback (province_id, trip_id, unit_id, no_conference, no_district_escort, no_cost)
           VALUES ($1, $2, $3, true, true, true) RETURNING no_party_committee, breach`,
            [ldg, earlier.id, commune.id],
          )
        ).rows,
    );
    expect(old).toEqual({ no_party_committee: true, breach: false });
  });

  it('shows a host unit the feedback it and its units sent, and nobody else’s', async () => {
    const lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: deptA.id });
    const visit = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: chapter.id,
      state: 'COMPLETED',
    });
    const nextDoor = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: other.id,
      state: 'COMPLETED',
    });
    const hostOf = async (provinceId: number, unitId: string) => {
      const user = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId });
      await linkUser(product.owner, user.id, { unitId });
      return product.login(user.username);
    };
    const chapterHost = await hostOf(ldg, chapter.id);
    const otherHost = await hostOf(ldg, other.id);
    const SUBMIT = `mutation ($input: HostFeedbackInput!) { submitHostFeedback(input: $input) { tripId } }`;
    const word = (tripId: string, comment: string) => ({
      tripId,
      noConference: true,
      noDistrictEscort: true,
      noCost: true,
      noPartyCommittee: true,
      comment,
    });
    await product.ok(SUBMIT, { input: word(visit.id, 'Đoàn làm việc gọn, đúng quy định.') }, hostToken);
    await product.ok(SUBMIT, { input: word(visit.id, 'Chi đoàn được lắng nghe.') }, chapterHost);
    await product.ok(SUBMIT, { input: word(nextDoor.id, 'Xã bên cạnh không có ý kiến gì.') }, otherHost);

    const MINE = `query ($trips: [ID!]) { hostFeedback(tripIds: $trips) {
      totalCount nodes { tripId unit { name } noConference noDistrictEscort noCost comment createdAt } } }`;
    const fromCommune = (await product.ok(MINE, { trips: [visit.id, nextDoor.id] }, hostToken)).hostFeedback;
    expect(fromCommune.totalCount).toBe(2);
    expect(fromCommune.nodes.map((n: { unit: { name: string }; comment: string }) => [n.unit.name, n.comment]).sort()).toEqual([
      ['Chi đoàn thôn 2', 'Chi đoàn được lắng nghe.'],
      ['Đoàn xã Đức Trọng', 'Đoàn làm việc gọn, đúng quy định.'],
    ]);
    expect(fromCommune.nodes[0]).toMatchObject({ tripId: visit.id, noConference: true, noDistrictEscort: true, noCost: true });
    // Without a filter: everything the commune and its chapter said, still nothing of the next commune.
    const everything = (await product.ok(MINE, {}, hostToken)).hostFeedback;
    expect(everything.nodes.map((n: { comment: string }) => n.comment)).not.toContain('Xã bên cạnh không có ý kiến gì.');
    expect(everything.totalCount).toBeGreaterThanOrEqual(2);

    const below = (await product.ok(MINE, { trips: [visit.id, nextDoor.id] }, chapterHost)).hostFeedback;
    expect(below.nodes.map((n: { comment: string }) => n.comment)).toEqual(['Chi đoàn được lắng nghe.']);
    const neighbour = (await product.ok(MINE, { trips: [visit.id, nextDoor.id] }, otherHost)).hostFeedback;
    expect(neighbour.nodes.map((n: { comment: string }) => n.comment)).toEqual(['Xã bên cạnh không có ý kiến gì.']);

    const hni = await provinceIdOf(product.owner, 'HNI');
    const hniUnit = await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Hàng Bạc' });
    const hniHost = await hostOf(hni, hniUnit.id);
    expect((await product.ok(MINE, { trips: [visit.id] }, hniHost)).hostFeedback).toEqual({ totalCount: 0, nodes: [] });
    const peek = await product.gql(`query ($p: Int) { hostFeedback(provinceId: $p) { totalCount } }`, { p: ldg }, hniHost);
    expect(peek.data?.hostFeedback?.totalCount ?? 0).toBe(0);

    const byCadre = await product.gql(MINE, { trips: [visit.id] }, cadreToken);
    expect(byCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps another province’s findings out of reach', async () => {
    const hni = await provinceIdOf(product.owner, 'HNI');
    const hniCadre = await product.login((await buildUser(product.owner, { role: Role.CADRE, provinceId: hni })).username);
    expect(await product.ok(`{ goodModels { totalCount } recommendations { nodes { id } totalCount } }`, {}, hniCadre)).toEqual({
      goodModels: { totalCount: 0 },
      recommendations: { nodes: [], totalCount: 0 },
    });
    const peek = await product.gql(`query ($p: Int) { goodModels(provinceId: $p) { totalCount } }`, { p: ldg }, hniCadre);
    expect(peek.data?.goodModels?.totalCount ?? 0).toBe(0);
    const write = await product.gql(
      `mutation ($input: CreateGoodModelInput!) { createGoodModel(input: $input) { id } }`,
      { input: { name: 'Mô hình của tỉnh khác', unitId: commune.id, field: 'OTHER' } },
      hniCadre,
    );
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });
});
