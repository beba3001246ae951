import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { logger } from '../../shared/logger';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { testDbConfig } from '../../../test/database';
import { buildCadre, buildTrip, buildUser, inProvince, provinceIdOf } from '../../../test/factories';
import { DEMO_TODAY, seedDemo } from '../../seed/demo';

const SUMMARY = `requiredDays subjectCadres agencyStaff { count total } executiveMembers { count total } metCount metShare
  totalDays averageDays hardshipShare exempt coverage { reached total missing { name } } lateTrips unreportedTrips
  estimatedCost actualCost`;
const REPORT = `query ($year: Int!, $p: Int) { annualReport(year: $year, provinceId: $p) {
  provinceId year status version number issuedOn viewerCan { edit finalize download } province { name }
  narrative { topics place signerTitle signerName directions }
  figures { summary { ${SUMMARY} } cadres { fullName category countedDays requiredDays status byKind { topic coordination inspection meeting } }
    byKind { kind trips days } topics goodModels { name unitName } activities conclusions
    indicators { lateTrips overlappingTopics unreportedTrips hostRuleBreaches overloadedHostWeeks estimatedCost actualCost } } } }`;
const COMPLIANCE = `query ($year: Int!, $p: Int) { provinceCompliance(year: $year, provinceId: $p) { ${SUMMARY} }
  cadreCompliance(year: $year, provinceId: $p, first: 200) { nodes { fullName countedDays requiredDays status
    byKind { topic coordination inspection meeting } } }
  topicOverlaps(year: $year, provinceId: $p) { tripA } }`;
const SAVE = `mutation ($input: SaveReportNarrativeInput!) { saveReportNarrative(input: $input) {
  status version narrative { topics place directions } figures { summary { totalDays } } } }`;
const FINALIZE = `mutation ($p: Int!, $year: Int!, $v: Int!, $n: String!) { finalizeReport(provinceId: $p, year: $year, version: $v, number: $n) {
  status version number issuedOn viewerCan { edit finalize download } figures { summary { totalDays subjectCadres } } } }`;
const CENTRAL = `query ($year: Int!) { centralReport(year: $year) { year provinces { reportStatus reportNumber
  summary { provinceId totalDays agencyStaff { count total } province { name } } } } }`;

/** The text of a DOCX, one line per paragraph, read back from word/document.xml. */
async function docxText(body: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .filter(Boolean)
    .join('\n');
}

