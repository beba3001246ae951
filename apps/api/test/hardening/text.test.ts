import ExcelJS from 'exceljs';
import { Role } from '../../src/shared/access';
import { ImportKind, TEMPLATES } from '../../src/modules/transfer/import.sheets';
import { startTestProduct, type TestProduct } from '../harness';
import { buildUnit, buildUser, provinceIdOf } from '../factories';
import { VIETNAMESE } from './support';

const RLO = '\u202E';
const ZERO_WIDTH = '\u200B\u200C\u200D\u2060';

describe('names and text that would show blank or spoofed are refused everywhere they come in', () => {
  let product: TestProduct;
  let admin: string;
  let provinceId: number;
  let agencyId: string;
  let departmentId: string;
  let communeId: string;

  beforeAll(async () => {
    product = await startTestProduct();
    provinceId = await provinceIdOf(product.owner, 'LDG');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId })).username);
    agencyId = (await buildUnit(product.owner, { provinceId, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' })).id;
    departmentId = (await buildUnit(product.owner, { provinceId, kind: 'DEPARTMENT', name: 'Ban Tổ chức', parentId: agencyId }))
      .id;
    communeId = (await buildUnit(product.owner, { provinceId, name: 'Đoàn xã Tân Lập', parentId: agencyId })).id;
  });
  afterAll(() => product.stop());

  const count = async (table: string): Promise<number> =>
    (await product.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  /** Refused with BAD_USER_INPUT on `field`, a Vietnamese message, and nothing written to `table`. */
  async function expectRefused(mutation: string, variables: Record<string, unknown>, field: string, table: string) {
    const before = await count(table);
    const res = await product.gql(mutation, variables, admin);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
    expect(res.errors?.[0].message).toMatch(VIETNAMESE);
    expect(await count(table)).toBe(before);
    return res.errors![0].message;
  }

  const CREATE_CADRE = `mutation ($name: String!) { createCadre(input: { fullName: $name, gender: FEMALE, subjectFrom: "2026-01-01" }) { id } }`;
  const CREATE_UNIT = `mutation ($name: String!, $parent: ID) {
    createUnit(input: { kind: COMMUNE_UNION, parentId: $parent, name: $name, validFrom: "2026-01-01" }) { id name } }`;
  const CREATE_TOPIC = `mutation ($title: String!, $dep: ID!) {
    createTopic(input: { year: 2026, title: $title, departmentId: $dep }) { id } }`;
  const CREATE_RECOMMENDATION = `mutation ($text: String!, $unit: ID!) {
    createRecommendation(input: { text: $text, unitId: $unit }) { id } }`;

  it('a cadre whose name is only zero-width characters, or carries a right-to-left override', async () => {
    expect(await expectRefused(CREATE_CADRE, { name: ZERO_WIDTH }, 'input.fullName', 'cadre')).toMatch(/chữ cái hoặc chữ số/);
    expect(await expectRefused(CREATE_CADRE, { name: `Nguyễn Văn ${RLO}nA` }, 'input.fullName', 'cadre')).toMatch(/đảo chiều/);
  });

  it('a unit named with an override or invisible characters; a decomposed name is stored composed and trimmed', async () => {
    await expectRefused(CREATE_UNIT, { name: `Đoàn xã ${RLO}pạL nâT`, parent: agencyId }, 'input.name', 'unit');
    await expectRefused(CREATE_UNIT, { name: '\u3164\u3164', parent: agencyId }, 'input.name', 'unit');
    const decomposed = '  Đoàn xã Ê Đê  '.normalize('NFD');
    const { createUnit } = await product.ok(CREATE_UNIT, { name: decomposed, parent: agencyId }, admin);
    expect(createUnit.name).toBe('Đoàn xã Ê Đê');
    const stored = await product.owner.query<{ name: string }>('SELECT name FROM unit WHERE id = $1', [createUnit.id]);
    expect(stored.rows[0].name).toBe('Đoàn xã Ê Đê'.normalize('NFC'));
  });

  it('a topic titled with an override or only zero-width characters', async () => {
    await expectRefused(CREATE_TOPIC, { title: `Chuyên đề ${RLO}ộđ ểhc`, dep: departmentId }, 'input.title', 'topic');
    await expectRefused(CREATE_TOPIC, { title: ZERO_WIDTH, dep: departmentId }, 'input.title', 'topic');
  });

  it('a recommendation whose text is invisible or carries an override', async () => {
    await expectRefused(CREATE_RECOMMENDATION, { text: '\u200B'.repeat(12), unit: communeId }, 'input.text', 'recommendation');
    await expectRefused(
      CREATE_RECOMMENDATION,
      { text: `Đề nghị hỗ trợ kinh phí ${RLO}cọh ớl`, unit: communeId },
      'input.text',
      'recommendation',
    );
  });

  it('an Excel import row with such a name is refused on its row and column, and nothing is written', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Đơn vị');
    sheet.addRow(TEMPLATES[ImportKind.UNITS].sheets[0].columns.map((c) => c.header));
    sheet.addRow(['TD', 'Cơ quan Tỉnh đoàn Lâm Đồng', 'Cơ quan Tỉnh đoàn', null, null, '01/01/2020']);
    sheet.addRow(['BTC', `Ban ${RLO}cứhc ổT`, 'Ban', 'TD', null, '01/01/2020']);
    sheet.addRow(['BPT', ZERO_WIDTH, 'Ban', 'TD', null, '01/01/2020']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), 'don-vi.xlsx');
    const before = await count('unit');
    const res = await fetch(`${product.url}/files/import/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    let importJob: { status: string; problems: unknown[] };
    for (;;) {
      ({ importJob } = await product.ok(
        'query ($id: ID!) { importJob(id: $id) { status problems { sheet row column message } } }',
        { id: job.id },
        admin,
      ));
      if (importJob.status !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(importJob).toEqual({
      status: 'INVALID',
      problems: [
        {
          sheet: 'Đơn vị',
          row: 3,
          column: 'B (Tên đơn vị)',
          message: 'Tên đơn vị chứa ký tự đảo chiều văn bản (làm chữ hiển thị sai thứ tự).',
        },
        { sheet: 'Đơn vị', row: 4, column: 'B (Tên đơn vị)', message: 'Tên đơn vị phải có ít nhất một chữ cái hoặc chữ số.' },
      ],
    });
    expect(await count('unit')).toBe(before);
  });
});
