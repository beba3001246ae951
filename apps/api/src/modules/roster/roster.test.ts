import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

const NOTE = 'Điều trị dài ngày sau phẫu thuật.';
const CADRE_FIELDS = `id fullName position department { name } gender agencyStaff executiveMember term subjectFrom subjectTo
  exemptions { kind note approvedBy } account { username role }`;
const TRIP = `query ($id: ID!) { trip(id: $id) { id lead { ${CADRE_FIELDS} } members { ${CADRE_FIELDS} } } }`;
const TRIPS = `query ($f: TripFilter) { trips(first: 50, filter: $f) { nodes { id members { ${CADRE_FIELDS} } } } }`;
const CADRE = `query ($id: ID!) { cadre(id: $id) { ${CADRE_FIELDS} } }`;

describe('who reads what about a cadre', () => {
  let product: TestProduct;
  let subject: { id: string; username: string };
  let tripId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    const ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    const deptA = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    const deptB = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    const commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });

    const person = async (key: string, role: Role, departmentId: string | null) => {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      if (departmentId) {
        const cadre = await buildCadre(product.owner, { provinceId: ldg, departmentId, fullName: `Cán bộ ${key}` });
        await linkUser(product.owner, user.id, { cadreId: cadre.id });
        tokens[key] = await product.login(user.username);
        return { id: cadre.id, username: user.username };
      }
      tokens[key] = await product.login(user.username);
      return { id: '', username: user.username };
    };
    subject = await person('self', Role.CADRE, deptA.id);
    await person('admin', Role.PROVINCE_ADMIN, null);
    await person('board', Role.STANDING_BOARD, deptB.id);
    await person('head', Role.DEPARTMENT_HEAD, deptA.id);
    await person('otherHead', Role.DEPARTMENT_HEAD, deptB.id);
    await person('colleague', Role.CADRE, deptA.id);
    tokens.central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: commune.id });
    tokens.host = await product.login(host.username);

    await inProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by, note)
         VALUES ($1, $2, $3, 'LONG_SICK_LEAVE', '2026-05-11', '2026-08-10', 'Ban Thường vụ', $4)`,
        [ldg, randomUUID(), subject.id, NOTE],
      ),
    );
    tripId = (
      await buildTrip(product.owner, { provinceId: ldg, leadCadreId: subject.id, destinationId: commune.id, state: 'APPROVED' })
    ).id;
  });
  afterAll(() => product.stop());

  const personal = (cadre: Record<string, unknown>) => ({ exemptions: cadre.exemptions, account: cadre.account });
  const PERSONAL = (note: string | null = NOTE) => ({
    exemptions: [{ kind: 'LONG_SICK_LEAVE', note, approvedBy: 'Ban Thường vụ' }],
    account: { username: subject.username, role: 'CADRE' },
  });
  const HIDDEN = { exemptions: null, account: null };

  // The exemption's kind (its category) for those who read personal data; its note, which may be medical,
  // for the organisation department and the cadre only.
  it.each([
    ['the organisation department', true, true, 'admin'],
    ['the standing board', true, false, 'board'],
    ['the head of the cadre’s department', true, false, 'head'],
    ['the cadre themself', true, true, 'self'],
    ['the head of another department', false, false, 'otherHead'],
    ['a colleague of the same department', false, false, 'colleague'],
    ['the central union', false, false, 'central'],
  ])('%s reads the cadre’s exemptions and account: %s, the exemption’s note: %s', async (_who, sees, note, key) => {
    const { cadre } = await product.ok(CADRE, { id: subject.id }, tokens[key]);
    expect(personal(cadre)).toEqual(sees ? PERSONAL(note ? NOTE : null) : HIDDEN);
    if (!note) expect(JSON.stringify(cadre)).not.toContain(NOTE);
    // The roster's facts are for everyone in the union who reads cadres.
    expect(cadre).toMatchObject({ fullName: 'Cán bộ self', gender: 'MALE', agencyStaff: true, subjectFrom: '2020-01-01' });
  });

  it('reads the same through a trip as through the roster', async () => {
    const { trip } = await product.ok(TRIP, { id: tripId }, tokens.colleague);
    expect(personal(trip.lead)).toEqual(HIDDEN);
    expect(personal((await product.ok(TRIP, { id: tripId }, tokens.head)).trip.members[0])).toEqual(PERSONAL(null));
    expect(personal((await product.ok(TRIP, { id: tripId }, tokens.self)).trip.members[0])).toEqual(PERSONAL());
  });

  it('a host unit sees a delegation member’s name, position and department, nothing else, and no error', async () => {
    const res = await product.gql(TRIP, { id: tripId }, tokens.host);
    expect(res.errors).toBeUndefined();
    const expected = {
      id: subject.id,
      fullName: 'Cán bộ self',
      position: expect.any(String),
      department: { name: 'Ban Phong trào' },
      gender: null,
      agencyStaff: null,
      executiveMember: null,
      term: null,
      subjectFrom: null,
      subjectTo: null,
      exemptions: null,
      account: null,
    };
    expect(res.data?.trip).toEqual({ id: tripId, lead: expected, members: [expected] });
    const list = await product.gql(TRIPS, { f: {} }, tokens.host);
    expect(list.errors).toBeUndefined();
    expect(list.data?.trips.nodes.map((t: { id: string }) => t.id)).toContain(tripId);
    const text = JSON.stringify([res, list]);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(subject.username);
    // The roster itself stays closed to a host unit.
    expect((await product.gql(CADRE, { id: subject.id }, tokens.host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the roster: cadres and exemptions', () => {
  const CADRE_OUT = `id fullName gender position departmentId agencyStaff executiveMember term subjectFrom subjectTo version`;
  const CREATE = `mutation ($input: CreateCadreInput!) { createCadre(input: $input) { ${CADRE_OUT} } }`;
  const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCadreInput!) { updateCadre(id: $id, version: $v, input: $input) { ${CADRE_OUT} } }`;
  const EXEMPT = `mutation ($input: CreateExemptionInput!) { createExemption(input: $input) { id cadreId kind startDate endDate } }`;
  const UNEXEMPT = `mutation ($id: ID!) { deleteExemption(id: $id) }`;
  const ONE = `query ($id: ID!) { cadre(id: $id) { id fullName version exemptions { id kind startDate endDate } } }`;
  const LIST = `query ($f: CadreFilter) { cadres(first: 100, filter: $f) { nodes { id } } }`;

  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let board: string;
  let otherAdmin: string;
  let dept: { id: string };
  let commune: { id: string };
  let foreignDept: { id: string };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const hni = await provinceIdOf(product.owner, 'HNI');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    dept = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Tổ chức', parentId: agency.id });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Hòa Bắc', parentId: agency.id });
    const hniAgency = await buildUnit(product.owner, { provinceId: hni, kind: 'PROVINCIAL_AGENCY' });
    foreignDept = await buildUnit(product.owner, { provinceId: hni, kind: 'DEPARTMENT', parentId: hniAgency.id });
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    board = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: ldg })).username);
    otherAdmin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
  });
  afterAll(() => product.stop());

  const cadreInput = (changes: Record<string, unknown> = {}) => ({
    fullName: 'Trần Thị Mai',
    gender: 'FEMALE',
    position: 'Phó Ban',
    departmentId: dept.id,
    agencyStaff: true,
    executiveMember: false,
    term: 'Khóa XI',
    subjectFrom: '2024-01-01',
    ...changes,
  });
  const exemption = (cadreId: string, changes: Record<string, unknown> = {}) => ({
    cadreId,
    kind: 'LONG_STUDY',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    approvedBy: 'Ban Thường vụ',
    note: 'Học thạc sĩ tập trung.',
    ...changes,
  });
  const newCadre = async (changes: Record<string, unknown> = {}) =>
    (await product.ok(CREATE, { input: cadreInput(changes) }, admin)).createCadre as { id: string; version: number };
  const rowCount = (table: 'cadre' | 'exemption') =>
    inProvince(product.owner, ldg, async () => {
      const { rows } = await product.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE province_id = $1`, [ldg]);
      return (rows[0] as { n: number }).n;
    });

  it('adds a cadre with their department, category, term and subject period', async () => {
    const created = await newCadre();
    expect(created).toMatchObject({
      fullName: 'Trần Thị Mai',
      gender: 'FEMALE',
      departmentId: dept.id,
      agencyStaff: true,
      executiveMember: false,
      term: 'Khóa XI',
      subjectFrom: '2024-01-01',
      subjectTo: null,
      version: 1,
    });
    const listed = (await product.ok(LIST, { f: { departmentId: dept.id } }, board)).cadres.nodes;
    expect(listed).toContainEqual({ id: created.id });
  });

  it('edits only the fields sent, and moves the version on', async () => {
    const cadre = await newCadre();
    const edited = (
      await product.ok(UPDATE, { id: cadre.id, v: 1, input: { position: 'Trưởng Ban', subjectTo: '2026-12-31' } }, admin)
    ).updateCadre;
    expect(edited).toMatchObject({ position: 'Trưởng Ban', subjectTo: '2026-12-31', fullName: 'Trần Thị Mai', version: 2 });
  });

  it('refuses an edit made on a stale version, and writes nothing', async () => {
    const cadre = await newCadre();
    await product.ok(UPDATE, { id: cadre.id, v: 1, input: { fullName: 'Trần Thị Mai Anh' } }, admin);
    const stale = await product.gql(UPDATE, { id: cadre.id, v: 1, input: { fullName: 'Ghi đè' } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre).toMatchObject({ fullName: 'Trần Thị Mai Anh', version: 2 });
  });

  it.each<[string, Record<string, unknown>, 'commune' | 'foreign' | null, string, string]>([
    ['neither agency staff nor an executive member', { agencyStaff: false }, null, 'input.agencyStaff', 'CATEGORY_REQUIRED'],
    ['a subject period that ends before it starts', { subjectTo: '2023-12-31' }, null, 'input.subjectTo', 'DATES_INVERTED'],
    ['a grassroots unit as department', {}, 'commune', 'input.departmentId', 'DEPARTMENT_INVALID'],
    ["another province's department", {}, 'foreign', 'input.departmentId', 'DEPARTMENT_INVALID'],
  ])('refuses a new cadre with %s, and writes nothing', async (_what, changes, department, field, reason) => {
    const departmentId = department === 'commune' ? commune.id : department === 'foreign' ? foreignDept.id : dept.id;
    const before = await rowCount('cadre');
    const res = await product.gql(CREATE, { input: cadreInput({ ...changes, departmentId }) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await rowCount('cadre')).toBe(before);
  });

  it('refuses an edit that leaves the cadre in no category (CATEGORY_REQUIRED)', async () => {
    const cadre = await newCadre();
    const res = await product.gql(UPDATE, { id: cadre.id, v: 1, input: { agencyStaff: false } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ field: 'input.agencyStaff', reason: 'CATEGORY_REQUIRED' });
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre.version).toBe(1);
  });

  it('records an exemption and removes it', async () => {
    const cadre = await newCadre();
    const made = (await product.ok(EXEMPT, { input: exemption(cadre.id) }, admin)).createExemption;
    expect(made).toMatchObject({ cadreId: cadre.id, kind: 'LONG_STUDY', startDate: '2026-09-01', endDate: '2027-02-28' });
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre.exemptions).toEqual([
      { id: made.id, kind: 'LONG_STUDY', startDate: '2026-09-01', endDate: '2027-02-28' },
    ]);
    expect((await product.ok(UNEXEMPT, { id: made.id }, admin)).deleteExemption).toBe(true);
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre.exemptions).toEqual([]);
  });

  it('records maternity leave for a cadre the roster has as female, and for another only with a written reason', async () => {
    const woman = await newCadre();
    const maternity = { kind: 'MATERNITY', startDate: '2026-06-01', endDate: '2026-11-30', note: '' };
    expect((await product.ok(EXEMPT, { input: exemption(woman.id, maternity) }, admin)).createExemption.kind).toBe('MATERNITY');

    const man = await newCadre({ fullName: 'Nguyễn Văn Hùng', gender: 'MALE' });
    const before = await rowCount('exemption');
    // A reason of 19 characters after trimming is not yet one.
    for (const note of ['', '   Chăm vợ sinh con.   ']) {
      const res = await product.gql(EXEMPT, { input: exemption(man.id, { ...maternity, note }) }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.note',
        reason: 'MATERNITY_REASON_REQUIRED',
      });
      expect(res.errors?.[0]?.message).toBe(
        'Nguyễn Văn Hùng là nam trong danh sách cán bộ: miễn vì thai sản cần ghi rõ lý do ' +
          '(ví dụ nghỉ khi vợ sinh con theo Luật Bảo hiểm xã hội), ít nhất 20 ký tự.',
      );
    }
    expect(await rowCount('exemption')).toBe(before);
    const note = 'Nghỉ chế độ khi vợ sinh con, theo xác nhận của bảo hiểm xã hội.';
    const made = await product.ok(EXEMPT, { input: exemption(man.id, { ...maternity, note }) }, admin);
    expect(made.createExemption.kind).toBe('MATERNITY');
  });

  it('exempts long sick leave only from the minimum length of the rule of the year it starts in (default 30 days)', async () => {
    const cadre = await newCadre();
    const sick = (startDate: string, endDate: string) =>
      product.gql(EXEMPT, { input: exemption(cadre.id, { kind: 'LONG_SICK_LEAVE', startDate, endDate }) }, admin);
    // 01/06–29/06/2026 is 29 days, one short of the default 30.
    const before = await rowCount('exemption');
    const short = await sick('2026-06-01', '2026-06-29');
    expect(short.errors?.[0]?.extensions).toMatchObject({ field: 'input.endDate', reason: 'EXEMPTION_TOO_SHORT' });
    expect(short.errors?.[0]?.message).toBe(
      'Nghỉ ốm từ 01/06/2026 đến 29/06/2026 là 29 ngày; quy định năm 2026 chỉ miễn khi nghỉ ốm dài ngày từ 30 ngày trở lên.',
    );
    expect(await rowCount('exemption')).toBe(before);
    expect((await sick('2026-06-01', '2026-06-30')).errors).toBeUndefined();

    // 2027 asks for 45 days: 01/01–13/02 is 31 + 13 = 44 days, 01/01–14/02 is 45.
    await product.ok(
      `mutation ($input: PolicyRuleInput!) { setPolicyRule(year: 2027, version: 0, input: $input) { sickLeaveMinDays } }`,
      {
        input: {
          requiredDays: 60,
          windowStart: '2027-01-01',
          windowEnd: '2027-12-31',
          reportRequired: true,
          reportDueDays: 10,
          checkLateRegistration: 'WARN',
          checkDoubleBooking: 'BLOCK',
          checkHostLoad: 'WARN',
          hostLoadMaxPerWeek: 2,
          checkTopicOverlap: 'WARN',
          sickLeaveMinDays: 45,
        },
      },
      admin,
    );
    const shortIn2027 = await sick('2027-01-01', '2027-02-13');
    expect(shortIn2027.errors?.[0]?.message).toBe(
      'Nghỉ ốm từ 01/01/2027 đến 13/02/2027 là 44 ngày; quy định năm 2027 chỉ miễn khi nghỉ ốm dài ngày từ 45 ngày trở lên.',
    );
    expect((await sick('2027-01-01', '2027-02-14')).errors).toBeUndefined();
  });

  it('refuses a long-study exemption shorter than six months (EXEMPTION_TOO_SHORT), and writes nothing', async () => {
    const cadre = await newCadre();
    const before = await rowCount('exemption');
    const res = await product.gql(EXEMPT, { input: exemption(cadre.id, { endDate: '2027-02-27' }) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.endDate',
      reason: 'EXEMPTION_TOO_SHORT',
    });
    expect(res.errors?.[0]?.message).toMatch(/từ 6 tháng trở lên/);
    expect(await rowCount('exemption')).toBe(before);
  });

  it('accepts an overlapping exemption of another kind, refuses one of the same kind (EXEMPTION_OVERLAP)', async () => {
    const cadre = await newCadre();
    await product.ok(EXEMPT, { input: exemption(cadre.id) }, admin);
    // Sick leave during long study: both are recorded; the exempt days are their union.
    await product.ok(
      EXEMPT,
      { input: exemption(cadre.id, { kind: 'LONG_SICK_LEAVE', startDate: '2027-02-01', endDate: '2027-04-30' }) },
      admin,
    );
    const res = await product.gql(
      EXEMPT,
      { input: exemption(cadre.id, { kind: 'LONG_SICK_LEAVE', startDate: '2027-04-01', endDate: '2027-05-31' }) },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startDate',
      reason: 'EXEMPTION_OVERLAP',
    });
    expect(res.errors?.[0]?.message).toMatch(/cùng loại/u);
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre.exemptions).toHaveLength(2);
  });

  it('refuses an exemption that ends before it starts (DATES_INVERTED)', async () => {
    const cadre = await newCadre();
    const res = await product.gql(
      EXEMPT,
      { input: exemption(cadre.id, { kind: 'MATERNITY', startDate: '2026-06-01', endDate: '2026-05-01' }) },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ field: 'input.endDate', reason: 'DATES_INVERTED' });
  });

  it('lets only the organisation department change the roster', async () => {
    const res = await product.gql(CREATE, { input: cadreInput() }, board);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a user of another province nothing: no list, no cadre, no edit, no exemption', async () => {
    const cadre = await newCadre();
    expect((await product.ok(LIST, { f: { provinceId: ldg } }, otherAdmin)).cadres.nodes).toEqual([]);
    expect((await product.gql(ONE, { id: cadre.id }, otherAdmin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const edit = await product.gql(UPDATE, { id: cadre.id, v: 1, input: { fullName: 'Chiếm quyền' } }, otherAdmin);
    expect(edit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const exempt = await product.gql(EXEMPT, { input: exemption(cadre.id) }, otherAdmin);
    expect(exempt.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cadreId' });
    expect((await product.ok(ONE, { id: cadre.id }, admin)).cadre).toMatchObject({
      fullName: 'Trần Thị Mai',
      version: 1,
      exemptions: [],
    });
  });
});
