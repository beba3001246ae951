import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { logger } from '../../shared/logger';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { testDbConfig } from '../../../test/database';
import { buildCadre, buildUnit, buildUser, inProvince, provinceIdOf } from '../../../test/factories';
import { seedDemo } from '../../seed/demo';

const CADRES = `query ($year: Int!, $p: Int) { cadreCompliance(year: $year, provinceId: $p, first: 200) {
  totalCount nodes { cadreId fullName requiredDays availableDays countedDays status projectedDays hardshipDays
    byKind { topic meeting } byLevel { district commune chapter } overdueReports } } }`;
const PROVINCE = `query ($year: Int!, $p: Int) { provinceCompliance(year: $year, provinceId: $p) {
  province { code } requiredDays subjectCadres agencyStaff { count total } executiveMembers { count total }
  metCount metShare totalDays averageDays hardshipShare exempt
  coverage { reached total missing { name } } lateTrips unreportedTrips estimatedCost actualCost } }`;

describe('compliance: the figures a province reports', () => {
  let product: TestProduct;
  let qti: number;
  let admin: string;
  let remote: { id: string };
  let chapter: { id: string };
  let district: { id: string };

  /** A counting trip (reported) for the given members; dates inclusive. */
  const trip = (
    members: string[],
    start: string,
    end: string,
    over: { kind?: string; state?: string; dest?: string; late?: boolean } = {},
  ) =>
    inProvince(product.owner, qti, async () => {
      const id = randomUUID();
      await product.owner.query(
        `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, start_date, end_date, late_registration, late_justification)
         VALUES ($1, $2, $3, $4, 'Chuyến đi', $5, $6, $7, $8, CASE WHEN $8 THEN 'Giải trình' END)`,
        [qti, id, over.kind ?? 'TOPIC', over.state ?? 'REPORTED', members[0], start, end, over.late ?? false],
      );
      for (const [i, m] of members.entries()) {
        await product.owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, $4)', [
          qti,
          id,
          m,
          i === 0,
        ]);
      }
      await product.owner.query('INSERT INTO trip_destination (province_id, trip_id, unit_id) VALUES ($1, $2, $3)', [
        qti,
        id,
        over.dest ?? remote.id,
      ]);
      return id;
    });

  const exempt = (cadreId: string, start: string, end: string, kind = 'MATERNITY') =>
    inProvince(product.owner, qti, () =>
      product.owner.query(
        `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by) VALUES ($1, $2, $3, $4, $5, $6, 'BTV')`,
        [qti, randomUUID(), cadreId, kind, start, end],
      ),
    );

  beforeAll(async () => {
    // Today: 30 June 2024 (a leap year): 182 of 366 days elapsed.
    product = await startTestProduct({ clock: fixedClock('2024-06-30') });
    qti = await provinceIdOf(product.owner, 'QTI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: qti })).username);
    const agency = await buildUnit(product.owner, { provinceId: qti, kind: 'PROVINCIAL_AGENCY' });
    district = await buildUnit(product.owner, {
      provinceId: qti,
      kind: 'DISTRICT_UNION',
      name: 'Huyện đoàn Cồn Cỏ',
      parentId: agency.id,
      validTo: '2025-06-30',
    });
    remote = await buildUnit(product.owner, {
      provinceId: qti,
      kind: 'GRASSROOTS_UNION',
      name: 'Đoàn xã biên giới',
      parentId: district.id,
    });
    await inProvince(product.owner, qti, () => product.owner.query('UPDATE unit SET border = true WHERE id = $1', [remote.id]));
    chapter = await buildUnit(product.owner, {
      provinceId: qti,
      kind: 'CHAPTER',
      name: 'Chi đoàn thôn Bắc',
      parentId: remote.id,
    });
    await buildUnit(product.owner, {
      provinceId: qti,
      kind: 'AFFILIATED_UNION',
      name: 'Đoàn Khối cơ quan',
      parentId: agency.id,
      validTo: '2025-06-30',
    });
  });
  afterAll(() => product.stop());

  it('counts a day once across overlapping trips, clips to the window, and prorates exemptions', async () => {
    const names = ['A Overlap', 'B Edge', 'C Partial', 'D Nothing', 'E Exempt', 'F Unreported'];
    const [a, b, c, , e, f] = await Promise.all(
      names.map((fullName) => buildCadre(product.owner, { provinceId: qti, fullName })),
    );
    // A: 10–14 Jan and 12–20 Jan overlap: 11 distinct days; plus 29 Feb (leap day) alone.
    await trip([a.id], '2024-01-10', '2024-01-14');
    await trip([a.id], '2024-01-12', '2024-01-20', { kind: 'MEETING', dest: chapter.id });
    await trip([a.id], '2024-02-29', '2024-02-29');
    // B: the province counts from 1 March; a trip 25 Feb–5 Mar counts 5 days (1–5 Mar).
    await inProvince(product.owner, qti, () =>
      product.owner.query(
        `INSERT INTO policy_rule (province_id, year, required_days, window_start, window_end) VALUES ($1, 2024, 30, '2024-03-01', '2024-12-31')`,
        [qti],
      ),
    );
    await trip([b.id, c.id], '2024-02-25', '2024-03-05');
    // C: maternity leave 1 Mar–30 Jun: 122 of the window's 306 days exempt -> ceil(30 × 184 / 306) = 19.
    await exempt(c.id, '2024-03-01', '2024-06-30');
    // E: exempt for the whole window.
    await exempt(e.id, '2024-01-01', '2024-12-31', 'LONG_STUDY');
    // F: completed but not reported: does not count while the rule wants a report.
    await trip([f.id], '2024-04-01', '2024-04-10', { state: 'COMPLETED' });
    await trip([f.id], '2024-05-01', '2024-05-02', { state: 'CANCELLED' });

    const { cadreCompliance } = await product.ok(CADRES, { year: 2024 }, admin);
    const by = (name: string) => cadreCompliance.nodes.find((n: { fullName: string }) => n.fullName === name);
    expect(by('A Overlap')).toMatchObject({ countedDays: 0, requiredDays: 30 }); // all January–February: before the window
    expect(by('B Edge')).toMatchObject({ countedDays: 5, requiredDays: 30, hardshipDays: 5 });
    expect(by('C Partial')).toMatchObject({ countedDays: 5, availableDays: 184, requiredDays: 19 });
    expect(by('D Nothing')).toMatchObject({ countedDays: 0, status: 'BEHIND' });
    expect(by('E Exempt')).toMatchObject({ status: 'EXEMPT', requiredDays: 0 });
    expect(by('F Unreported')).toMatchObject({ countedDays: 0, overdueReports: 1 });

    // The rule changes during the year: it applies to the whole year, from now on.
    await inProvince(product.owner, qti, () =>
      product.owner.query(
        `UPDATE policy_rule SET window_start = '2024-01-01', required_days = 12 WHERE province_id = $1 AND year = 2024`,
        [qti],
      ),
    );
    const again = (await product.ok(CADRES, { year: 2024 }, admin)).cadreCompliance.nodes;
    const a2 = again.find((n: { fullName: string }) => n.fullName === 'A Overlap');
    // 12–14 Jan are on both trips: counted once, for the topic and at the chapter.
    expect(a2).toMatchObject({ countedDays: 12, requiredDays: 12, status: 'MET', byKind: { topic: 6, meeting: 6 } });
    expect(a2.byLevel).toEqual({ district: 0, commune: 3, chapter: 9 });
    // C: exempt 1 Mar–30 Jun = 122 of 366 days -> ceil(12 × 244 / 366) = 8; 9 days counted (25 Feb–5 Mar).
    expect(again.find((n: { fullName: string }) => n.fullName === 'C Partial')).toMatchObject({
      requiredDays: 8,
      countedDays: 10,
      status: 'MET',
    });
  });

  it('gives each member of a merged delegation their own days', async () => {
    const [g, h] = await Promise.all(
      ['G Merged', 'H Merged'].map((fullName) => buildCadre(product.owner, { provinceId: qti, fullName })),
    );
    const first = await trip([g.id], '2024-09-02', '2024-09-04');
    const second = await trip([h.id], '2024-09-03', '2024-09-05');
    await inProvince(product.owner, qti, async () => {
      const id = randomUUID();
      await product.owner.query(
        `INSERT INTO delegation (province_id, id, host_unit_id, start_date, end_date) VALUES ($1, $2, $3, '2024-09-02', '2024-09-05')`,
        [qti, id, remote.id],
      );
      await product.owner.query('UPDATE trip SET delegation_id = $1 WHERE id = ANY($2)', [id, [first, second]]);
    });
    const nodes = (await product.ok(CADRES, { year: 2024 }, admin)).cadreCompliance.nodes;
    expect(nodes.find((n: { fullName: string }) => n.fullName === 'G Merged').countedDays).toBe(3);
    expect(nodes.find((n: { fullName: string }) => n.fullName === 'H Merged').countedDays).toBe(3);
  });

  it('reports the province: subject ratios, met share, totals, coverage with the units missing', async () => {
    const { provinceCompliance: p } = await product.ok(PROVINCE, { year: 2024 }, admin);
    expect(p.province.code).toBe('QTI');
    expect(p.coverage).toEqual({ reached: 1, total: 2, missing: [{ name: 'Đoàn Khối cơ quan' }] });
    expect(p.exempt).toBe(1);
    expect(p.subjectCadres).toBe(7);
    expect(p.agencyStaff).toEqual({ count: 7, total: 8 });
    expect(p.metCount).toBe(2);
    expect(p.metShare).toBeCloseTo(2 / 7);
    const cadres = (await product.ok(CADRES, { year: 2024 }, admin)).cadreCompliance.nodes;
    const subject = cadres.filter((c: { status: string }) => c.status !== 'EXEMPT');
    expect(p.totalDays).toBe(subject.reduce((s: number, c: { countedDays: number }) => s + c.countedDays, 0));
    expect(p.averageDays).toBeCloseTo(p.totalDays / p.subjectCadres, 2);
    expect(p.unreportedTrips).toBe(1);
  });

  it('answers another province’s figures with FORBIDDEN and gives central users every province', async () => {
    const ldgAdmin = await product.login(
      (await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: await provinceIdOf(product.owner, 'LDG') }))
        .username,
    );
    const res = await product.gql(PROVINCE, { year: 2024, p: qti }, ldgAdmin);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    const all = await product.ok(`{ centralComparison(year: 2024) { province { code status } metShare } }`, {}, central);
    expect(all.centralComparison).toHaveLength(34);
    expect(all.centralComparison[0].province.code).toBe('QTI');
  });
});

