import http from 'node:http';
import ExcelJS from 'exceljs';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { loadCommunes } from '../tenancy/province.catalog';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildUser, provinceIdOf } from '../../../test/factories';
import { EXISTING_ROWS, ImportKind, TEMPLATES } from './import.sheets';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Rows = Array<Array<string | number | null>>;

async function workbook(sheets: Array<{ name: string; rows: Rows }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    for (const row of s.rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The import page's strings (the web app's Vietnamese file), which must say what the templates say. */
const pageStrings = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../web/src/i18n/transfer.vi.json'), 'utf8')) as {
  transfer: { import: { existing: Record<ImportKind, string> } };
};

const headers = (kind: ImportKind, sheet = 0): string[] => TEMPLATES[kind].sheets[sheet].columns.map((c) => c.header);

const JOB = `query ($id: ID!) { importJob(id: $id) { id status phase percent createdCount updatedCount skippedCount problemCount
  problems { sheet row column message } message totalRows } }`;

describe('importing the unit tree, the roster and historical trips from Excel files', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let otherAdmin: string;
  let cadreToken: string;
  const communes = loadCommunes();
  let ownCommunes: typeof communes;
  let foreignCommune: (typeof communes)[number];

  const upload = async (kind: string, file: Buffer | Blob, token: string | null, name = 'du-lieu.xlsx') => {
    const form = new FormData();
    form.append('file', file instanceof Blob ? file : new Blob([new Uint8Array(file)]), name);
    const res = await fetch(`${product.url}/files/import/${kind}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        job?: { id: string };
        errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
      },
    };
  };

  /** A multipart upload on a connection of its own (node:http), so no kept-alive socket is reused. */
  const uploadOnNewConnection = (kind: string, file: Buffer, token: string) =>
    new Promise<{ status: number; body: { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } }>(
      (resolve, reject) => {
        const boundary = 'coso-test-boundary';
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        );
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        const req = http.request(
          `${product.url}/files/import/${kind}`,
          {
            method: 'POST',
            agent: false,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': head.length + file.length + tail.length,
            },
          },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }),
            );
          },
        );
        req.on('error', reject);
        req.write(head);
        req.write(file);
        req.end(tail);
      },
    );

  const finished = async (id: string, token = admin) => {
    for (;;) {
      const { importJob } = await product.ok(JOB, { id }, token);
      if (importJob.status !== 'RUNNING') return importJob;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const importFile = async (kind: string, file: Buffer) => {
    const res = await upload(kind, file, admin);
    expect(res.status).toBe(202);
    return finished(res.body.job!.id);
  };

  const counts = async () => {
    const { rows } = await product.owner.query<{
      units: number;
      cadres: number;
      exemptions: number;
      trips: number;
      jobs: number;
    }>(
      `SELECT (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM cadre)::int AS cadres,
              (SELECT count(*) FROM exemption)::int AS exemptions, (SELECT count(*) FROM trip)::int AS trips,
              (SELECT count(*) FROM import_job)::int AS jobs`,
    );
    return rows[0];
  };

  const unitsFile = () =>
    workbook([
      {
        name: 'Đơn vị',
        rows: [
          headers(ImportKind.UNITS),
          ['TD', 'Cơ quan Tỉnh đoàn Lâm Đồng', 'Cơ quan Tỉnh đoàn', null, null, '01/01/2020', null, null, null, null],
          ['BTC', 'Ban Tổ chức', 'Ban', 'TD', null, '01/01/2020', null, null, null, null],
          ['BPT', 'Ban Phong trào', 'Ban', 'TD', null, '01/01/2020', null, null, null, null],
          // A child before its parent: rows may come in any order.
          ['CD1', 'Chi đoàn thôn 1', 'Chi đoàn', 'X1', null, '01/01/2020', null, null, null, null],
          [
            'X1',
            `Đoàn ${ownCommunes[0].name}`,
            'Đoàn xã/phường',
            'TD',
            ownCommunes[0].code,
            '01/07/2019',
            null,
            'Có',
            null,
            null,
          ],
          ['X2', `Đoàn ${ownCommunes[1].name}`, 'doan xa/phuong', 'TD', ownCommunes[1].code, '2019-07-01', null, null, 'x', null],
        ],
      },
    ]);

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    ownCommunes = communes.filter((c) => c.provinceId === ldg);
    foreignCommune = communes.find((c) => c.provinceId !== ldg)!;
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    const hni = await provinceIdOf(product.owner, 'HNI');
    otherAdmin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    cadreToken = await product.login((await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg })).username);
  });
  afterAll(() => product.stop());

  it('offers each template with the headers the import expects', async () => {
    for (const kind of Object.values(ImportKind)) {
      const res = await fetch(`${product.url}/files/templates/${TEMPLATES[kind].fileName}`);
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      TEMPLATES[kind].sheets.forEach((sheet, i) => {
        const row = book.getWorksheet(sheet.name)!.getRow(1).values as unknown[];
        expect(row.slice(1)).toEqual(headers(kind, i));
      });
      const guide = book.getWorksheet('Hướng dẫn')!;
      const lines: string[] = [];
      guide.eachRow((row) => lines.push(row.getCell(1).text));
      // The guide says what the import does with rows already there, word for word as the import page.
      expect(lines).toContain(EXISTING_ROWS[kind]);
      expect(EXISTING_ROWS[kind]).toBe(pageStrings.transfer.import.existing[kind]);
    }
    // Units and cadres of the same code are updated, exemptions and trips already there are kept.
    expect(EXISTING_ROWS.UNITS).toContain('được cập nhật');
    expect(EXISTING_ROWS.ROSTER).toMatch(/Cán bộ đã có \(cùng mã\) được cập nhật.*miễn đã có .* được giữ nguyên/);
    expect(EXISTING_ROWS.TRIPS).toContain('được giữ nguyên');
  });

  it('imports the unit tree, and importing the same file again changes nothing', async () => {
    const file = await unitsFile();
    const first = await importFile('units', file);
    expect(first).toMatchObject({ status: 'DONE', createdCount: 6, skippedCount: 0, problemCount: 0 });
    const tree = await product.owner.query<{ code: string; parent: string | null; remote: boolean; border: boolean }>(
      `SELECT u.code, p.code AS parent, u.remote, u.border FROM unit u LEFT JOIN unit p ON p.province_id = u.province_id AND p.id = u.parent_id
       WHERE u.province_id = $1 ORDER BY u.code`,
      [ldg],
    );
    expect(tree.rows).toEqual([
      { code: 'BPT', parent: 'TD', remote: false, border: false },
      { code: 'BTC', parent: 'TD', remote: false, border: false },
      { code: 'CD1', parent: 'X1', remote: false, border: false },
      { code: 'TD', parent: null, remote: false, border: false },
      { code: 'X1', parent: 'TD', remote: true, border: false },
      { code: 'X2', parent: 'TD', remote: false, border: true },
    ]);
    const before = await counts();
    const again = await importFile('units', file);
    expect(again).toMatchObject({ status: 'DONE', createdCount: 0, skippedCount: 6 });
    expect({ ...(await counts()), jobs: 0 }).toEqual({ ...before, jobs: 0 });
  });

  it('imports the roster with its exemptions, once', async () => {
    const file = await workbook([
      {
        name: 'Cán bộ',
        rows: [
          headers(ImportKind.ROSTER),
          ['CB01', 'Nguyễn Văn An', 'Nam', 'Phó Ban', 'BTC', 'Có', 'Không', null, '01/01/2020', null],
          ['CB02', 'Trần Thị Bình', 'Nữ', 'Chuyên viên', 'BPT', 'Có', 'Có', 'Khóa XI 2022–2027', '01/01/2020', null],
          ['CB03', 'Lê Văn Cường', 'Nam', null, 'BPT', 'x', null, null, '15/03/2021', '31/12/2030'],
        ],
      },
      {
        name: 'Miễn',
        rows: [headers(ImportKind.ROSTER, 1), ['CB02', 'Thai sản', '01/02/2026', '31/07/2026', 'QĐ 12-QĐ/TĐTN', 'Nghỉ sinh']],
      },
    ]);
    const first = await importFile('roster', file);
    expect(first).toMatchObject({ status: 'DONE', createdCount: 4, skippedCount: 0 });
    const { rows } = await product.owner.query(
      `SELECT c.code, c.full_name, c.gender, d.code AS department, c.executive_member, c.term, c.subject_to::text,
              (SELECT count(*) FROM exemption e WHERE e.province_id = c.province_id AND e.cadre_id = c.id)::int AS exemptions
       FROM cadre c LEFT JOIN unit d ON d.province_id = c.province_id AND d.id = c.department_id WHERE c.province_id = $1 ORDER BY c.code`,
      [ldg],
    );
    expect(rows).toEqual([
      {
        code: 'CB01',
        full_name: 'Nguyễn Văn An',
        gender: 'MALE',
        department: 'BTC',
        executive_member: false,
        term: null,
        subject_to: null,
        exemptions: 0,
      },
      {
        code: 'CB02',
        full_name: 'Trần Thị Bình',
        gender: 'FEMALE',
        department: 'BPT',
        executive_member: true,
        term: 'Khóa XI 2022–2027',
        subject_to: null,
        exemptions: 1,
      },
      {
        code: 'CB03',
        full_name: 'Lê Văn Cường',
        gender: 'MALE',
        department: 'BPT',
        executive_member: false,
        term: null,
        subject_to: '2030-12-31',
        exemptions: 0,
      },
    ]);
    const before = await counts();
    expect(await importFile('roster', file)).toMatchObject({ status: 'DONE', createdCount: 0, skippedCount: 4 });
    expect({ ...(await counts()), jobs: 0 }).toEqual({ ...before, jobs: 0 });
  });

  it('updates the records a re-imported file says something new about, and moves their versions on', async () => {
    const version = async (table: 'unit' | 'cadre', code: string) =>
      (
        await product.owner.query<{ version: number }>(`SELECT version FROM ${table} WHERE province_id = $1 AND code = $2`, [
          ldg,
          code,
        ])
      ).rows[0].version;
    const unitsBefore = { bpt: await version('unit', 'BPT'), x2: await version('unit', 'X2') };
    const units = await workbook([
      {
        name: 'Đơn vị',
        rows: [
          headers(ImportKind.UNITS),
          ['TD', 'Cơ quan Tỉnh đoàn Lâm Đồng', 'Cơ quan Tỉnh đoàn', null, null, '01/01/2020', null, null, null, null],
          // Renamed, and no longer valid after 2026.
          ['BPT', 'Ban Phong trào Thanh niên', 'Ban', 'TD', null, '01/01/2020', '31/12/2026', null, null, null],
          // Now also an island commune.
          ['X2', `Đoàn ${ownCommunes[1].name}`, 'Đoàn xã/phường', 'TD', ownCommunes[1].code, '01/07/2019', null, null, 'x', 'x'],
        ],
      },
    ]);
    expect(await importFile('units', units)).toMatchObject({ status: 'DONE', createdCount: 0, updatedCount: 2, skippedCount: 1 });
    const { rows: changed } = await product.owner.query(
      `SELECT code, name, valid_to::text, border, island FROM unit WHERE province_id = $1 AND code IN ('BPT', 'X2') ORDER BY code`,
      [ldg],
    );
    expect(changed).toEqual([
      { code: 'BPT', name: 'Ban Phong trào Thanh niên', valid_to: '2026-12-31', border: false, island: false },
      { code: 'X2', name: `Đoàn ${ownCommunes[1].name}`, valid_to: null, border: true, island: true },
    ]);
    expect(await version('unit', 'BPT')).toBe(unitsBefore.bpt + 1);
    expect(await version('unit', 'X2')).toBe(unitsBefore.x2 + 1);
    expect(await importFile('units', units)).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 3 });

    // Moving a unit or changing its kind is not what a file does: that row is refused, nothing is written.
    const before = await counts();
    const moved = await importFile(
      'units',
      await workbook([
        {
          name: 'Đơn vị',
          rows: [
            headers(ImportKind.UNITS),
            ['BTC', 'Ban Tổ chức mới', 'Ban', 'TD', null, '01/01/2020', null, null, null, null],
            ['CD1', 'Chi đoàn thôn 1', 'Chi đoàn', 'X2', null, '01/01/2020', null, null, null, null],
            // A parent code nobody has is named as unknown, not as a move.
            ['BPT', 'Ban Phong trào Thanh niên', 'Ban', 'KHONGCO', null, '01/01/2020', '31/12/2026', null, null, null],
          ],
        },
      ]),
    );
    expect(moved).toMatchObject({ status: 'INVALID', createdCount: 0, updatedCount: 0 });
    expect(moved.problems).toEqual([
      {
        sheet: 'Đơn vị',
        row: 3,
        column: 'D (Mã đơn vị cấp trên)',
        message:
          'Đơn vị "Chi đoàn thôn 1" đang trực thuộc "Đoàn ' + ownCommunes[0].name + '"; không đổi đơn vị cấp trên qua tệp.',
      },
      { sheet: 'Đơn vị', row: 4, column: 'D (Mã đơn vị cấp trên)', message: 'Không có đơn vị mã "KHONGCO" trong tỉnh của bạn.' },
    ]);
    expect({ ...(await counts()), jobs: 0 }).toEqual({ ...before, jobs: 0 });
    expect((await product.owner.query(`SELECT name FROM unit WHERE province_id = $1 AND code = 'BTC'`, [ldg])).rows[0].name).toBe(
      'Ban Tổ chức',
    );

    const cadreBefore = await version('cadre', 'CB02');
    const roster = await workbook([
      {
        name: 'Cán bộ',
        rows: [
          headers(ImportKind.ROSTER),
          ['CB01', 'Nguyễn Văn An', 'Nam', 'Phó Ban', 'BTC', 'Có', 'Không', null, '01/01/2020', null],
          // Elected to the executive committee for a new term, and moved to the organisation department.
          ['CB02', 'Trần Thị Bình', 'Nữ', 'Phó Ban', 'BTC', 'Có', 'Có', 'Khóa XII 2027–2032', '01/01/2020', null],
        ],
      },
      { name: 'Miễn', rows: [headers(ImportKind.ROSTER, 1)] },
    ]);
    expect(await importFile('roster', roster)).toMatchObject({
      status: 'DONE',
      createdCount: 0,
      updatedCount: 1,
      skippedCount: 1,
    });
    const { rows: cadre } = await product.owner.query(
      `SELECT c.position, d.code AS department, c.term FROM cadre c JOIN unit d ON d.province_id = c.province_id AND d.id = c.department_id
       WHERE c.province_id = $1 AND c.code = 'CB02'`,
      [ldg],
    );
    expect(cadre).toEqual([{ position: 'Phó Ban', department: 'BTC', term: 'Khóa XII 2027–2032' }]);
    expect(await version('cadre', 'CB02')).toBe(cadreBefore + 1);
    expect(await importFile('roster', roster)).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 2 });
  });

  it('checks every row first and writes nothing when any is wrong, listing row, column and message', async () => {
    const before = await counts();
    const file = await workbook([
      {
        name: 'Chuyến đi',
        rows: [
          headers(ImportKind.TRIPS),
          ['CB01', 'Chuyên đề', 'Khảo sát đoàn viên thôn 1', '03/03/2025', '04/03/2025', 'X1', null, null],
          ['CB99', 'Chuyên đề', 'Khảo sát', '03/03/2025', '04/03/2025', 'X1', null, null],
          ['CB01', 'Đi chơi', 'Khảo sát lần hai', '31/02/2025', '04/03/2025', 'X1', null, null],
          ['CB02', 'Phối hợp', 'Tiếp sức mùa thi', '10/03/2025', '09/03/2025', 'BTC', null, null],
          ['CB03', 'Dự sinh hoạt', 'Dự sinh hoạt chi đoàn', '10/06/2026', '20/06/2026', 'CD1', null, null],
        ],
      },
    ]);
    const job = await importFile('trips', file);
    expect(job.status).toBe('INVALID');
    expect(job.message).toContain('chưa ghi dữ liệu nào');
    const at = (row: number) => job.problems.filter((p: { row: number }) => p.row === row);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([
      { sheet: 'Chuyến đi', row: 3, column: 'A (Mã cán bộ)', message: 'Không có cán bộ mã "CB99" trong tỉnh của bạn.' },
    ]);
    expect(at(4).map((p: { column: string }) => p.column)).toEqual(['B (Loại chuyến đi)', 'D (Từ ngày)']);
    expect(at(4)[1].message).toBe('Ngày "31/02/2025" không hợp lệ; hãy ghi dd/MM/yyyy.');
    expect(at(5).map((p: { message: string }) => p.message)).toEqual([
      'Đến ngày (09/03/2025) phải sau hoặc trùng từ ngày (10/03/2025).',
      '"Ban Tổ chức" thuộc cơ quan Tỉnh đoàn, không phải đơn vị cơ sở.',
    ]);
    expect(at(6)[0]).toMatchObject({
      column: 'E (Đến ngày)',
      message: 'Chỉ nhập chuyến đi đã kết thúc trước hôm nay (15/06/2026).',
    });
    expect({ ...(await counts()), jobs: 0 }).toEqual({ ...before, jobs: 0 });
  });

  it("refuses a file of another province's units, naming that province, and writes nothing", async () => {
    const before = await counts();
    const trips = await importFile(
      'trips',
      await workbook([
        {
          name: 'Chuyến đi',
          rows: [
            headers(ImportKind.TRIPS),
            ['CB01', 'Chuyên đề', 'Khảo sát', '03/03/2025', '04/03/2025', foreignCommune.code, null, null],
          ],
        },
      ]),
    );
    expect(trips.status).toBe('INVALID');
    expect(trips.problems[0]).toMatchObject({ row: 2, column: 'F (Mã đơn vị đến)' });
    expect(trips.problems[0].message).toMatch(new RegExp(`là ${foreignCommune.name} thuộc .+, không thuộc tỉnh của bạn\\.$`));

    const units = await importFile(
      'units',
      await workbook([
        {
          name: 'Đơn vị',
          rows: [
            headers(ImportKind.UNITS),
            ['X9', 'Đoàn xã lạ', 'Đoàn xã/phường', 'TD', foreignCommune.code, '01/07/2025', null, null, null, null],
          ],
        },
      ]),
    );
    expect(units.status).toBe('INVALID');
    expect(units.problems[0]).toMatchObject({ row: 2, column: 'E (Mã xã/phường (2025))' });
    // Another province's organisation department sees neither the units nor the codes of this one.
    const foreign = await upload(
      'trips',
      await workbook([
        {
          name: 'Chuyến đi',
          rows: [headers(ImportKind.TRIPS), ['CB01', 'Chuyên đề', 'Khảo sát', '03/03/2025', '04/03/2025', 'X1', null, null]],
        },
      ]),
      otherAdmin,
    );
    const foreignJob = await finished(foreign.body.job!.id, otherAdmin);
    expect(foreignJob.problems.map((p: { message: string }) => p.message)).toEqual([
      'Không có cán bộ mã "CB01" trong tỉnh của bạn.',
      'Không có đơn vị mã "X1" trong tỉnh của bạn.',
    ]);
    expect((await product.gql(JOB, { id: foreign.body.job!.id }, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect({ ...(await counts()), jobs: 0 }).toEqual({ ...before, jobs: 0 });
  });

  it('refuses a wrong template, a corrupt file, a 50 MB upload and a non-admin at once, writing nothing', async () => {
    const before = await counts();
    const wrong = await upload('trips', await unitsFile(), admin);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_TEMPLATE' });
    expect(wrong.body.errors?.[0]?.message).toContain('trang đầu tiên phải là "Chuyến đi"');

    const shuffled = await workbook([{ name: 'Chuyến đi', rows: [[...headers(ImportKind.TRIPS)].reverse()] }]);
    const badHeader = await upload('trips', shuffled, admin);
    expect(badHeader.body.errors?.[0]?.extensions).toMatchObject({ reason: 'WRONG_TEMPLATE' });
    expect(badHeader.body.errors?.[0]?.message).toContain('cột A phải là "Mã cán bộ"');

    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i += 1) random[i] = (i * 7919 + 13) % 251;
    const corrupt = await upload('trips', random, admin, 'chuyen-di.xlsx');
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_CORRUPT' });
    const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), random]);
    const brokenZip = await upload('trips', zipLike, admin, 'chuyen-di.xlsx');
    expect(brokenZip.body.errors?.[0]?.extensions).toMatchObject({ reason: 'FILE_CORRUPT' });

    const huge = await uploadOnNewConnection('trips', Buffer.alloc(50 * 1024 * 1024), admin);
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' } });
    expect(huge.body.errors?.[0]?.message).toContain('tối đa 20 MB');

    const asCadre = await upload('trips', await unitsFile(), cadreToken);
    expect(asCadre).toMatchObject({ status: 403 });
    expect((await upload('trips', await unitsFile(), null)).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('tells the user an import was interrupted when its server stopped midway, and not while it is alive', async () => {
    const user = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg });
    const token = await product.login(user.username);
    // What a server killed during an import leaves behind: its transaction rolled back, the job row says
    // RUNNING, and its heartbeat stops. A live import's heartbeat is recent.
    const job = (heartbeat: string) =>
      product.owner
        .query<{ id: string }>(
          `INSERT INTO import_job (province_id, id, kind, file_name, file_hash, file_size, created_by, phase, percent, heartbeat_at)
           VALUES ($1, gen_random_uuid(), 'TRIPS', 'chuyen-di.xlsx', repeat('0', 64), 1000, $2, 'WRITING', 62, now() - $3::interval)
           RETURNING id`,
          [ldg, user.id, heartbeat],
        )
        .then((r) => r.rows[0].id);
    const stopped = await job('2 minutes');
    const alive = await job('5 seconds');

    const { importJob: gone } = await product.ok(JOB, { id: stopped }, token);
    expect(gone).toMatchObject({ status: 'ERROR', phase: 'FINISHED', createdCount: 0 });
    expect(gone.message).toBe('Việc nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa ghi dữ liệu nào. Hãy tải tệp lên lại.');
    const { importJob: running } = await product.ok(JOB, { id: alive }, token);
    expect(running).toMatchObject({ status: 'RUNNING', phase: 'WRITING', percent: 62 });

    const { importJobs } = await product.ok<{ importJobs: Array<{ id: string; status: string }> }>(
      `{ importJobs(first: 50) { id status } }`,
      {},
      token,
    );
    expect(importJobs.find((j) => j.id === stopped)?.status).toBe('ERROR');
    expect(importJobs.find((j) => j.id === alive)?.status).toBe('RUNNING');
    await product.owner.query(`DELETE FROM import_job WHERE id = ANY($1)`, [[stopped, alive]]);
  });

  it('imports 10,000 trips with live progress while other requests are answered, and only once', async () => {
    const cadreRows: Rows = [headers(ImportKind.ROSTER)];
    for (let i = 0; i < 50; i += 1)
      cadreRows.push([`K${i}`, `Cán bộ số ${i}`, 'Nam', null, 'BPT', 'Có', null, null, '01/01/2020', null]);
    await importFile(
      'roster',
      await workbook([
        { name: 'Cán bộ', rows: cadreRows },
        { name: 'Miễn', rows: [headers(ImportKind.ROSTER, 1)] },
      ]),
    );
    const perCadre = 200;
    const total = 50 * perCadre;
    const tripRows: Rows = [headers(ImportKind.TRIPS)];
    for (let i = 0; i < 50; i += 1) {
      for (let j = 0; j < perCadre; j += 1) {
        const day = new Date(Date.UTC(2023, 0, 2 + j * 3));
        const d = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
        tripRows.push([
          `K${i}`,
          j % 2 ? 'Chuyên đề' : 'Dự sinh hoạt',
          `Chuyến ${i}-${j}`,
          d,
          d,
          j % 3 ? 'X1' : 'X2;CD1',
          null,
          null,
        ]);
      }
    }
    const file = await workbook([{ name: 'Chuyến đi', rows: tripRows }]);
    const tripsBefore = (await counts()).trips;

    const res = await upload('trips', file, admin);
    expect(res.status).toBe(202);
    const jobId = res.body.job!.id;
    const client = createClient({
      url: product.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      retryAttempts: 0,
    });
    const seen: Array<{ status: string; phase: string; percent: number; createdCount: number }> = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ importProgress: (typeof seen)[number] }>(
        {
          query: 'subscription ($id: ID!) { importProgress(jobId: $id) { status phase percent createdCount } }',
          variables: { id: jobId },
        },
        {
          next: (r) => {
            if (r.errors) reject(new Error(JSON.stringify(r.errors)));
            const p = r.data!.importProgress;
            seen.push(p);
            if (p.status !== 'RUNNING') resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    // While the import runs, the API keeps answering: these requests come back with the job still running.
    let answeredWhileRunning = 0;
    for (;;) {
      const data = await product.ok(
        `query ($id: ID!) { importJob(id: $id) { status } trips(first: 1) { totalCount } }`,
        { id: jobId },
        admin,
      );
      if (data.importJob.status !== 'RUNNING') break;
      answeredWhileRunning += 1;
      // A person refreshing, not a flood: a slow machine's long import must not exhaust the rate limit.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await done;
    void client.dispose();
    expect(answeredWhileRunning).toBeGreaterThan(0);
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: 'DONE', createdCount: total, totalRows: total, problemCount: 0 });
    expect((await counts()).trips).toBe(tripsBefore + total);
    // Progress reached the user step by step, ending done at 100%.
    const percents = seen.map((s) => s.percent);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(seen.at(-1)).toMatchObject({ status: 'DONE', percent: 100, createdCount: total });
    expect(seen.map((s) => s.phase)).toContain('WRITING');

    const figures = await product.owner.query<{ days: number; destinations: number; events: number }>(
      `SELECT (SELECT count(*) FROM trip WHERE state = 'REPORT_ACCEPTED' AND import_key IS NOT NULL)::int AS days,
              (SELECT count(*) FROM trip_destination)::int AS destinations, (SELECT count(*) FROM trip_event)::int AS events`,
    );
    expect(figures.rows[0].destinations).toBe(total + 50 * Math.ceil(perCadre / 3));

    const again = await importFile('trips', file);
    expect({ ...again, problems: again.problems.slice(0, 3) }).toMatchObject({
      status: 'DONE',
      createdCount: 0,
      skippedCount: total,
    });
    expect((await counts()).trips).toBe(tripsBefore + total);
  }, 300_000);
});
