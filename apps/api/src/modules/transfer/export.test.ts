import ExcelJS from 'exceljs';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { formatVn } from '../../shared/dates';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, linkUser, provinceIdOf } from '../../../test/factories';

async function sheetRows(body: ArrayBuffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exporting lists to Excel with the current filters, and private calendar feeds', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let admin: string;
  let otherAdmin: string;
  let cadreToken: string;
  let hostToken: string;
  let commune: { id: string; name: string };
  let lead: { id: string; fullName: string };

  const exportXlsx = (list: string, variables: Record<string, unknown>, token: string | null) =>
    fetch(`${product.url}/files/export/${list}.xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ variables }),
    });

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    otherAdmin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    const dept = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đức Trọng', parentId: agency.id });
    const chapter = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'CHAPTER',
      name: 'Chi đoàn thôn 2',
      parentId: commune.id,
    });
    const other = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Bảo Lâm', parentId: agency.id });
    lead = await buildCadre(product.owner, { provinceId: ldg, fullName: 'Đặng Văn Ánh', departmentId: dept.id });
    const second = await buildCadre(product.owner, { provinceId: ldg, fullName: 'Bùi Thị Ân', departmentId: dept.id });
    await buildCadre(product.owner, { provinceId: ldg, fullName: 'Âu Văn Bảo', departmentId: dept.id });
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    await linkUser(product.owner, user.id, { cadreId: lead.id });
    cadreToken = await product.login(user.username);
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: commune.id });
    hostToken = await product.login(host.username);

    const trip = (attrs: Partial<Parameters<typeof buildTrip>[1]>) =>
      buildTrip(product.owner, { provinceId: ldg, leadCadreId: lead.id, destinationId: commune.id, ...attrs });
    await trip({ title: 'Khảo sát đoàn viên', state: 'APPROVED', startDate: '2026-06-20', endDate: '2026-06-21' });
    await trip({
      title: 'Dự sinh hoạt chi đoàn',
      state: 'REPORT_ACCEPTED',
      kind: 'MEETING',
      destinationId: chapter.id,
      startDate: '2026-03-02',
      endDate: '2026-03-02',
    });
    await trip({ title: 'Chuyến nháp', state: 'DRAFT', startDate: '2026-07-01', endDate: '2026-07-02' });
    await trip({ title: 'Chuyến bị từ chối', state: 'REJECTED', startDate: '2026-05-01', endDate: '2026-05-02' });
    await trip({
      title: 'Đến Bảo Lâm',
      state: 'APPROVED',
      destinationId: other.id,
      leadCadreId: second.id,
      startDate: '2026-06-25',
      endDate: '2026-06-26',
    });
    // Another province's trips, which no Lâm Đồng export may contain.
    const hniUnit = await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Ba Đình' });
    const hniCadre = await buildCadre(product.owner, { provinceId: hni, fullName: 'Cán bộ Hà Nội' });
    await buildTrip(product.owner, {
      provinceId: hni,
      leadCadreId: hniCadre.id,
      destinationId: hniUnit.id,
      title: 'Chuyến của Hà Nội',
      state: 'APPROVED',
    });
  });
  afterAll(() => product.stop());

  it('exports the trips list with the same filter as the GraphQL list, Vietnamese headers and dd/MM/yyyy dates', async () => {
    const variables = {
      filter: { states: ['APPROVED', 'REPORT_ACCEPTED'], from: '2026-01-01' },
      orderBy: { field: 'START_DATE', direction: 'ASC' },
    };
    const listed = await product.ok(
      `query ($filter: TripFilter, $orderBy: TripOrder) { trips(filter: $filter, orderBy: $orderBy, first: 200) {
         nodes { title startDate endDate lead { fullName } destinations { name } } } }`,
      variables,
      admin,
    );
    const res = await exportXlsx('trips', variables, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('chuyen-di.xlsx');
    const rows = await sheetRows(await res.arrayBuffer());
    expect(rows[0]).toEqual([
      'STT',
      'Tên chuyến đi',
      'Loại',
      'Trạng thái',
      'Trưởng đoàn',
      'Ban, Văn phòng',
      'Đơn vị đến',
      'Từ ngày',
      'Đến ngày',
      'Số ngày',
      'Đăng ký muộn',
      'Số công lệnh',
    ]);
    const body = rows.slice(1);
    expect(body.map((r) => [r[1], r[4], r[6], r[7], r[8]])).toEqual(
      listed.trips.nodes.map(
        (n: {
          title: string;
          startDate: string;
          endDate: string;
          lead: { fullName: string };
          destinations: Array<{ name: string }>;
        }) => [
          n.title,
          n.lead.fullName,
          n.destinations.map((d) => d.name).join('; '),
          formatVn(n.startDate),
          formatVn(n.endDate),
        ],
      ),
    );
    expect(body.map((r) => r[1])).toEqual(['Dự sinh hoạt chi đoàn', 'Khảo sát đoàn viên', 'Đến Bảo Lâm']);
    expect(body[0].slice(2, 4)).toEqual(['Dự sinh hoạt', 'Báo cáo được chấp nhận']);
  });

  it("never puts another province's rows in an export, and refuses what the list refuses", async () => {
    const mine = await sheetRows(await (await exportXlsx('trips', {}, admin)).arrayBuffer());
    expect(mine.slice(1).map((r) => r[1])).not.toContain('Chuyến của Hà Nội');
    expect(mine).toHaveLength(6);
    const theirs = await sheetRows(await (await exportXlsx('trips', {}, otherAdmin)).arrayBuffer());
    expect(theirs.slice(1).map((r) => r[1])).toEqual(['Chuyến của Hà Nội']);
    // Asking for Lâm Đồng's trips by id gives a Hà Nội user nothing of them.
    const asked = await sheetRows(await (await exportXlsx('trips', { filter: { provinceId: ldg } }, otherAdmin)).arrayBuffer());
    expect(asked).toHaveLength(1);

    const noToken = await exportXlsx('trips', {}, null);
    expect(noToken.status).toBe(401);
    const badFilter = await exportXlsx('trips', { filter: { states: ['FLYING'] } }, admin);
    expect(badFilter.status).toBe(400);
    expect(((await badFilter.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/không hợp lệ/);
    const unknown = await exportXlsx('secrets', {}, admin);
    expect(unknown.status).toBe(404);
    const hostModels = await exportXlsx('cadres', { year: 2026 }, hostToken);
    expect(hostModels.status).toBe(403);
  });

  it('exports cadres with their figures in Vietnamese name order, like the cadre compliance list', async () => {
    const variables = { year: 2026 };
    const listed = await product.ok(
      `query ($year: Int!) { cadreCompliance(year: $year, first: 200) { nodes { fullName requiredDays countedDays } } }`,
      variables,
      admin,
    );
    const rows = await sheetRows(await (await exportXlsx('cadres', variables, admin)).arrayBuffer());
    expect(rows[0].slice(0, 6)).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Ban, Văn phòng', 'Số ngày phải đi', 'Số ngày đã đi']);
    expect(rows.slice(1).map((r) => [r[1], r[4], r[5]])).toEqual(
      listed.cadreCompliance.nodes.map((n: { fullName: string; requiredDays: number; countedDays: number }) => [
        n.fullName,
        n.requiredDays,
        n.countedDays,
      ]),
    );
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Âu Văn Bảo', 'Bùi Thị Ân', 'Đặng Văn Ánh']);
  });

  it('exports recommendations and good models with their filters', async () => {
    await product.ok(
      `mutation ($input: CreateGoodModelInput!) { createGoodModel(input: $input) { id } }`,
      { input: { name: 'Mô hình trồng hoa lan', unitId: commune.id, field: 'ECONOMY' } },
      cadreToken,
    );
    await product.ok(
      `mutation ($input: CreateGoodModelInput!) { createGoodModel(input: $input) { id } }`,
      { input: { name: 'Chi đoàn nhặt ve chai', unitId: commune.id, field: 'VOLUNTEERING' } },
      cadreToken,
    );
    await product.ok(
      `mutation ($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id } }`,
      { input: { text: 'Đề nghị hỗ trợ kinh phí sinh hoạt hè', unitId: commune.id } },
      cadreToken,
    );
    const models = await sheetRows(await (await exportXlsx('models', { field: 'ECONOMY' }, admin)).arrayBuffer());
    expect(models.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Mô hình trồng hoa lan', 'Phát triển kinh tế', 'Đoàn xã Đức Trọng'],
    ]);
    const recs = await sheetRows(await (await exportXlsx('recommendations', { statuses: ['OPEN'] }, admin)).arrayBuffer());
    expect(recs.slice(1).map((r) => [r[1], r[2], r[6]])).toEqual([
      ['Đề nghị hỗ trợ kinh phí sinh hoạt hè', 'Đoàn xã Đức Trọng', 'Mới'],
    ]);
    expect(String(recs[1][3])).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(
      await sheetRows(await (await exportXlsx('recommendations', { statuses: ['CLOSED'] }, admin)).arrayBuffer()),
    ).toHaveLength(1);
  });

  it('serves approved trips as an iCalendar feed behind a private link, until revoked', async () => {
    const CREATE = `mutation ($owner: CalendarOwner!) { createCalendarFeed(owner: $owner) { path feed { id owner } } }`;
    const created = await product.ok(CREATE, { owner: 'CADRE' }, cadreToken);
    const path: string = created.createCalendarFeed.path;
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(`${product.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = (await res.text()).replace(/\r\n /g, '');
    const summaries = ics.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    // Approved and later only: no draft, no rejected trip, and nobody else's trip.
    expect(summaries.sort()).toEqual([
      'SUMMARY:Đi cơ sở: Dự sinh hoạt chi đoàn – Chi đoàn thôn 2',
      'SUMMARY:Đi cơ sở: Khảo sát đoàn viên – Đoàn xã Đức Trọng',
    ]);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260620');
    expect(ics).toContain('DTEND;VALUE=DATE:20260622');

    // The host unit's feed: delegations coming to it or to a unit below it.
    const hostFeed = await product.ok(CREATE, { owner: 'UNIT' }, hostToken);
    const hostIcs = await (await fetch(`${product.url}${hostFeed.createCalendarFeed.path}`)).text();
    expect(hostIcs.split('\r\n').filter((l) => l.startsWith('SUMMARY:')).length).toBe(2);
    expect(hostIcs).not.toContain('Bảo Lâm');
    expect((await product.gql(CREATE, { owner: 'UNIT' }, cadreToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const feeds = await product.ok('{ myCalendarFeeds { id owner } }', {}, cadreToken);
    expect(feeds.myCalendarFeeds).toEqual([{ id: created.createCalendarFeed.feed.id, owner: 'CADRE' }]);
    // Another user cannot revoke it.
    const foreign = await product.gql(
      'mutation ($id: ID!) { revokeCalendarFeed(id: $id) { id } }',
      { id: created.createCalendarFeed.feed.id },
      hostToken,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await product.ok(
      'mutation ($id: ID!) { revokeCalendarFeed(id: $id) { id } }',
      { id: created.createCalendarFeed.feed.id },
      cadreToken,
    );
    expect((await fetch(`${product.url}${path}`)).status).toBe(404);
    expect((await fetch(`${product.url}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${product.url}/calendar/not-a-token.ics`)).status).toBe(404);
    // A new link replaces the old one.
    const first = await product.ok(CREATE, { owner: 'CADRE' }, cadreToken);
    const second = await product.ok(CREATE, { owner: 'CADRE' }, cadreToken);
    expect((await fetch(`${product.url}${first.createCalendarFeed.path}`)).status).toBe(404);
    expect((await fetch(`${product.url}${second.createCalendarFeed.path}`)).status).toBe(200);
    const { rows } = await product.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_feed');
    expect(rows[0].n).toBe(4);
  });
});