describe('compliance of a predecessor province’s history', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-11-28') });
  });
  afterAll(() => product.stop());

  it('reproduces Bình Thuận 2019 from the demo records: 14/21, 29/37, 1,785 days, 61.55 average, 100%, 17/18', async () => {
    expect(await seedDemo(testDbConfig(product.ownerUrl), 'demo1234', logger)).toBe(true);
    const token = await product.login('admin.ldg', 'demo1234');
    const bt = await provinceIdOf(product.owner, 'BTN');
    const { provinceCompliance: p } = await product.ok(PROVINCE, { year: 2019, p: bt }, token);
    expect(p).toMatchObject({
      requiredDays: 60,
      subjectCadres: 29,
      agencyStaff: { count: 14, total: 21 },
      executiveMembers: { count: 29, total: 37 },
      metCount: 29,
      metShare: 1,
      totalDays: 1785,
      averageDays: 61.55,
      coverage: { reached: 17, total: 18, missing: [{ name: 'Huyện đoàn Phú Quý' }] },
    });
  });

  it('gives every demo province of 2026 cadres who met the requirement, Hồ Chí Minh with its per-level minimums', async () => {
    // Hồ Chí Minh's 2026 rule wants 20 days at communes and 10 at chapters besides the 60: every cadre
    // who met it has them, and some did (the demo once planned no chapter days, and the city read 0%).
    const central = await product.login('trunguong', 'demo1234');
    const { centralComparison } = await product.ok(
      '{ centralComparison(year: 2026) { provinceId hasData metCount province { code } } }',
      {},
      central,
    );
    const demo = centralComparison.filter((r: { province: { code: string } }) =>
      ['LDG', 'HNI', 'HCM', 'DNG', 'QTI'].includes(r.province.code),
    );
    expect(demo).toHaveLength(5);
    for (const r of demo) expect(r).toMatchObject({ hasData: true, metCount: expect.any(Number) });
    expect(demo.every((r: { metCount: number }) => r.metCount > 0)).toBe(true);
    const hcm = await provinceIdOf(product.owner, 'HCM');
    const { cadreCompliance } = await product.ok(CADRES, { year: 2026, p: hcm }, central);
    const met = cadreCompliance.nodes.filter((c: { status: string }) => c.status === 'MET');
    expect(met.length).toBeGreaterThan(0);
    for (const c of met) {
      expect(c.byLevel.chapter).toBeGreaterThanOrEqual(10);
      expect(c.byLevel.commune).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('host load, merge suggestions and overlapping topics', () => {
  let product: TestProduct;
  let dng: number;
  let board: string;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    dng = await provinceIdOf(product.owner, 'DNG');
    board = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: dng })).username);
  });
  afterAll(() => product.stop());

  it('counts delegations per host and week, flags overload, suggests merging, and pairs near-duplicate topics', async () => {
    const agency = await buildUnit(product.owner, { provinceId: dng, kind: 'PROVINCIAL_AGENCY' });
    const deptA = await buildUnit(product.owner, {
      provinceId: dng,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    const deptB = await buildUnit(product.owner, {
      provinceId: dng,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    const host = await buildUnit(product.owner, { provinceId: dng, name: 'Đoàn xã Hòa Vang', parentId: agency.id });
    const [x, y, z] = await Promise.all([
      buildCadre(product.owner, { provinceId: dng, departmentId: deptA.id }),
      buildCadre(product.owner, { provinceId: dng, departmentId: deptB.id }),
      buildCadre(product.owner, { provinceId: dng, departmentId: deptB.id }),
    ]);
    const add = (lead: string, dept: string, title: string, start: string, end: string, members: string[] = [lead]) =>
      inProvince(product.owner, dng, async () => {
        const id = randomUUID();
        await product.owner.query(
          `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, department_id, start_date, end_date)
           VALUES ($1, $2, 'TOPIC', 'APPROVED', $3, $4, $5, $6, $7)`,
          [dng, id, title, lead, dept, start, end],
        );
        for (const m of members) {
          await product.owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, $4)', [
            dng,
            id,
            m,
            m === lead,
          ]);
        }
        await product.owner.query('INSERT INTO trip_destination (province_id, trip_id, unit_id) VALUES ($1, $2, $3)', [
          dng,
          id,
          host.id,
        ]);
        return id;
      });
    // Week of Monday 13 April 2026: three delegations (the rule allows 2 a week).
    await add(x.id, deptA.id, 'Khảo sát tình hình thanh niên vùng tôn giáo', '2026-04-13', '2026-04-14', [x.id, z.id]);
    await add(y.id, deptB.id, 'KHẢO SÁT TÌNH HÌNH THANH NIÊN VÙNG TÔN GIÁO năm 2026', '2026-04-15', '2026-04-15');
    await add(z.id, deptB.id, 'Phối hợp tổ chức ngày hội việc làm', '2026-04-19', '2026-04-20');

    const load = await product.ok(
      `{ hostLoad(from: "2026-04-01", to: "2026-04-30") { unitName periodStart delegations cadreDays overloaded } }`,
      {},
      board,
    );
    // 19 April is a Sunday: the third trip spans two weeks.
    expect(load.hostLoad).toEqual([
      { unitName: 'Đoàn xã Hòa Vang', periodStart: '2026-04-13', delegations: 3, cadreDays: 2 * 2 + 1 + 1, overloaded: true },
      { unitName: 'Đoàn xã Hòa Vang', periodStart: '2026-04-20', delegations: 1, cadreDays: 1, overloaded: false },
    ]);
    const onlyOver = await product.ok(
      `{ hostLoad(from: "2026-04-01", to: "2026-04-30", overloadedOnly: true) { periodStart } }`,
      {},
      board,
    );
    expect(onlyOver.hostLoad).toEqual([{ periodStart: '2026-04-13' }]);
    const monthly = await product.ok(
      `{ hostLoad(from: "2026-04-01", to: "2026-04-30", period: MONTH) { period periodStart delegations cadreDays overloaded } }`,
      {},
      board,
    );
    expect(monthly.hostLoad).toEqual([
      { period: 'MONTH', periodStart: '2026-04-01', delegations: 3, cadreDays: 2 * 2 + 1 + 2, overloaded: false },
    ]);
    const merge = await product.ok(
      `{ mergeSuggestions(from: "2026-04-01", to: "2026-04-30") { unitName weekStart tripIds } }`,
      {},
      board,
    );
    expect(merge.mergeSuggestions).toHaveLength(1);
    expect(merge.mergeSuggestions[0].tripIds).toHaveLength(3);

    const overlaps = await product.ok(
      `{ topicOverlaps(year: 2026) { titleA titleB departmentA departmentB quarter similarity } }`,
      {},
      board,
    );
    expect(overlaps.topicOverlaps).toHaveLength(1);
    expect(overlaps.topicOverlaps[0]).toMatchObject({
      quarter: 2,
      departmentA: expect.any(String),
      departmentB: expect.any(String),
    });
    expect(overlaps.topicOverlaps[0].similarity).toBeGreaterThan(0.7);

    const tooLong = await product.gql(`{ hostLoad(from: "2026-01-01", to: "2027-06-30") { unitName } }`, {}, board);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('dashboard cost and live figures', () => {
  let product: TestProduct;
  let hcm: number;
  let admin: string;
  let dept: { id: string };
  let host: { id: string };

  const DASHBOARD = `query { provinceCompliance(year: 2026) { totalDays metCount coverage { reached total } }
    departmentCompliance(year: 2026) { departmentName totalDays department { name } }
    cadreCompliance(year: 2026, first: 200) { totalCount nodes { fullName countedDays status cadre { position department { name } } } } }`;

  const addCadres = async (n: number) => {
    const ids = await Promise.all(
      Array.from({ length: n }, () => buildCadre(product.owner, { provinceId: hcm, departmentId: dept.id })),
    );
    await inProvince(product.owner, hcm, async () => {
      for (const c of ids) {
        const id = randomUUID();
        await product.owner.query(
          `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, department_id, start_date, end_date)
           VALUES ($1, $2, 'TOPIC', 'REPORTED', 'Chuyến đi', $3, $4, '2026-02-02', '2026-02-04')`,
          [hcm, id, c.id, dept.id],
        );
        await product.owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, true)', [
          hcm,
          id,
          c.id,
        ]);
        await product.owner.query('INSERT INTO trip_destination (province_id, trip_id, unit_id) VALUES ($1, $2, $3)', [
          hcm,
          id,
          host.id,
        ]);
      }
    });
  };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    hcm = await provinceIdOf(product.owner, 'HCM');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hcm })).username);
    const agency = await buildUnit(product.owner, { provinceId: hcm, kind: 'PROVINCIAL_AGENCY' });
    dept = await buildUnit(product.owner, { provinceId: hcm, kind: 'DEPARTMENT', name: 'Văn phòng', parentId: agency.id });
    host = await buildUnit(product.owner, { provinceId: hcm, name: 'Đoàn phường Sài Gòn', parentId: agency.id });
  });
  afterAll(() => product.stop());

  it('costs the same number of statements for 10 cadres as for 200', async () => {
    await addCadres(10);
    product.statements.length = 0;
    const small = await product.ok(DASHBOARD, {}, admin);
    const smallCount = product.statements.length;
    await addCadres(190);
    product.statements.length = 0;
    const large = await product.ok(DASHBOARD, {}, admin);
    expect(small.cadreCompliance.totalCount).toBe(10);
    expect(large.cadreCompliance.totalCount).toBe(200);
    expect(large.provinceCompliance.totalDays).toBe(600);
    expect(product.statements.length).toBe(smallCount);

    // Nothing changed: the figures are reused, not recomputed.
    product.statements.length = 0;
    const again = await product.ok(DASHBOARD, {}, admin);
    expect(again).toEqual(large);
    expect(product.statements.some((sql) => sql.includes('cadre_compliance'))).toBe(false);

    // Any change that moves the figures is seen at once, whoever made it.
    await addCadres(1);
    const fresh = await product.ok(DASHBOARD, {}, admin);
    expect(fresh.cadreCompliance.totalCount).toBe(201);
    expect(fresh.provinceCompliance.totalDays).toBe(603);
  });

  it('pushes the new figures of the cadre, department and province within a second of a change', async () => {
    const { createClient } = await import('graphql-ws');
    const { WebSocket } = await import('ws');
    const client = createClient({
      url: `${product.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
    });
    const updates: Array<{
      province: { totalDays: number };
      cadres: Array<{ fullName: string; countedDays: number }>;
      departments: Array<{ departmentName: string }>;
    }> = [];
    const dispose = client.subscribe<{ complianceChanged: (typeof updates)[number] }>(
      {
        query: `subscription { complianceChanged(year: 2026) { province { totalDays } cadres { fullName countedDays } departments { departmentName } } }`,
      },
      { next: (v) => v.data && updates.push(v.data.complianceChanged), error: () => undefined, complete: () => undefined },
    );
    const cadre = await buildCadre(product.owner, {
      provinceId: hcm,
      departmentId: dept.id,
      fullName: 'Võ Thị Sáu',
      gender: 'FEMALE',
    });
    const exemption = (kind: string, start: string, end: string) =>
      product.ok(
        `mutation ($c: ID!, $k: ExemptionKind!, $s: LocalDate!, $e: LocalDate!) {
          createExemption(input: { cadreId: $c, kind: $k, startDate: $s, endDate: $e, approvedBy: "Ban Thường vụ" }) { id } }`,
        { c: cadre.id, k: kind, s: start, e: end },
        admin,
      );
    const waitFor = async (n: number, ms: number) => {
      const until = Date.now() + ms;
      while (updates.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    };
    // The server registers the subscription asynchronously: the first change proves it is listening.
    for (let day = 1; day < 20 && updates.length === 0; day += 1) {
      const date = `2026-01-${String(day).padStart(2, '0')}`;
      await exemption('OTHER', date, date);
      await waitFor(1, 1000);
    }
    expect(updates.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 400));
    updates.length = 0;
    const before = (await product.ok(`{ provinceCompliance(year: 2026) { totalDays } }`, {}, admin)).provinceCompliance.totalDays;
    // Two changes in a burst: coalesced into one push.
    const started = Date.now();
    await Promise.all([exemption('MATERNITY', '2026-06-01', '2026-11-30'), exemption('OTHER', '2026-02-01', '2026-02-10')]);
    await waitFor(1, 5000);
    const arrivedAfter = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    dispose();
    await client.dispose();
    expect(updates).toHaveLength(1);
    expect(arrivedAfter).toBeLessThan(2000);
    expect(updates[0].province.totalDays).toBe(before);
    expect(updates[0].cadres).toEqual([{ fullName: 'Võ Thị Sáu', countedDays: 0 }]);
    expect(updates[0].departments).toEqual([{ departmentName: 'Văn phòng' }]);
  });
});

/** The paragraphs of a DOCX, one per line. */
async function docxText(body: ArrayBuffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

describe('every figure over the same cadres, at every level and in the report (hand-computed)', () => {
  let product: TestProduct;
  let hni: number;
  let admin: string;
  let central: string;
  let units: Record<'remote' | 'chapter' | 'ward', { id: string }>;
  let cadres: Record<'an' | 'binh' | 'cuc' | 'dung', { id: string }>;

  const SUMMARY_FIELDS = `subjectCadres exempt agencyStaff { count total } metCount metShare onTrack atRisk behind notMet
    totalDays exemptDays averageDays hardshipShare`;
  const FIGURES = `query ($p: Int) {
    cadreCompliance(year: 2025, provinceId: $p, first: 50) { nodes { fullName status availableDays requiredDays countedDays
      hardshipDays projectedDays byKind { topic coordination inspection meeting } byLevel { district commune chapter } } }
    departmentCompliance(year: 2025, provinceId: $p) { departmentName ${SUMMARY_FIELDS} }
    provinceCompliance(year: 2025, provinceId: $p) { ${SUMMARY_FIELDS} }
    complianceTrend(fromYear: 2024, toYear: 2025, provinceId: $p) { year totalDays exemptDays averageDays } }`;
  const EXEMPT = `mutation ($input: CreateExemptionInput!) { createExemption(input: $input) { id } }`;
  const exemption = (cadreId: string, kind: string, startDate: string, endDate: string) => ({
    cadreId,
    kind,
    startDate,
    endDate,
    approvedBy: 'Ban Thường vụ Tỉnh đoàn',
  });

  const trip = (cadreId: string, kind: string, dest: string, start: string, end: string) =>
    inProvince(product.owner, hni, async () => {
      const id = randomUUID();
      await product.owner.query(
        `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, start_date, end_date)
         VALUES ($1, $2, $3, 'REPORTED', $4, $5, $6, $7)`,
        [hni, id, kind, `Chuyến ${kind.toLowerCase()} ${start}`, cadreId, start, end],
      );
      await product.owner.query('INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) VALUES ($1, $2, $3, true)', [
        hni,
        id,
        cadreId,
      ]);
      await product.owner.query('INSERT INTO trip_destination (province_id, trip_id, unit_id) VALUES ($1, $2, $3)', [
        hni,
        id,
        dest,
      ]);
    });

  beforeAll(async () => {
    // The 2025 window (365 days, 60 required, reports required) is over: every status is final.
    product = await startTestProduct({ clock: fixedClock('2026-02-02') });
    hni = await provinceIdOf(product.owner, 'HNI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    const agency = await buildUnit(product.owner, { provinceId: hni, kind: 'PROVINCIAL_AGENCY' });
    const org = await buildUnit(product.owner, { provinceId: hni, kind: 'DEPARTMENT', name: 'Ban Tổ chức', parentId: agency.id });
    const move = await buildUnit(product.owner, {
      provinceId: hni,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    const remote = await buildUnit(product.owner, {
      provinceId: hni,
      kind: 'GRASSROOTS_UNION',
      name: 'Đoàn xã Ba Vì',
      parentId: agency.id,
    });
    await inProvince(product.owner, hni, () => product.owner.query('UPDATE unit SET remote = true WHERE id = $1', [remote.id]));
    units = {
      remote,
      chapter: await buildUnit(product.owner, {
        provinceId: hni,
        kind: 'CHAPTER',
        name: 'Chi đoàn thôn Yên',
        parentId: remote.id,
      }),
      ward: await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Hoàn Kiếm', parentId: agency.id }),
    };
    cadres = {
      an: await buildCadre(product.owner, { provinceId: hni, departmentId: org.id, fullName: 'An Miễn Cả Năm' }),
      binh: await buildCadre(product.owner, { provinceId: hni, departmentId: org.id, fullName: 'Bình Hai Loại Miễn' }),
      cuc: await buildCadre(product.owner, {
        provinceId: hni,
        departmentId: move.id,
        fullName: 'Cúc Thiếu Một Ngày',
        gender: 'FEMALE',
      }),
      dung: await buildCadre(product.owner, { provinceId: hni, departmentId: move.id, fullName: 'Dũng Đủ Ngày' }),
    };
    // An: 5 days at a remote commune (06–10/01), then found to be on long study all year.
    await trip(cadres.an.id, 'TOPIC', remote.id, '2025-01-06', '2025-01-10');
    // Bình: long study 01/01–30/06 and long sick leave 01/06–31/07 overlap in June: exempt 01/01–31/07 = 212 days,
    // available 153, required ceil(60 × 153 / 365) = ceil(25.15) = 26. Topic 04–23/08 (20 days, remote) and a chapter
    // meeting 20–29/08 (10 days): 26 distinct days, exactly the requirement; 20–23/08 belong once to topic and chapter.
    await trip(cadres.binh.id, 'TOPIC', remote.id, '2025-08-04', '2025-08-23');
    await trip(cadres.binh.id, 'MEETING', units.chapter.id, '2025-08-20', '2025-08-29');
    // Cúc: maternity 01/07–31/12 (184 days): available 181, required ceil(60 × 181 / 365) = ceil(29.75) = 30; 29 days.
    await trip(cadres.cuc.id, 'COORDINATION', units.ward.id, '2025-03-03', '2025-03-31');
    // Dũng: no exemption, 60 days of inspection at the remote commune (01/04–30/05).
    await trip(cadres.dung.id, 'INSPECTION', remote.id, '2025-04-01', '2025-05-30');
    await product.ok(EXEMPT, { input: exemption(cadres.binh.id, 'LONG_STUDY', '2025-01-01', '2025-06-30') }, admin);
    await product.ok(EXEMPT, { input: exemption(cadres.binh.id, 'LONG_SICK_LEAVE', '2025-06-01', '2025-07-31') }, admin);
    await product.ok(EXEMPT, { input: exemption(cadres.cuc.id, 'MATERNITY', '2025-07-01', '2025-12-31') }, admin);
  });
  afterAll(() => product.stop());

  it('accepts overlapping exemptions of different kinds and refuses the same kind overlapping itself', async () => {
    const res = await product.gql(
      EXEMPT,
      { input: exemption(cadres.binh.id, 'LONG_SICK_LEAVE', '2025-07-15', '2025-08-20') },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'EXEMPTION_OVERLAP',
      field: 'input.startDate',
    });
    const { cadre } = await product.ok(
      `query ($id: ID!) { cadre(id: $id) { exemptions { kind startDate endDate } } }`,
      { id: cadres.binh.id },
      admin,
    );
    expect(cadre.exemptions).toHaveLength(2);
  });

  it('says which counted trips an exemption would cover before it is recorded', async () => {
    const { tripsDuringExemption } = await product.ok(
      `query ($c: ID!) { tripsDuringExemption(cadreId: $c, startDate: "2025-01-01", endDate: "2025-12-31") {
        title startDate endDate daysInside done } }`,
      { c: cadres.an.id },
      admin,
    );
    expect(tripsDuringExemption).toEqual([
      { title: 'Chuyến topic 2025-01-06', startDate: '2025-01-06', endDate: '2025-01-10', daysInside: 5, done: true },
    ]);
    await product.ok(EXEMPT, { input: exemption(cadres.an.id, 'LONG_STUDY', '2025-01-01', '2025-12-31') }, admin);
  });

  it('computes each cadre by hand: union of exemptions, prorated requirement rounded up, parts attributed once', async () => {
    const { cadreCompliance } = await product.ok(FIGURES, {}, admin);
    const by = Object.fromEntries(cadreCompliance.nodes.map((n: { fullName: string }) => [n.fullName, n]));
    expect(by['An Miễn Cả Năm']).toMatchObject({
      status: 'EXEMPT',
      availableDays: 0,
      requiredDays: 0,
      countedDays: 5,
      hardshipDays: 5,
    });
    expect(by['Bình Hai Loại Miễn']).toEqual({
      fullName: 'Bình Hai Loại Miễn',
      status: 'MET',
      availableDays: 153,
      requiredDays: 26,
      countedDays: 26,
      hardshipDays: 20,
      projectedDays: 26,
      byKind: { topic: 20, coordination: 0, inspection: 0, meeting: 6 },
      byLevel: { district: 0, commune: 16, chapter: 10 },
    });
    expect(by['Cúc Thiếu Một Ngày']).toMatchObject({
      status: 'NOT_MET',
      availableDays: 181,
      requiredDays: 30,
      countedDays: 29,
      hardshipDays: 0,
      byKind: { topic: 0, coordination: 29, inspection: 0, meeting: 0 },
      byLevel: { district: 0, commune: 29, chapter: 0 },
    });
    expect(by['Dũng Đủ Ngày']).toMatchObject({ status: 'MET', requiredDays: 60, countedDays: 60, hardshipDays: 60 });
  });

  // Subject: Bình, Cúc, Dũng. Days 26 + 29 + 60 = 115 (An's 5 apart); hardship 20 + 0 + 60 = 80.
  const PROVINCE_FIGURES = {
    subjectCadres: 3,
    exempt: 1,
    agencyStaff: { count: 3, total: 4 },
    metCount: 2,
    onTrack: 0,
    atRisk: 0,
    behind: 0,
    notMet: 1,
    totalDays: 115,
    exemptDays: 5,
    averageDays: 38.33,
  };

  it('totals, averages and shares of departments and the province count only the subject cadres', async () => {
    const figures = await product.ok(FIGURES, {}, admin);
    expect(figures.provinceCompliance).toMatchObject(PROVINCE_FIGURES);
    expect(figures.provinceCompliance.metShare).toBeCloseTo(2 / 3, 10);
    expect(figures.provinceCompliance.hardshipShare).toBeCloseTo(80 / 115, 10);
    const dept = Object.fromEntries(figures.departmentCompliance.map((d: { departmentName: string }) => [d.departmentName, d]));
    expect(dept['Ban Tổ chức']).toMatchObject({
      subjectCadres: 1,
      exempt: 1,
      metCount: 1,
      metShare: 1,
      totalDays: 26,
      exemptDays: 5,
      averageDays: 26,
    });
    expect(dept['Ban Tổ chức'].hardshipShare).toBeCloseTo(20 / 26, 10);
    expect(dept['Ban Phong trào']).toMatchObject({
      subjectCadres: 2,
      exempt: 0,
      metCount: 1,
      metShare: 0.5,
      totalDays: 89,
      exemptDays: 0,
      averageDays: 44.5,
    });
    expect(dept['Ban Phong trào'].hardshipShare).toBeCloseTo(60 / 89, 10);
    expect(figures.complianceTrend.at(-1)).toEqual({ year: 2025, totalDays: 115, exemptDays: 5, averageDays: 38.33 });

    const { centralComparison } = await product.ok(
      `{ centralComparison(year: 2025) { provinceId ${SUMMARY_FIELDS} } }`,
      {},
      central,
    );
    const row = centralComparison.find((r: { provinceId: number }) => r.provinceId === hni);
    expect(row).toMatchObject(PROVINCE_FIGURES);
    expect(row.hardshipShare).toBeCloseTo(80 / 115, 10);
  });

  it('prints the same figures in the annual report, its annex and its definitions', async () => {
    const { annualReport: r } = await product.ok(
      `query ($p: Int) { annualReport(year: 2025, provinceId: $p) { figures {
        summary { totalDays exemptDays averageDays subjectCadres metCount }
        departments { departmentName totalDays averageDays }
        cadres { fullName countedDays requiredDays status } byKind { kind days } } } }`,
      { p: hni },
      admin,
    );
    expect(r.figures.summary).toEqual({ totalDays: 115, exemptDays: 5, averageDays: 38.33, subjectCadres: 3, metCount: 2 });
    expect(r.figures.cadres.map((c: { fullName: string }) => c.fullName)).toEqual([
      'Bình Hai Loại Miễn',
      'Cúc Thiếu Một Ngày',
      'Dũng Đủ Ngày',
    ]);
    // Per kind, each day once: 20 + 29 + 60 + 6 = 115, the total.
    expect(r.figures.byKind).toEqual([
      { kind: 'TOPIC', days: 20 },
      { kind: 'COORDINATION', days: 29 },
      { kind: 'INSPECTION', days: 60 },
      { kind: 'MEETING', days: 6 },
    ]);
    const docx = await fetch(`${product.url}/files/reports/${hni}/2025.docx`, { headers: { authorization: `Bearer ${admin}` } });
    const text = await docxText(await docx.arrayBuffer());
    expect(text).toContain('tổng thời gian thực hiện đi cơ sở là 115 ngày');
    expect(text).toContain('Trung bình: 38,33 ngày/đồng chí');
    expect(text).toContain('Ngày đi cơ sở của cán bộ được miễn cả kỳ (không tính vào tổng): 5 ngày.');
    expect(text).toContain('CÁCH TÍNH SỐ LIỆU');
    expect(text).toContain('làm tròn lên');
  });
});
