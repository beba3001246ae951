import JSZip from 'jszip';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, provinceIdOf } from '../../../test/factories';

async function docxText(body: ArrayBuffer): Promise<string> {
  const file = (await JSZip.loadAsync(body)).file('word/document.xml');
  if (!file) throw new Error('not a DOCX document');
  return (await file.async('string'))
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

interface Row {
  provinceId: number;
  hasData: boolean;
  subjectCadres: number;
  metCount: number;
  metShare: number;
  behind: number;
  notMet: number;
  tripsRegistered: number;
  tripsApproved: number;
  tripsCarriedOut: number;
}

/**
 * Figures that tell the truth (hand-computed). Today is 02/02/2026: the 2025 window is over, 2026 runs.
 * Hà Nội: Hà Đủ went 60 days (inspection 01/04–30/05/2025, report accepted): met. Hà Thiếu went 10 days
 * (topic 03–12/03/2025, reported): short when the window closed, so "không đạt". Quảng Trị: Quế went nowhere.
 * Every other province has no cadre: no data.
 */
describe('figures that tell the truth', () => {
  let product: TestProduct;
  let hni: number;
  let qti: number;
  let admin: string;
  let central: string;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-02-02') });
    hni = await provinceIdOf(product.owner, 'HNI');
    qti = await provinceIdOf(product.owner, 'QTI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    const ward = await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Hoàn Kiếm' });
    const du = await buildCadre(product.owner, { provinceId: hni, fullName: 'Hà Đủ' });
    const thieu = await buildCadre(product.owner, { provinceId: hni, fullName: 'Hà Thiếu' });
    const que = await buildCadre(product.owner, { provinceId: qti, fullName: 'Quế Không Đi' });
    const commune = await buildUnit(product.owner, { provinceId: qti, name: 'Đoàn xã Gio Linh' });
    // Quế registered one trip in 2025 (still awaiting approval): Quảng Trị has records for 2025, and went nowhere.
    await buildTrip(product.owner, {
      provinceId: qti,
      leadCadreId: que.id,
      destinationId: commune.id,
      state: 'SUBMITTED',
      startDate: '2025-12-15',
      endDate: '2025-12-16',
    });
    const trip = (leadCadreId: string, state: string, title: string, startDate: string, endDate: string, kind = 'TOPIC') =>
      buildTrip(product.owner, { provinceId: hni, leadCadreId, destinationId: ward.id, state, kind, title, startDate, endDate });
    await trip(du.id, 'REPORT_ACCEPTED', 'Kiểm tra công tác Đoàn', '2025-04-01', '2025-05-30', 'INSPECTION');
    await trip(thieu.id, 'REPORTED', 'Chuyên đề đã báo cáo', '2025-03-03', '2025-03-12');
    await trip(thieu.id, 'COMPLETED', 'Chuyên đề đã đi chưa báo cáo', '2025-06-02', '2025-06-03');
    await trip(thieu.id, 'APPROVED', 'Chuyên đề đã duyệt chưa đi', '2025-12-01', '2025-12-02');
    await trip(thieu.id, 'SUBMITTED', 'Chuyên đề chờ duyệt', '2025-11-03', '2025-11-04');
    await trip(thieu.id, 'RETURNED', 'Chuyên đề bị trả lại', '2025-10-06', '2025-10-07');
    await trip(thieu.id, 'DRAFT', 'Chuyên đề nháp', '2025-09-01', '2025-09-02');
    await trip(thieu.id, 'CANCELLED', 'Chuyên đề đã hủy', '2025-08-04', '2025-08-05');
    await trip(thieu.id, 'REJECTED', 'Chuyên đề bị từ chối', '2025-07-07', '2025-07-08');
  });
  afterAll(() => product.stop());

  const FIELDS = `provinceId hasData subjectCadres metCount metShare behind notMet tripsRegistered tripsApproved tripsCarriedOut`;

  it('reads a cadre short of the requirement in a closed year as not met, and behind only while the year runs', async () => {
    const STATUS = `query ($year: Int!) { cadreCompliance(year: $year, first: 10) { nodes { fullName countedDays status } } }`;
    const closed = (await product.ok(STATUS, { year: 2025 }, admin)).cadreCompliance.nodes;
    expect(closed).toEqual([
      { fullName: 'Hà Đủ', countedDays: 60, status: 'MET' },
      { fullName: 'Hà Thiếu', countedDays: 10, status: 'NOT_MET' },
    ]);
    // 2026 runs: 33 of 365 days gone, nobody went: 0 < 0.7 × 60 × 33 / 365, behind schedule, not yet "không đạt".
    const running = (await product.ok(STATUS, { year: 2026 }, admin)).cadreCompliance.nodes;
    expect(running.map((c: { status: string }) => c.status)).toEqual(['BEHIND', 'BEHIND']);

    const { provinceCompliance: p, departmentCompliance: d } = await product.ok(
      `{ provinceCompliance(year: 2025) { metCount onTrack atRisk behind notMet exempt subjectCadres }
         departmentCompliance(year: 2025) { metCount onTrack atRisk behind notMet subjectCadres } }`,
      {},
      admin,
    );
    expect(p).toEqual({ metCount: 1, onTrack: 0, atRisk: 0, behind: 0, notMet: 1, exempt: 0, subjectCadres: 2 });
    // The state columns of every department add up to its headcount.
    for (const row of d as Array<Record<string, number>>)
      expect(row.metCount + row.onTrack + row.atRisk + row.behind + row.notMet).toBe(row.subjectCadres);
  });

  it('counts registrations, approvals and trips carried out apart', async () => {
    const { provinceCompliance } = await product.ok(`{ provinceCompliance(year: 2025) { ${FIELDS} } }`, {}, admin);
    // Registered: all but the draft, the cancelled and the rejected (6); approved: accepted, reported, completed and
    // approved (4); carried out: accepted, reported, completed (3).
    expect(provinceCompliance).toMatchObject({ tripsRegistered: 6, tripsApproved: 4, tripsCarriedOut: 3 });
  });

  it('prints only trips carried out as "đã thực hiện" in the annual report, its kinds adding up to the total days', async () => {
    const { annualReport: r } = await product.ok(
      `{ annualReport(year: 2025) { figures { summary { totalDays } byKind { kind trips days } topics } } }`,
      {},
      admin,
    );
    expect(r.figures.byKind).toEqual([
      { kind: 'TOPIC', trips: 2, days: 10 },
      { kind: 'COORDINATION', trips: 0, days: 0 },
      { kind: 'INSPECTION', trips: 1, days: 60 },
      { kind: 'MEETING', trips: 0, days: 0 },
    ]);
    // Each day attributed to one kind: 10 + 60 = 70, the total.
    expect(r.figures.summary.totalDays).toBe(70);
    expect(r.figures.topics).toEqual(['Chuyên đề đã báo cáo', 'Chuyên đề đã đi chưa báo cáo']);
    const docx = await fetch(`${product.url}/files/reports/${hni}/2025.docx`, { headers: { authorization: `Bearer ${admin}` } });
    const text = await docxText(await docx.arrayBuffer());
    expect(text).toContain('đã thực hiện 3 chuyến đi cơ sở');
    expect(text).toContain('Các chuyên đề đã thực hiện: Chuyên đề đã báo cáo; Chuyên đề đã đi chưa báo cáo.');
    expect(text).not.toContain('Chuyên đề chờ duyệt');
    expect(text).not.toContain('Chuyên đề đã duyệt chưa đi');
  });

  it('writes "chưa có số liệu" in the annual report of a province without data, not an average of 0 and 0%', async () => {
    const dng = await provinceIdOf(product.owner, 'DNG');
    const dngAdmin = await product.login(
      (await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: dng })).username,
    );
    const docx = await fetch(`${product.url}/files/reports/${dng}/2025.docx`, {
      headers: { authorization: `Bearer ${dngAdmin}` },
    });
    expect(docx.status).toBe(200);
    const text = await docxText(await docx.arrayBuffer());
    expect(text).toContain(
      'Bình quân ngày/đồng chí và tỷ lệ cán bộ thực hiện đủ quy định đi cơ sở từ 60 ngày trở lên: chưa có số liệu',
    );
    expect(text).not.toContain('Đạt tỷ lệ 0%');
    const withData = await fetch(`${product.url}/files/reports/${hni}/2025.docx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await docxText(await withData.arrayBuffer())).toContain('Trung bình: 35 ngày/đồng chí. Đạt tỷ lệ 50%');
  });

  it('tells provinces without data from 0% and lists them after every province with data, whatever the order', async () => {
    for (const orderBy of ['MET_SHARE', 'NAME', 'LATE_TRIPS', 'AVERAGE_DAYS']) {
      const rows: Row[] = (
        await product.ok(
          `query ($o: ComparisonOrder!) { centralComparison(year: 2025, orderBy: $o) { ${FIELDS} } }`,
          { o: orderBy },
          central,
        )
      ).centralComparison;
      const withData = rows.filter((r) => r.hasData).map((r) => r.provinceId);
      expect(rows.slice(0, 2).map((r) => r.provinceId)).toEqual(withData);
      expect(withData.sort()).toEqual([hni, qti].sort());
      expect(rows.slice(2).every((r) => !r.hasData && r.subjectCadres === 0)).toBe(true);
      expect(rows.length).toBe(34);
    }
    const byMet: Row[] = (await product.ok(`{ centralComparison(year: 2025) { ${FIELDS} } }`, {}, central)).centralComparison;
    // Quảng Trị's 0% is a figure (one subject cadre, none met): it has data and comes before the provinces without.
    expect(byMet[0]).toMatchObject({ provinceId: hni, hasData: true, metCount: 1, metShare: 0.5, notMet: 1 });
    expect(byMet[1]).toMatchObject({ provinceId: qti, hasData: true, metCount: 0, metShare: 0, notMet: 1 });
    expect(byMet[2]).toMatchObject({ hasData: false, subjectCadres: 0, tripsCarriedOut: 0 });

    const trend = (
      await product.ok(
        `query ($p: Int) { complianceTrend(fromYear: 2023, toYear: 2026, provinceId: $p) { year hasData } }`,
        { p: qti },
        central,
      )
    ).complianceTrend;
    // Quế is subject every year, but Quảng Trị registered trips in 2025 only: the other years have no records, no data.
    expect(trend.map((t: { hasData: boolean }) => t.hasData)).toEqual([false, false, true, false]);
    const empty = await provinceIdOf(product.owner, 'DNG');
    const none = (
      await product.ok(
        `query ($p: Int) { complianceTrend(fromYear: 2024, toYear: 2025, provinceId: $p) { year hasData } }`,
        { p: empty },
        central,
      )
    ).complianceTrend;
    expect(none).toEqual([
      { year: 2024, hasData: false },
      { year: 2025, hasData: false },
    ]);
  });
});