async function sheetRows(body: ArrayBuffer, sheet = 1): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const rows: unknown[][] = [];
  book.worksheets[sheet - 1].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('annual "1+2" report', () => {
  let product: TestProduct;
  let bt: number;
  let ldg: number;
  let tokens: Record<'ldg' | 'hni' | 'board' | 'cadre' | 'central', string>;

  const download = (path: string, token?: string) =>
    fetch(`${product.url}/files/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** What is stored, read as the owner with every province readable (row-level security is forced). */
  async function reportRows(sql: string): Promise<Array<Record<string, unknown>>> {
    await product.owner.query('BEGIN');
    try {
      await product.owner.query(`SELECT set_config('app.read_provinces', (SELECT array_agg(id)::text FROM province), true)`);
      return (await product.owner.query(sql)).rows;
    } finally {
      await product.owner.query('ROLLBACK');
    }
  }

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock(DEMO_TODAY) });
    expect(await seedDemo(testDbConfig(product.ownerUrl), 'demo1234', logger)).toBe(true);
    bt = await provinceIdOf(product.owner, 'BTN');
    ldg = await provinceIdOf(product.owner, 'LDG');
    const login = (u: string) => product.login(u, 'demo1234');
    tokens = {
      ldg: await login('admin.ldg'),
      hni: await login('admin.hni'),
      board: await login('thuongtruc.ldg'),
      cadre: await login('canbo.ldg'),
      central: await login('trunguong'),
    };
  });
  afterAll(() => product.stop());

  it('builds Bình Thuận 2019 from the compliance engine: 14/21, 29/37, 1,785 days, 61.55, 100%, 17/18 without Phú Quý', async () => {
    const { annualReport: r } = await product.ok(REPORT, { year: 2019, p: bt }, tokens.ldg);
    const engine = await product.ok(COMPLIANCE, { year: 2019, p: bt }, tokens.ldg);
    expect(r).toMatchObject({
      provinceId: bt,
      year: 2019,
      status: 'DRAFT',
      version: 0,
      number: null,
      province: { name: 'Bình Thuận' },
    });
    // Lâm Đồng reads its predecessor's history but cannot issue a report in its name.
    expect(r.viewerCan).toEqual({ edit: false, finalize: false, download: true });
    expect(r.figures.summary).toEqual(engine.provinceCompliance);
    expect(r.figures.summary).toMatchObject({
      agencyStaff: { count: 14, total: 21 },
      executiveMembers: { count: 29, total: 37 },
      totalDays: 1785,
      averageDays: 61.55,
      metShare: 1,
      coverage: { reached: 17, total: 18, missing: [{ name: 'Huyện đoàn Phú Quý' }] },
    });
    const subject = engine.cadreCompliance.nodes.filter((c: { status: string }) => c.status !== 'EXEMPT');
    expect(r.figures.cadres.map(({ category: _c, ...rest }: Record<string, unknown>) => rest)).toEqual(subject);
    expect(r.figures.cadres).toHaveLength(29);
    for (const kind of ['topic', 'coordination', 'inspection', 'meeting'] as const) {
      const days = subject.reduce((n: number, c: { byKind: Record<string, number> }) => n + c.byKind[kind], 0);
      expect(r.figures.byKind.find((k: { kind: string }) => k.kind === kind.toUpperCase()).days).toBe(days);
    }
    expect(r.figures.indicators).toMatchObject({
      lateTrips: engine.provinceCompliance.lateTrips,
      unreportedTrips: engine.provinceCompliance.unreportedTrips,
      overlappingTopics: engine.topicOverlaps.length,
      estimatedCost: engine.provinceCompliance.estimatedCost,
    });
    expect(r.figures.goodModels.map((m: { name: string }) => m.name).join('\n')).toMatch(/ve chai/u);
    expect(r.figures.topics.length).toBeGreaterThan(0);
    expect(r.figures.activities.length).toBeGreaterThan(0);
  });

  it('writes the DOCX in the union’s format and the XLSX annex with the engine’s numbers', async () => {
    const res = await download(`reports/${bt}/2019.docx`, tokens.ldg);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo 1+2 năm 2019 - Bình Thuận.docx')}`,
    );
    const text = await docxText(await res.arrayBuffer());
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['BCH ĐOÀN TỈNH BÌNH THUẬN', 'BAN THƯỜNG VỤ', '***', 'Số: …-BC/TĐTN']);
    expect(lines).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(lines).toContain('Bình Thuận, ngày 27 tháng 11 năm 2026');
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('Kết quả thực hiện chủ trương đi cơ sở “1+2” năm 2019');
    expect(lines).toContain('(Dự thảo)');
    for (const heading of [
      'I. KẾT QUẢ THỰC HIỆN CHỦ TRƯƠNG “1+2” NĂM 2019',
      '1. Việc ban hành văn bản chỉ đạo, biểu mẫu',
      '2.1. Đi công tác cơ sở theo chuyên đề',
      '2.2. Đi cơ sở phối hợp tổ chức, triển khai các hoạt động',
      '2.3. Đi cơ sở thực hiện nhiệm vụ kiểm tra, giám sát',
      '3. Thời gian thực hiện nội dung đi cơ sở theo chủ trương “1+2”',
      'II. ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ TRƯƠNG “1+2”',
      'III. PHƯƠNG HƯỚNG THỰC HIỆN TRONG THỜI GIAN TỚI',
    ]) {
      expect(lines).toContain(heading);
    }
    expect(text).toContain('14/21 đồng chí cán bộ Đoàn chuyên trách cơ quan Tỉnh đoàn');
    expect(text).toContain('29/37 đồng chí Ủy viên Ban Chấp hành chuyên trách');
    expect(text).toContain('tổng thời gian thực hiện đi cơ sở là 1.785 ngày');
    expect(text).toContain('Trung bình: 61,55 ngày/đồng chí. Đạt tỷ lệ 100% cán bộ');
    expect(text).toContain('17/18 Huyện, Thị, Thành đoàn và Đoàn trực thuộc (chưa đến: Huyện đoàn Phú Quý)');
    expect(text).toMatch(/ve chai/u);
    expect(lines).toContain('TM. BAN THƯỜNG VỤ');
    expect(lines).toContain('Nơi nhận:');

    const engine = await product.ok(COMPLIANCE, { year: 2019, p: bt }, tokens.ldg);
    const xlsx = await download(`reports/${bt}/2019.xlsx`, tokens.ldg);
    expect(xlsx.status).toBe(200);
    const [header, ...rows] = await sheetRows(await xlsx.arrayBuffer());
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Ban, Văn phòng',
      'Diện',
      'Tổng số ngày',
      'Chuyên đề',
      'Phối hợp',
      'Kiểm tra, giám sát',
      'Dự sinh hoạt',
      'Số ngày phải đi',
      'Kết quả',
    ]);
    const subject = engine.cadreCompliance.nodes.filter((c: { status: string }) => c.status !== 'EXEMPT');
    expect(rows).toHaveLength(subject.length);
    rows.forEach((row, i) => {
      const c = subject[i];
      expect([row[1], row[4], row[5], row[6], row[7], row[8], row[9], row[10]]).toEqual([
        c.fullName,
        c.countedDays,
        c.byKind.topic,
        c.byKind.coordination,
        c.byKind.inspection,
        c.byKind.meeting,
        c.requiredDays,
        'Đạt',
      ]);
    });
    expect(rows.reduce((n, r) => n + Number(r[4]), 0)).toBe(1785);
    expect(rows.filter((r) => String(r[3]).includes('Cán bộ chuyên trách cơ quan'))).toHaveLength(14);
  });

  it('refuses another province’s report: nothing in GraphQL, 404 for the file, 401 without a token', async () => {
    const res = await product.gql(REPORT, { year: 2019, p: bt }, tokens.hni);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    const file = await download(`reports/${bt}/2019.docx`, tokens.hni);
    expect(file.status).toBe(404);
    expect(file.headers.get('content-disposition')).toBeNull();
    expect((await download(`reports/${ldg}/2026.xlsx`, tokens.hni)).status).toBe(404);
    expect((await download(`reports/${bt}/2019.docx`)).status).toBe(401);
    expect((await download(`reports/${bt}/20x9.docx`, tokens.ldg)).status).toBe(400);
    expect((await download('central/2019.docx', tokens.ldg)).status).toBe(403);
  });

  it('saves drafts with optimistic concurrency, refuses bad input and other roles, and writes nothing then', async () => {
    const input = { provinceId: ldg, year: 2026, version: 0, topics: 'Đã nắm tình hình thanh niên vùng giáo.' };
    const first = await product.ok(SAVE, { input }, tokens.ldg);
    expect(first.saveReportNarrative).toMatchObject({
      status: 'DRAFT',
      version: 1,
      narrative: { topics: input.topics, place: 'Lâm Đồng' },
    });

    const stale = await product.gql(SAVE, { input: { ...input, topics: 'Bản khác' } }, tokens.board);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH', field: 'version' });

    const empty = await product.gql(SAVE, { input: { ...input, version: 1, place: '  ' } }, tokens.ldg);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.place' });
    expect(empty.errors?.[0]?.message).toMatch(/địa danh/u);
    const long = await product.gql(SAVE, { input: { ...input, version: 1, directions: 'x'.repeat(20_001) } }, tokens.ldg);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.directions' });
    for (const token of [tokens.cadre, tokens.central]) {
      const refused = await product.gql(SAVE, { input: { ...input, version: 1, topics: 'Không được ghi' } }, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const other = await product.gql(SAVE, { input: { ...input, provinceId: bt, version: 0 } }, tokens.ldg);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'provinceId' });
    expect(await reportRows('SELECT province_id, version, narrative FROM report ORDER BY province_id')).toEqual([
      { province_id: ldg, version: 1, narrative: { topics: input.topics } },
    ]);

    const second = await product.ok(
      SAVE,
      { input: { ...input, version: 1, directions: '- Ưu tiên vùng sâu, vùng xa.\n- Tiết kiệm, hiệu quả.' } },
      tokens.board,
    );
    expect(second.saveReportNarrative).toMatchObject({
      version: 2,
      narrative: { topics: input.topics, directions: '- Ưu tiên vùng sâu, vùng xa.\n- Tiết kiệm, hiệu quả.' },
    });
    const { annualReport } = await product.ok(REPORT, { year: 2026 }, tokens.cadre);
    expect(annualReport).toMatchObject({
      version: 2,
      viewerCan: { edit: false, finalize: false, download: true },
      narrative: { topics: input.topics },
    });
  });

  it('recomputes a draft when data change, freezes the figures once final, and shows the final in the central report', async () => {
    const [unit] = (
      await inProvince(product.owner, ldg, () =>
        product.owner.query(`SELECT id FROM unit WHERE province_id = $1 AND kind = 'COMMUNE_UNION' ORDER BY name LIMIT 1`, [ldg]),
      )
    ).rows;
    const addTrip = async (start: string, end: string) => {
      const cadre = await buildCadre(product.owner, { provinceId: ldg });
      await buildTrip(product.owner, {
        provinceId: ldg,
        leadCadreId: cadre.id,
        destinationId: unit.id,
        state: 'REPORT_ACCEPTED',
        startDate: start,
        endDate: end,
      });
    };
    const before = (await product.ok(REPORT, { year: 2026 }, tokens.ldg)).annualReport;
    await addTrip('2026-03-02', '2026-03-04');
    const draft = (await product.ok(REPORT, { year: 2026 }, tokens.ldg)).annualReport;
    expect(draft.status).toBe('DRAFT');
    expect(draft.figures.summary.totalDays).toBe(before.figures.summary.totalDays + 3);
    expect(draft.figures.summary.subjectCadres).toBe(before.figures.summary.subjectCadres + 1);

    const bad = await product.gql(FINALIZE, { p: ldg, year: 2026, v: draft.version, n: '12a' }, tokens.ldg);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    const staleFinal = await product.gql(FINALIZE, { p: ldg, year: 2026, v: draft.version - 1, n: '125' }, tokens.board);
    expect(staleFinal.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { finalizeReport: final } = await product.ok(
      FINALIZE,
      { p: ldg, year: 2026, v: draft.version, n: '125' },
      tokens.board,
    );
    expect(final).toMatchObject({
      status: 'FINAL',
      number: '125',
      issuedOn: DEMO_TODAY,
      viewerCan: { edit: false, finalize: false, download: true },
    });
    expect(final.figures.summary.totalDays).toBe(draft.figures.summary.totalDays);

    await addTrip('2026-04-06', '2026-04-10');
    const live = await product.ok(COMPLIANCE, { year: 2026, p: ldg }, tokens.ldg);
    expect(live.provinceCompliance.totalDays).toBe(draft.figures.summary.totalDays + 5);
    const after = (await product.ok(REPORT, { year: 2026 }, tokens.ldg)).annualReport;
    expect(after.status).toBe('FINAL');
    expect({ totalDays: after.figures.summary.totalDays, subjectCadres: after.figures.summary.subjectCadres }).toEqual(
      final.figures.summary,
    );

    const edit = await product.gql(
      SAVE,
      { input: { provinceId: ldg, year: 2026, version: after.version, topics: 'Sửa sau' } },
      tokens.ldg,
    );
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPORT_FINAL' });

    const docx = await docxText(await (await download(`reports/${ldg}/2026.docx`, tokens.cadre)).arrayBuffer());
    expect(docx).toContain('Số: 125-BC/TĐTN');
    expect(docx).toContain('Lâm Đồng, ngày 27 tháng 11 năm 2026');
    expect(docx).not.toContain('(Dự thảo)');
    expect(docx).toContain('- Ưu tiên vùng sâu, vùng xa.');

    const { centralReport } = await product.ok(CENTRAL, { year: 2026 }, tokens.central);
    const provinces = centralReport.provinces;
    expect(provinces.length).toBeGreaterThanOrEqual(34);
    const row = provinces.find((p: { summary: { provinceId: number } }) => p.summary.provinceId === ldg);
    expect(row).toMatchObject({
      reportStatus: 'FINAL',
      reportNumber: '125',
      summary: { totalDays: draft.figures.summary.totalDays },
    });
    const refused = await product.gql(CENTRAL, { year: 2026 }, tokens.ldg);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('puts every province side by side in the central DOCX and XLSX', async () => {
    const { centralReport } = await product.ok(CENTRAL, { year: 2019 }, tokens.central);
    const names: string[] = centralReport.provinces.map(
      (p: { summary: { province: { name: string } } }) => p.summary.province.name,
    );
    expect(names).toContain('Bình Thuận');
    expect(names.length).toBe(35);
    const xlsx = await download('central/2019.xlsx', tokens.central);
    expect(xlsx.status).toBe(200);
    const [, ...rows] = await sheetRows(await xlsx.arrayBuffer());
    expect(rows.map((r) => r[1])).toEqual(names);
    expect(rows.find((r) => r[1] === 'Bình Thuận')?.slice(2, 5)).toEqual(['14/21', '29/37', 1785]);
    const docx = await docxText(await (await download('central/2019.docx', tokens.central)).arrayBuffer());
    for (const name of names) expect(docx).toContain(name);
    expect(docx).toContain('BÁO CÁO TỔNG HỢP');
  });

  it('writes the central DOCX as a report: sections I–III from the national figures, then the provinces’ table', async () => {
    const { centralReport } = await product.ok(
      `query ($year: Int!) { centralReport(year: $year) { provinces { reportStatus
        summary { hasData subjectCadres metCount totalDays province { name } } } } }`,
      { year: 2019 },
      tokens.central,
    );
    type Row = {
      reportStatus: string | null;
      summary: { hasData: boolean; subjectCadres: number; metCount: number; totalDays: number; province: { name: string } };
    };
    const rows: Row[] = centralReport.provinces;
    const withData = rows.filter((r) => r.summary.hasData).map((r) => r.summary);
    const add = (pick: (s: Row['summary']) => number) => withData.reduce((n, s) => n + pick(s), 0);
    const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    const [subject, met, days] = [add((s) => s.subjectCadres), add((s) => s.metCount), add((s) => s.totalDays)];
    expect(days).toBeGreaterThanOrEqual(1785); // Bình Thuận's 1,785 days, and any other province's

    const docx = await docxText(await (await download('central/2019.docx', tokens.central)).arrayBuffer());
    const lines = docx.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.startsWith(text));
    const sections = [
      at('I. KẾT QUẢ THỰC HIỆN CHỦ TRƯƠNG “1+2” NĂM 2019 TRÊN TOÀN QUỐC'),
      at('II. ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ TRƯƠNG “1+2”'),
      at('III. PHƯƠNG HƯỚNG THỰC HIỆN TRONG THỜI GIAN TỚI'),
      at('BIỂU TỔNG HỢP SỐ LIỆU CÁC TỈNH, THÀNH PHỐ'),
    ];
    expect(sections.every((i) => i >= 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    // The national figures are the provinces' own, added up.
    const results = lines.slice(sections[0], sections[1]).join('\n');
    expect(results).toContain(`${withData.length}/${rows.length} tỉnh, thành phố có số liệu, với ${vn(subject)} đồng chí`);
    expect(results).toContain(`tổng thời gian đi cơ sở là ${vn(days)} ngày`);
    expect(results).toContain(`Toàn quốc có ${vn(met)}/${vn(subject)} đồng chí đi đủ số ngày quy định`);
    const reported = rows.filter((r) => r.reportStatus === 'FINAL').length;
    expect(results).toContain(`Trong ${rows.length} tỉnh, thành phố: ${reported} đơn vị đã ban hành báo cáo`);
    // The assessment names provinces without data, and the directions ask them to complete it.
    const noData = rows.filter((r) => !r.summary.hasData).map((r) => r.summary.province.name);
    const assessment = lines.slice(sections[1], sections[2]).join('\n');
    const directions = lines.slice(sections[2], sections[3]).join('\n');
    if (noData.length > 0) {
      expect(assessment).toContain(`${noData.length} đơn vị chưa có số liệu`);
      expect(directions).toContain(noData[0]);
    }
    expect(directions).toContain('ưu tiên đi cơ sở ở địa bàn vùng sâu, vùng xa, biên giới, hải đảo');
  });

  it('lets only the organisation department and the standing board of the province write', async () => {
    const other = await buildUser(product.owner, { role: Role.DEPARTMENT_HEAD, provinceId: ldg });
    const token = await product.login(other.username);
    const res = await product.gql(SAVE, { input: { provinceId: ldg, year: 2025, version: 0, topics: 'x' } }, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await reportRows('SELECT count(*)::int AS n FROM report WHERE year = 2025')).toEqual([{ n: 0 }]);
  });
});
