import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';
import type { Client } from 'pg';

const asProvince = inProvince;

/** A small province organisation: agency root, two departments, two communes, a chapter and an old district. */
async function buildOrg(owner: Client, provinceId: number) {
  const agency = await buildUnit(owner, { provinceId, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
  const deptA = await buildUnit(owner, { provinceId, kind: 'DEPARTMENT', name: 'Ban Phong trào', parentId: agency.id });
  const deptB = await buildUnit(owner, { provinceId, kind: 'DEPARTMENT', name: 'Ban Tuyên giáo', parentId: agency.id });
  const communeA = await buildUnit(owner, { provinceId, name: 'Đoàn xã Đạ Huoai', parentId: agency.id, validFrom: '2025-07-01' });
  const communeB = await buildUnit(owner, {
    provinceId,
    name: 'Đoàn phường Xuân Hương',
    parentId: agency.id,
    validFrom: '2025-07-01',
  });
  const chapter = await buildUnit(owner, {
    provinceId,
    kind: 'CHAPTER',
    name: 'Chi đoàn thôn 1',
    parentId: communeA.id,
    validFrom: '2025-07-01',
  });
  const oldDistrict = await buildUnit(owner, {
    provinceId,
    kind: 'DISTRICT_UNION',
    name: 'Huyện đoàn Đức Linh',
    parentId: agency.id,
    validFrom: '2015-01-01',
    validTo: '2025-06-30',
  });
  return { agency, deptA, deptB, communeA, communeB, chapter, oldDistrict };
}

async function buildCadreUser(owner: Client, attrs: { provinceId: number; role: Role; departmentId: string; fullName?: string }) {
  const user = await buildUser(owner, { role: attrs.role, provinceId: attrs.provinceId, fullName: attrs.fullName });
  const cadre = await buildCadre(owner, {
    provinceId: attrs.provinceId,
    departmentId: attrs.departmentId,
    fullName: attrs.fullName,
  });
  await linkUser(owner, user.id, { cadreId: cadre.id });
  return { user, cadre };
}

const TRIP_FIELDS = `id version state kind title lateRegistration lateJustification decisionNote
  warnings { code severity field message }
  lead { id fullName } members { id } destinations { id name } department { name }
  timeline { event fromState toState actorName note }`;
const CREATE = `mutation ($input: CreateTripInput!, $submit: Boolean!, $key: String) {
  createTrip(input: $input, submit: $submit, idempotencyKey: $key) { ${TRIP_FIELDS} } }`;
const DECIDE = `mutation ($trips: [TripVersionInput!]!, $decision: Decision!, $reason: String) {
  decideTrips(trips: $trips, decision: $decision, reason: $reason) { id version state decisionNote } }`;
const COMPLETE = `mutation ($id: ID!, $version: Int!, $input: CompleteTripInput!) { completeTrip(id: $id, version: $version, input: $input) { id version state days } }`;
const REPORT = `mutation ($id: ID!, $version: Int!, $input: TripReportInput!) {
  reportTrip(id: $id, version: $version, input: $input) { id version state report { dueOn late findings details { membersPresent meetingQuality } } } }`;
const ACCEPT = `mutation ($id: ID!, $version: Int!) { acceptTripReport(id: $id, version: $version) { id version state timeline { event actorName } } }`;
const RULE = `mutation ($year: Int!, $version: Int!, $input: PolicyRuleInput!) { setPolicyRule(year: $year, version: $version, input: $input) { version } }`;

const TODAY = '2026-03-01';

describe('trips: registration to accepted report', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let org: Awaited<ReturnType<typeof buildOrg>>;
  let cadre: { token: string; cadreId: string; name: string };
  let colleague: { token: string; cadreId: string };
  let otherDept: { token: string; cadreId: string };
  let head: string;
  let otherHead: string;
  let board: string;
  let admin: string;

  const tripCount = async (): Promise<number> =>
    asProvince(product.owner, ldg, async () => (await product.owner.query('SELECT count(*)::int AS n FROM trip')).rows[0].n);

  const input = (over: Record<string, unknown> = {}) => ({
    kind: 'TOPIC',
    title: 'Nắm tình hình triển khai cuộc vận động "Xây dựng Chi đoàn mạnh"',
    purpose: 'Khảo sát việc thực hiện tại cơ sở',
    expectedOutput: 'Báo cáo kết quả khảo sát gửi Thường trực',
    leadCadreId: cadre.cadreId,
    destinationIds: [org.communeA.id],
    startDate: '2026-04-06',
    endDate: '2026-04-08',
    estimatedCost: 1_500_000,
    ...over,
  });

  const register = async (token: string, over: Record<string, unknown> = {}, submit = true) =>
    (await product.ok(CREATE, { input: input(over), submit }, token)).createTrip;

  const setRule = (over: Record<string, unknown>) =>
    product.ok(
      RULE,
      {
        year: 2026,
        version: 0,
        input: {
          requiredDays: 60,
          windowStart: '2026-01-01',
          windowEnd: '2026-12-31',
          reportRequired: true,
          reportDueDays: 10,
          checkLateRegistration: 'WARN',
          checkDoubleBooking: 'BLOCK',
          checkHostLoad: 'WARN',
          hostLoadMaxPerWeek: 2,
          checkTopicOverlap: 'WARN',
          ...over,
        },
      },
      admin,
    );

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock(TODAY) });
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    org = await buildOrg(product.owner, ldg);
    const mk = async (role: Role, departmentId: string, fullName?: string) => {
      const made = await buildCadreUser(product.owner, { provinceId: ldg, role, departmentId, fullName });
      return { token: await product.login(made.user.username), cadreId: made.cadre.id, name: made.cadre.fullName };
    };
    cadre = await mk(Role.CADRE, org.deptA.id, 'Trần Thị Lan');
    colleague = await mk(Role.CADRE, org.deptA.id);
    otherDept = await mk(Role.CADRE, org.deptB.id);
    head = (await mk(Role.DEPARTMENT_HEAD, org.deptA.id)).token;
    otherHead = (await mk(Role.DEPARTMENT_HEAD, org.deptB.id)).token;
    board = (await mk(Role.STANDING_BOARD, org.deptA.id, 'Phó Bí thư Thường trực')).token;
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
  });
  afterAll(() => product.stop());

  it('keeps the live feed’s history: the latest events first, paged, with who acted', async () => {
    const trip = await register(cadre.token, { startDate: '2026-08-17', endDate: '2026-08-17' });
    const FEED = `query ($after: String) { recentTripEvents(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { tripId event actorName title } } }`;
    const page1 = await product.ok(FEED, {}, board);
    expect(page1.recentTripEvents.nodes).toEqual([
      { tripId: trip.id, event: 'SUBMITTED', actorName: 'Trần Thị Lan', title: trip.title },
    ]);
    expect(page1.recentTripEvents.totalCount).toBeGreaterThanOrEqual(2);
    const page2 = await product.ok(FEED, { after: page1.recentTripEvents.pageInfo.endCursor }, board);
    expect(page2.recentTripEvents.nodes).toEqual([
      { tripId: trip.id, event: 'REGISTERED', actorName: 'Trần Thị Lan', title: trip.title },
    ]);
  });

  it('takes a cadre from registration to an accepted report, with a readable timeline', async () => {
    const created = await register(cadre.token);
    expect(created).toMatchObject({
      state: 'SUBMITTED',
      lead: { fullName: 'Trần Thị Lan' },
      department: { name: 'Ban Phong trào' },
    });
    expect(created.members).toEqual([{ id: cadre.cadreId }]);
    expect(created.timeline.map((e: { event: string }) => e.event)).toEqual(['REGISTERED', 'SUBMITTED']);

    const [approved] = (
      await product.ok(DECIDE, { trips: [{ id: created.id, version: created.version }], decision: 'APPROVE' }, board)
    ).decideTrips;
    expect(approved.state).toBe('APPROVED');

    const completed = (
      await product.ok(
        COMPLETE,
        { id: created.id, version: approved.version, input: { actualStart: '2026-02-20', actualEnd: '2026-02-22' } },
        cadre.token,
      )
    ).completeTrip;
    expect(completed).toMatchObject({ state: 'COMPLETED', days: 3 });

    const reported = (
      await product.ok(
        REPORT,
        {
          id: created.id,
          version: completed.version,
          input: { findings: 'Chi đoàn sinh hoạt đều đặn, có mô hình hay.', goodModels: 'Mô hình nuôi heo' },
        },
        cadre.token,
      )
    ).reportTrip;
    expect(reported.state).toBe('REPORTED');
    expect(reported.report).toMatchObject({ dueOn: '2026-03-04', late: false });

    const wrongHead = await product.gql(ACCEPT, { id: created.id, version: reported.version }, otherHead);
    expect(wrongHead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const accepted = (await product.ok(ACCEPT, { id: created.id, version: reported.version }, head)).acceptTripReport;
    expect(accepted.state).toBe('REPORT_ACCEPTED');
    expect(accepted.timeline.map((e: { event: string }) => e.event)).toEqual([
      'REGISTERED',
      'SUBMITTED',
      'APPROVED',
      'COMPLETED',
      'REPORTED',
      'REPORT_ACCEPTED',
    ]);
    expect(accepted.timeline[2].actorName).toBe('Phó Bí thư Thường trực');
  });

  it('gives each approved trip its report deadline from the province-year rule, the one the report then keeps', async () => {
    const DUE = `query ($id: ID!) { trip(id: $id) { state reportDueOn } }`;
    const due = async (id: string) => (await product.ok(DUE, { id }, colleague.token)).trip;
    const draft = (
      await product.ok(
        CREATE,
        {
          input: input({
            leadCadreId: colleague.cadreId,
            startDate: '2026-01-12',
            endDate: '2026-01-14',
            lateJustification: 'Đăng ký bổ sung sau chuyến đi.',
          }),
          submit: false,
        },
        colleague.token,
      )
    ).createTrip;
    expect(await due(draft.id)).toEqual({ state: 'DRAFT', reportDueOn: null });
    const { submitTrip: sent } = await product.ok(
      `mutation ($id: ID!, $v: Int!) { submitTrip(id: $id, version: $v) { version } }`,
      { id: draft.id, v: draft.version },
      colleague.token,
    );
    expect(await due(draft.id)).toEqual({ state: 'SUBMITTED', reportDueOn: null });
    const [approved] = (
      await product.ok(DECIDE, { trips: [{ id: draft.id, version: sent.version }], decision: 'APPROVE' }, board)
    ).decideTrips;
    // Ten days (the default rule) after the planned return…
    expect(await due(draft.id)).toEqual({ state: 'APPROVED', reportDueOn: '2026-01-24' });
    const completed = (
      await product.ok(
        COMPLETE,
        { id: draft.id, version: approved.version, input: { actualStart: '2026-01-12', actualEnd: '2026-01-16' } },
        colleague.token,
      )
    ).completeTrip;
    // …then after the actual return, and the report records that same date.
    expect(await due(draft.id)).toEqual({ state: 'COMPLETED', reportDueOn: '2026-01-26' });
    const reported = (
      await product.ok(
        REPORT,
        { id: draft.id, version: completed.version, input: { findings: 'Chi đoàn hoạt động tốt.' } },
        colleague.token,
      )
    ).reportTrip;
    expect(reported.report).toMatchObject({ dueOn: '2026-01-26', late: true });
    expect(await due(draft.id)).toEqual({ state: 'REPORTED', reportDueOn: '2026-01-26' });
  });

  it('lets cadres register only for themselves and department heads for their own department', async () => {
    const forOther = await product.gql(CREATE, { input: input({ leadCadreId: colleague.cadreId }), submit: false }, cadre.token);
    expect(forOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_TRIP' });

    const byHead = await product.ok(
      CREATE,
      { input: input({ leadCadreId: colleague.cadreId, startDate: '2026-05-04', endDate: '2026-05-04' }), submit: false },
      head,
    );
    expect(byHead.createTrip.lead.id).toBe(colleague.cadreId);
    const headOtherDept = await product.gql(CREATE, { input: input({ leadCadreId: otherDept.cadreId }), submit: false }, head);
    expect(headOtherDept.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const approveByCadre = await product.gql(
      DECIDE,
      { trips: [{ id: byHead.createTrip.id, version: 1 }], decision: 'APPROVE' },
      cadre.token,
    );
    expect(approveByCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses impossible dates and places with the field and a Vietnamese message, writing nothing', async () => {
    const before = await tripCount();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ startDate: '2026-04-10', endDate: '2026-04-08' }, 'input.endDate', 'DATES_INVERTED'],
      [{ startDate: '2026-12-30', endDate: '2027-01-02' }, 'input.endDate', 'OUTSIDE_YEAR'],
      [{ startDate: '2026-02-30', endDate: '2026-03-02' }, 'input.startDate', 'INVALID_VALUE'],
      [{ destinationIds: [org.oldDistrict.id] }, 'input.destinationIds', 'DESTINATION_NOT_VALID_ON_DATES'],
      [{ destinationIds: [org.deptB.id] }, 'input.destinationIds', 'DESTINATION_INVALID'],
      [{ destinationIds: [randomUUID()] }, 'input.destinationIds', 'DESTINATION_INVALID'],
    ];
    for (const [over, field, reason] of cases) {
      const res = await product.gql(CREATE, { input: input(over), submit: true }, cadre.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(res.errors?.[0]?.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
      expect(res.data ?? null).toBeNull();
    }
    const hniUnit = await buildUnit(product.owner, { provinceId: hni, name: 'Đoàn phường Ba Đình' });
    const foreign = await product.gql(CREATE, { input: input({ destinationIds: [hniUnit.id] }), submit: true }, cadre.token);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DESTINATION_INVALID' });

    const tooLong = await product.gql(CREATE, { input: input({ title: 'x'.repeat(400) }), submit: true }, cadre.token);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(await tripCount()).toBe(before);
  });

  it('asks a submitted trip for a purpose and an expected result of 20 characters or more, not the title again', async () => {
    const before = await tripCount();
    const title = 'Nắm tình hình triển khai cuộc vận động "Xây dựng Chi đoàn mạnh"';
    // Lengths counted by hand, in characters after trimming: "Khảo sát tại xã" is 15, "Nắm tình hình xã A." 19.
    const cases: Array<[Record<string, unknown>, string, string, string]> = [
      [{ purpose: '' }, 'input.purpose', 'CONTENT_TOO_SHORT', 'Cần ghi mục đích trước khi trình duyệt (ít nhất 20 ký tự).'],
      [
        { purpose: 'Khảo sát tại xã' },
        'input.purpose',
        'CONTENT_TOO_SHORT',
        'Mục đích quá ngắn: 15 ký tự, cần ít nhất 20 ký tự trước khi trình duyệt.',
      ],
      [
        { purpose: '    Nắm tình hình xã A.    ' },
        'input.purpose',
        'CONTENT_TOO_SHORT',
        'Mục đích quá ngắn: 19 ký tự, cần ít nhất 20 ký tự trước khi trình duyệt.',
      ],
      [
        { purpose: 'nam tinh hinh trien khai cuoc van dong  Xay dung chi doan manh.' },
        'input.purpose',
        'CONTENT_COPIES_TITLE',
        'Mục đích đang chép lại tên chuyến đi: hãy ghi rõ mục đích của chuyến đi.',
      ],
      [
        { expectedOutput: '' },
        'input.expectedOutput',
        'CONTENT_TOO_SHORT',
        'Cần ghi kết quả dự kiến trước khi trình duyệt (ít nhất 20 ký tự).',
      ],
      [
        { expectedOutput: title.toUpperCase() },
        'input.expectedOutput',
        'CONTENT_COPIES_TITLE',
        'Kết quả dự kiến đang chép lại tên chuyến đi: hãy ghi rõ kết quả dự kiến của chuyến đi.',
      ],
    ];
    for (const [over, field, reason, message] of cases) {
      const res = await product.gql(CREATE, { input: input({ title, ...over }), submit: true }, cadre.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(res.errors?.[0]?.message).toBe(message);
    }
    expect(await tripCount()).toBe(before);

    // A draft may stay incomplete; submitting it is refused until it says what it is for.
    const dates = { startDate: '2026-11-02', endDate: '2026-11-03' };
    const draft = await register(cadre.token, { ...dates, purpose: '', expectedOutput: '' }, false);
    expect(draft.state).toBe('DRAFT');
    const SUBMIT = `mutation ($id: ID!, $v: Int!) { submitTrip(id: $id, version: $v) { state version } }`;
    const refused = await product.gql(SUBMIT, { id: draft.id, v: draft.version }, cadre.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: 'input.purpose', reason: 'CONTENT_TOO_SHORT' });
    const { updateTrip: completed } = await product.ok(
      `mutation ($id: ID!, $v: Int!, $input: UpdateTripInput!) { updateTrip(id: $id, version: $v, input: $input) { version } }`,
      {
        id: draft.id,
        v: draft.version,
        // Exactly 20 characters: enough.
        input: { purpose: 'Nắm tình hình xã AB.', expectedOutput: 'Báo cáo tình hình gửi Trưởng ban' },
      },
      cadre.token,
    );
    const { submitTrip: sent } = await product.ok(SUBMIT, { id: draft.id, v: completed.version }, cadre.token);
    expect(sent.state).toBe('SUBMITTED');
  });

  it('refuses a batch whose period does not contain the trip’s dates', async () => {
    const { createBatch: q1 } = await product.ok(
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { number: 8, startsOn: '2026-03-02', endsOn: '2026-03-27', registrationDeadline: '2026-03-01' } },
      admin,
    );
    const { createBatch: october } = await product.ok(
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { number: 3, startsOn: '2026-10-05', endsOn: '2026-10-09', registrationDeadline: '2026-09-25' } },
      admin,
    );
    const before = await tripCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      // The case: a first-quarter batch on a December trip.
      [
        { batchId: q1.id, startDate: '2026-12-07', endDate: '2026-12-08' },
        'Đợt 8 quý 1 diễn ra từ 02/03/2026 đến 27/03/2026, không bao trùm ngày đi 07/12/2026–08/12/2026: chọn đợt khác hoặc bỏ trống.',
      ],
      // Overlapping is not enough: the trip ends after the batch.
      [
        { batchId: october.id, startDate: '2026-10-08', endDate: '2026-10-12' },
        'Đợt 3 quý 4 diễn ra từ 05/10/2026 đến 09/10/2026, không bao trùm ngày đi 08/10/2026–12/10/2026: chọn đợt khác hoặc bỏ trống.',
      ],
      // Nor starting the day before it.
      [
        { batchId: october.id, startDate: '2026-10-04', endDate: '2026-10-05' },
        'Đợt 3 quý 4 diễn ra từ 05/10/2026 đến 09/10/2026, không bao trùm ngày đi 04/10/2026–05/10/2026: chọn đợt khác hoặc bỏ trống.',
      ],
    ];
    for (const [over, message] of cases) {
      for (const submit of [false, true]) {
        const res = await product.gql(CREATE, { input: input(over), submit }, cadre.token);
        expect(res.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.batchId',
          reason: 'BATCH_OUTSIDE_DATES',
        });
        expect(res.errors?.[0]?.message).toBe(message);
      }
    }
    expect(await tripCount()).toBe(before);

    // The batch's first and last days are inside it; moving a draft out of its batch is refused too.
    const inside = await register(cadre.token, { batchId: october.id, startDate: '2026-10-05', endDate: '2026-10-09' });
    expect(inside.state).toBe('SUBMITTED');
    const draft = await register(cadre.token, { batchId: october.id, startDate: '2026-10-05', endDate: '2026-10-05' }, false);
    const moved = await product.gql(
      `mutation ($id: ID!, $v: Int!, $input: UpdateTripInput!) { updateTrip(id: $id, version: $v, input: $input) { id } }`,
      { id: draft.id, v: draft.version, input: { startDate: '2026-10-10', endDate: '2026-10-10' } },
      cadre.token,
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({ field: 'input.batchId', reason: 'BATCH_OUTSIDE_DATES' });
  });

  it('takes no new registration for a closed topic or batch, and keeps them on the trips that had them', async () => {
    const { createTopic: topic } = await product.ok(
      `mutation ($input: CreateTopicInput!) { createTopic(input: $input) { id version } }`,
      { input: { year: 2026, title: 'Đoàn viên tham gia chuyển đổi số', departmentId: org.deptA.id } },
      admin,
    );
    const { createBatch: batch } = await product.ok(
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id version } }`,
      { input: { number: 7, startsOn: '2026-05-04', endsOn: '2026-05-29', registrationDeadline: '2026-04-24' } },
      admin,
    );
    const dates = { startDate: '2026-05-11', endDate: '2026-05-12' };
    const draft = await register(cadre.token, { ...dates, topicId: topic.id, batchId: batch.id }, false);
    await product.ok(
      `mutation ($id: ID!, $v: Int!) { setTopicActive(id: $id, version: $v, active: false) { id } }`,
      { id: topic.id, v: topic.version },
      admin,
    );
    await product.ok(
      `mutation ($id: ID!, $v: Int!) { setBatchActive(id: $id, version: $v, active: false) { id } }`,
      { id: batch.id, v: batch.version },
      admin,
    );

    const before = await tripCount();
    const closedTopic = await product.gql(CREATE, { input: input({ ...dates, topicId: topic.id }), submit: true }, cadre.token);
    expect(closedTopic.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.topicId',
      reason: 'TOPIC_CLOSED',
    });
    expect(closedTopic.errors?.[0]?.message).toBe(
      'Chuyên đề "Đoàn viên tham gia chuyển đổi số" đã đóng, không nhận đăng ký mới.',
    );
    const closedBatch = await product.gql(CREATE, { input: input({ ...dates, batchId: batch.id }), submit: true }, cadre.token);
    expect(closedBatch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.batchId',
      reason: 'BATCH_CLOSED',
    });
    expect(await tripCount()).toBe(before);

    // The draft registered before the closing is still edited and submitted with them.
    const { updateTrip } = await product.ok(
      `mutation ($id: ID!, $version: Int!, $input: UpdateTripInput!) { updateTrip(id: $id, version: $version, input: $input) { id version topic { title } } }`,
      {
        id: draft.id,
        version: draft.version,
        input: { purpose: 'Khảo sát lại sau khi chuyên đề đóng' },
      },
      cadre.token,
    );
    expect(updateTrip.topic.title).toBe('Đoàn viên tham gia chuyển đổi số');
  });

  it('warns of a delegation member on exemption by default, and blocks when the province-year says so', async () => {
    const onLeave = await buildCadre(product.owner, { provinceId: ldg, departmentId: org.deptA.id, fullName: 'Lê Thị Hoa' });
    await asProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by) VALUES ($1, $2, $3, 'MATERNITY', '2026-03-01', '2026-08-31', 'Ban Thường vụ')`,
        [ldg, randomUUID(), onLeave.id],
      ),
    );
    const draft = input({ memberIds: [onLeave.id], startDate: '2026-06-01', endDate: '2026-06-02' });
    const warned = await product.ok(
      `query ($input: CreateTripInput!) { checkTrip(input: $input) { code severity field message } }`,
      { input: draft },
      cadre.token,
    );
    expect(warned.checkTrip).toContainEqual({
      code: 'CADRE_EXEMPT',
      severity: 'WARN',
      field: 'input.memberIds',
      message: 'Lê Thị Hoa đang nghỉ thai sản từ 01/03/2026 đến 31/08/2026.',
    });
    // The province-year may make it a refusal (written here directly: later tests save the year's first rule).
    await asProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO policy_rule (province_id, year, required_days, window_start, window_end, check_exempt_trip)
         VALUES ($1, 2026, 60, '2026-01-01', '2026-12-31', 'BLOCK')`,
        [ldg],
      ),
    );
    const res = await product.gql(
      CREATE,
      { input: input({ memberIds: [onLeave.id], startDate: '2026-06-01', endDate: '2026-06-02' }), submit: true },
      cadre.token,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CADRE_EXEMPT',
      field: 'input.memberIds',
    });
    expect(res.errors?.[0]?.message).toContain('Lê Thị Hoa đang nghỉ thai sản từ 01/03/2026 đến 31/08/2026');
    await asProvince(product.owner, ldg, () =>
      product.owner.query('DELETE FROM policy_rule WHERE province_id = $1 AND year = 2026', [ldg]),
    );
  });

  it('applies the province-year rules: double booking blocks, late registration needs a justification and is flagged', async () => {
    const first = await register(cadre.token, { startDate: '2026-07-06', endDate: '2026-07-08' }, false);
    const overlapping = input({ startDate: '2026-07-08', endDate: '2026-07-09' });
    const check = async (): Promise<Array<Record<string, unknown>>> =>
      (
        await product.ok(
          `query ($input: CreateTripInput!) { checkTrip(input: $input) { code severity field message tripId } }`,
          { input: overlapping },
          cadre.token,
        )
      ).checkTrip;

    // The cadre's own forgotten draft only warns, naming it as a draft and giving its id to open or cancel it.
    expect(await check()).toContainEqual({
      code: 'DOUBLE_BOOKING',
      severity: 'WARN',
      field: 'input.startDate',
      tripId: first.id,
      message: `Trần Thị Lan còn chuyến "${first.title}" (bản nháp) từ 06/07/2026 đến 08/07/2026, chưa gửi duyệt: mở để sửa ngày hoặc hủy nếu không đi.`,
    });

    // Once sent for approval it holds the days: the overlap blocks.
    const { submitTrip: sent } = await product.ok(
      `mutation ($id: ID!, $v: Int!) { submitTrip(id: $id, version: $v) { version } }`,
      { id: first.id, v: first.version },
      cadre.token,
    );
    expect(await check()).toContainEqual(
      expect.objectContaining({ code: 'DOUBLE_BOOKING', severity: 'BLOCK', tripId: first.id }),
    );
    const twice = await product.gql(CREATE, { input: overlapping, submit: true }, cadre.token);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOUBLE_BOOKING' });

    // Returned for correction, it warns again, named as returned.
    await product.ok(
      DECIDE,
      { trips: [{ id: first.id, version: sent.version }], decision: 'RETURN', reason: 'Bổ sung kết quả dự kiến.' },
      board,
    );
    const returned = (await check()).filter((c) => c.code === 'DOUBLE_BOOKING');
    expect(returned).toEqual([expect.objectContaining({ severity: 'WARN', tripId: first.id })]);
    expect(returned[0].message).toContain('(đã trả lại để sửa)');
    const warned = await register(cadre.token, { startDate: '2026-07-08', endDate: '2026-07-09' });
    expect(warned.state).toBe('SUBMITTED');
    expect(warned.warnings.map((w: { code: string }) => w.code)).toContain('DOUBLE_BOOKING');

    // The trip already started before registering (today is 01/03/2026).
    const noWhy = await product.gql(
      CREATE,
      { input: input({ startDate: '2026-02-25', endDate: '2026-02-26' }), submit: true },
      cadre.token,
    );
    expect(noWhy.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LATE_JUSTIFICATION_REQUIRED',
      field: 'input.lateJustification',
    });
    const late = await register(cadre.token, {
      startDate: '2026-02-25',
      endDate: '2026-02-26',
      lateJustification: 'Được Thường trực giao đột xuất, đăng ký bổ sung sau.',
    });
    expect(late).toMatchObject({ state: 'SUBMITTED', lateRegistration: true });
    expect(late.warnings.map((w: { code: string }) => w.code)).toContain('LATE_REGISTRATION');
    expect(late.timeline[1].note).toContain('đột xuất');
  });

  it('keeps every field of the form in a saved draft, the late justification too, and submits it later as typed', async () => {
    const { createTopic: topic } = await product.ok(
      `mutation ($input: CreateTopicInput!) { createTopic(input: $input) { id } }`,
      { input: { year: 2026, title: 'Công tác đoàn trong trường học', departmentId: org.deptA.id } },
      admin,
    );
    const { createBatch: batch } = await product.ok(
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { number: 9, startsOn: '2026-02-02', endsOn: '2026-02-27', registrationDeadline: '2026-01-23' } },
      admin,
    );
    const FIELDS = `kind title purpose expectedOutput topicId batchId startDate endDate estimatedCost travelOrderNo
      lateJustification leadCadreId members { id } destinations { id }`;
    const typed = {
      kind: 'TOPIC',
      title: 'Khảo sát công tác đoàn trong trường học',
      purpose: 'Nắm tình hình sinh hoạt chi đoàn học sinh',
      expectedOutput: 'Báo cáo kiến nghị gửi Ban Thường vụ',
      topicId: topic.id,
      batchId: batch.id,
      leadCadreId: cadre.cadreId,
      memberIds: [colleague.cadreId],
      destinationIds: [org.communeA.id, org.communeB.id],
      startDate: '2026-02-09',
      endDate: '2026-02-10',
      estimatedCost: 2_400_000,
      travelOrderNo: 'CL-15/2026',
      lateJustification: 'Lịch làm việc do Thường trực giao sau hạn đăng ký.',
    };
    const expected = (over: Partial<typeof typed> = {}) => {
      const { memberIds, destinationIds, ...rest } = { ...typed, ...over };
      return {
        ...rest,
        members: expect.arrayContaining([{ id: cadre.cadreId }, ...memberIds.map((id) => ({ id }))]),
        destinations: expect.arrayContaining(destinationIds.map((id) => ({ id }))),
      };
    };
    const { createTrip: draft } = await product.ok(
      `mutation ($input: CreateTripInput!) { createTrip(input: $input, submit: false) { id version state ${FIELDS} } }`,
      { input: typed },
      cadre.token,
    );
    expect(draft).toMatchObject({ state: 'DRAFT', ...expected() });
    const read = await product.ok(`query ($id: ID!) { trip(id: $id) { ${FIELDS} } }`, { id: draft.id }, cadre.token);
    expect(read.trip).toMatchObject(expected());

    const changed = {
      title: 'Khảo sát công tác đoàn tại trường THPT',
      purpose: 'Gặp Bí thư đoàn trường',
      expectedOutput: 'Biên bản làm việc với Ban Chấp hành đoàn trường',
      memberIds: [],
      destinationIds: [org.communeB.id],
      startDate: '2026-02-11',
      endDate: '2026-02-12',
      estimatedCost: 900_000,
      travelOrderNo: 'CL-16/2026',
      lateJustification: 'Đổi lịch theo đề nghị của nhà trường.',
    };
    const { updateTrip: updated } = await product.ok(
      `mutation ($id: ID!, $v: Int!, $input: UpdateTripInput!) { updateTrip(id: $id, version: $v, input: $input) { version ${FIELDS} } }`,
      { id: draft.id, v: draft.version, input: changed },
      cadre.token,
    );
    expect(updated).toMatchObject(expected(changed));
    expect(updated.members).toEqual([{ id: cadre.cadreId }]);

    // The trip started before today: submitted later without typing it again, the justification saved with it is used.
    const { submitTrip: sent } = await product.ok(
      `mutation ($id: ID!, $v: Int!) { submitTrip(id: $id, version: $v) { state lateRegistration lateJustification } }`,
      { id: draft.id, v: updated.version },
      cadre.token,
    );
    expect(sent).toEqual({
      state: 'SUBMITTED',
      lateRegistration: true,
      lateJustification: 'Đổi lịch theo đề nghị của nhà trường.',
    });
  });

  describe('the checks before submitting', () => {
    beforeAll(async () => {
      const rule = await setRule({ hostLoadMaxPerWeek: 1, checkDoubleBooking: 'WARN' });
      expect(rule.setPolicyRule.version).toBe(1);
      await register(colleague.token, {
        leadCadreId: colleague.cadreId,
        destinationIds: [org.communeB.id],
        startDate: '2026-09-07',
        endDate: '2026-09-08',
      });
      await register(otherDept.token, {
        leadCadreId: otherDept.cadreId,
        destinationIds: [org.communeA.id],
        startDate: '2026-09-14',
        endDate: '2026-09-14',
        title: 'Nắm tình hình triển khai cuộc vận động "XÂY DỰNG CHI ĐOÀN MẠNH"',
      });
    });

    it('warns of host overload, naming the host, and of topic overlap, without writing anything', async () => {
      const before = await tripCount();
      const checks = await product.ok(
        `query ($input: CreateTripInput!) { checkTrip(input: $input) { code severity field message } }`,
        { input: input({ destinationIds: [org.communeB.id], startDate: '2026-09-09', endDate: '2026-09-10' }) },
        cadre.token,
      );
      expect(await tripCount()).toBe(before);
      const codes = checks.checkTrip.map((c: { code: string }) => c.code);
      expect(codes).toContain('HOST_OVERLOAD');
      expect(codes).toContain('TOPIC_OVERLAP');
      expect(checks.checkTrip.find((c: { code: string }) => c.code === 'HOST_OVERLOAD').message).toContain(
        'Đoàn phường Xuân Hương',
      );
    });

    it('submits a registration despite warnings, which stay on the trip', async () => {
      const submitted = await register(cadre.token, {
        destinationIds: [org.communeB.id],
        startDate: '2026-09-09',
        endDate: '2026-09-10',
      });
      expect(submitted.state).toBe('SUBMITTED');
      expect(submitted.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['HOST_OVERLOAD', 'TOPIC_OVERLAP']);
    });
  });

  it('never lets two approvers overwrite each other: one wins, the other gets CONFLICT', async () => {
    const trips = await Promise.all([
      register(cadre.token, { startDate: '2026-10-05', endDate: '2026-10-05' }),
      register(colleague.token, { leadCadreId: colleague.cadreId, startDate: '2026-10-12', endDate: '2026-10-12' }),
    ]);
    for (const trip of trips) {
      const [a, b] = await Promise.all([
        product.gql(DECIDE, { trips: [{ id: trip.id, version: trip.version }], decision: 'APPROVE' }, board),
        product.gql(
          DECIDE,
          { trips: [{ id: trip.id, version: trip.version }], decision: 'REJECT', reason: 'Trùng nội dung' },
          board,
        ),
      ]);
      const outcomes = [a, b].map((r) => (r.errors ? r.errors[0].extensions!.code : 'OK')).sort();
      expect(outcomes).toEqual(['CONFLICT', 'OK']);
    }
    const missingReason = await product.gql(DECIDE, { trips: [{ id: trips[0].id, version: 99 }], decision: 'RETURN' }, board);
    expect(missingReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('decides several submissions at once, all or nothing', async () => {
    const a = await register(cadre.token, { startDate: '2026-11-02', endDate: '2026-11-02' });
    const b = await register(colleague.token, { leadCadreId: colleague.cadreId, startDate: '2026-11-03', endDate: '2026-11-03' });
    const failed = await product.gql(
      DECIDE,
      {
        trips: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version + 5 },
        ],
        decision: 'APPROVE',
      },
      board,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const stillSubmitted = await product.ok(`query ($id: ID!) { trip(id: $id) { state version } }`, { id: a.id }, board);
    expect(stillSubmitted.trip).toEqual({ state: 'SUBMITTED', version: a.version });

    const both = await product.ok(
      DECIDE,
      {
        trips: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version },
        ],
        decision: 'RETURN',
        reason: 'Bổ sung mục đích cụ thể',
      },
      board,
    );
    expect(both.decideTrips.map((t: { state: string }) => t.state)).toEqual(['RETURNED', 'RETURNED']);
  });

  it('gives a retried create or submit one effect', async () => {
    const key = `create-${randomUUID()}`;
    const before = await tripCount();
    const over = { startDate: '2026-08-03', endDate: '2026-08-04' };
    const first = await product.ok(CREATE, { input: input(over), submit: false, key }, cadre.token);
    const again = await product.ok(CREATE, { input: input(over), submit: false, key }, cadre.token);
    expect(again.createTrip.id).toBe(first.createTrip.id);

    const concurrentKey = `create-${randomUUID()}`;
    const racers = await Promise.all(
      Array.from({ length: 5 }, () =>
        product.gql(
          CREATE,
          { input: input({ startDate: '2026-08-10', endDate: '2026-08-10' }), submit: false, key: concurrentKey },
          cadre.token,
        ),
      ),
    );
    const ids = new Set(racers.map((r) => r.data?.createTrip?.id));
    expect(ids.size).toBe(1);
    expect(await tripCount()).toBe(before + 2);

    const submitKey = `submit-${randomUUID()}`;
    const submit = (version: number) =>
      product.ok(
        `mutation ($id: ID!, $v: Int!, $k: String) { submitTrip(id: $id, version: $v, idempotencyKey: $k) { state version } }`,
        {
          id: first.createTrip.id,
          v: version,
          k: submitKey,
        },
        cadre.token,
      );
    const s1 = await submit(first.createTrip.version);
    const s2 = await submit(first.createTrip.version);
    expect(s1.submitTrip).toEqual(s2.submitTrip);
    const timeline = await product.ok(
      `query ($id: ID!) { trip(id: $id) { timeline { event } } }`,
      { id: first.createTrip.id },
      cadre.token,
    );
    expect(timeline.trip.timeline.filter((e: { event: string }) => e.event === 'SUBMITTED')).toHaveLength(1);
  });

  it('merges approved delegations to the same host; each member keeps their own trip', async () => {
    const a = await register(cadre.token, { startDate: '2026-06-15', endDate: '2026-06-16', destinationIds: [org.communeB.id] });
    const b = await register(otherDept.token, {
      leadCadreId: otherDept.cadreId,
      startDate: '2026-06-16',
      endDate: '2026-06-17',
      destinationIds: [org.communeB.id],
      title: 'Phối hợp ra quân Chiến dịch hè',
      kind: 'COORDINATION',
    });
    const approved = (
      await product.ok(
        DECIDE,
        {
          trips: [
            { id: a.id, version: a.version },
            { id: b.id, version: b.version },
          ],
          decision: 'APPROVE',
        },
        board,
      )
    ).decideTrips;
    const merged = await product.ok(
      `mutation ($trips: [TripVersionInput!]!, $host: ID!) { mergeDelegations(trips: $trips, hostUnitId: $host) { id startDate endDate hostUnit { name } } }`,
      { trips: approved.map((t: { id: string; version: number }) => ({ id: t.id, version: t.version })), host: org.communeB.id },
      board,
    );
    expect(merged.mergeDelegations).toMatchObject({
      startDate: '2026-06-15',
      endDate: '2026-06-17',
      hostUnit: { name: 'Đoàn phường Xuân Hương' },
    });
    const after = await product.ok(
      `query ($id: ID!) { trip(id: $id) { days delegation { id } timeline { event } } }`,
      { id: a.id },
      cadre.token,
    );
    expect(after.trip.days).toBe(2);
    expect(after.trip.delegation.id).toBe(merged.mergeDelegations.id);
    expect(after.trip.timeline.at(-1).event).toBe('MERGED');
  });

  it('asks each kind of trip for its own report content', async () => {
    const meeting = await register(cadre.token, {
      kind: 'MEETING',
      title: 'Dự sinh hoạt Chi đoàn thôn 1',
      destinationIds: [org.chapter.id],
      startDate: '2026-01-10',
      endDate: '2026-01-10',
      lateJustification: 'Bổ sung chuyến đã đi theo chỉ đạo.',
    });
    const [approved] = (
      await product.ok(DECIDE, { trips: [{ id: meeting.id, version: meeting.version }], decision: 'APPROVE' }, board)
    ).decideTrips;
    const done = (
      await product.ok(
        COMPLETE,
        { id: meeting.id, version: approved.version, input: { actualStart: '2026-01-10', actualEnd: '2026-01-10' } },
        cadre.token,
      )
    ).completeTrip;
    const missing = await product.gql(
      REPORT,
      { id: meeting.id, version: done.version, input: { findings: 'Buổi sinh hoạt diễn ra đúng kế hoạch.' } },
      cadre.token,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.details.membersPresent' });
    const ok = await product.ok(
      REPORT,
      {
        id: meeting.id,
        version: done.version,
        input: { findings: 'Buổi sinh hoạt diễn ra đúng kế hoạch.', details: { membersPresent: 18, meetingQuality: 'Tốt' } },
      },
      cadre.token,
    );
    // Returned 10/01, due 20/01, reported 01/03: late.
    expect(ok.reportTrip.report).toMatchObject({
      dueOn: '2026-01-20',
      late: true,
      details: { membersPresent: 18, meetingQuality: 'Tốt' },
    });
    const future = await register(cadre.token, { startDate: '2026-12-01', endDate: '2026-12-02' });
    const [fa] = (await product.ok(DECIDE, { trips: [{ id: future.id, version: future.version }], decision: 'APPROVE' }, board))
      .decideTrips;
    const tooEarly = await product.gql(
      COMPLETE,
      { id: future.id, version: fa.version, input: { actualStart: '2026-12-01', actualEnd: '2026-12-02' } },
      cadre.token,
    );
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACTUAL_DATES_INVALID' });
  });

  it('shows a host unit only the confirmed delegations coming to it', async () => {
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await asProvince(product.owner, ldg, () =>
      product.owner.query('UPDATE app_user SET unit_id = $1 WHERE id = $2', [org.communeA.id, host.id]),
    );
    const token = await product.login(host.username);
    const toChapter = await register(cadre.token, {
      kind: 'MEETING',
      title: 'Dự sinh hoạt chi đoàn',
      destinationIds: [org.chapter.id],
      startDate: '2026-05-18',
      endDate: '2026-05-18',
    });
    await register(colleague.token, {
      leadCadreId: colleague.cadreId,
      destinationIds: [org.communeB.id],
      startDate: '2026-05-19',
      endDate: '2026-05-19',
    });
    const pending = await product.ok(`{ trips(first: 100) { nodes { id state } } }`, {}, token);
    expect(pending.trips.nodes.find((t: { id: string }) => t.id === toChapter.id)).toBeUndefined();
    await product.ok(DECIDE, { trips: [{ id: toChapter.id, version: toChapter.version }], decision: 'APPROVE' }, board);
    const seen = await product.ok(`{ trips(first: 100) { nodes { id state destinations { id } } } }`, {}, token);
    expect(seen.trips.nodes.map((t: { id: string }) => t.id)).toContain(toChapter.id);
    for (const t of seen.trips.nodes) {
      expect(['APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED']).toContain(t.state);
      expect(
        t.destinations.map((d: { id: string }) => d.id).some((id: string) => [org.communeA.id, org.chapter.id].includes(id)),
      ).toBe(true);
    }
    const cadres = await product.gql(`{ cadres { totalCount } }`, {}, token);
    expect(cadres.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('submits a department quarter as one plan and approves it in one decision', async () => {
    const drafted = await register(
      colleague.token,
      { leadCadreId: colleague.cadreId, startDate: '2026-04-20', endDate: '2026-04-21' },
      false,
    );
    const plan = await product.ok(
      `mutation ($d: ID!) { submitQuarterlyPlan(departmentId: $d, year: 2026, quarter: 2) { id version state } }`,
      { d: org.deptA.id },
      head,
    );
    expect(plan.submitQuarterlyPlan.state).toBe('SUBMITTED');
    const others = await product.gql(
      `mutation ($d: ID!) { submitQuarterlyPlan(departmentId: $d, year: 2026, quarter: 2) { id } }`,
      { d: org.deptB.id },
      head,
    );
    expect(others.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const decided = await product.ok(
      `mutation ($id: ID!, $v: Int!) { decideQuarterlyPlan(id: $id, version: $v, approve: true) { state } }`,
      { id: plan.submitQuarterlyPlan.id, v: plan.submitQuarterlyPlan.version },
      board,
    );
    expect(decided.decideQuarterlyPlan.state).toBe('APPROVED');
    const after = await product.ok(`query ($id: ID!) { trip(id: $id) { state timeline { event } } }`, { id: drafted.id }, head);
    expect(after.trip.state).toBe('APPROVED');
    expect(after.trip.timeline.map((e: { event: string }) => e.event)).toEqual(['REGISTERED', 'SUBMITTED', 'APPROVED']);
    const drafts = await product.ok(
      `query ($d: ID!) { trips(first: 100, filter: { departmentId: $d, from: "2026-04-01", to: "2026-06-30", states: [DRAFT, RETURNED] }) { totalCount } }`,
      { d: org.deptA.id },
      head,
    );
    expect(drafts.trips.totalCount).toBe(0);
  });

  it('pages, filters and sorts, with the same few statements for 20 or 200 trips', async () => {
    const topic = randomUUID();
    await asProvince(product.owner, ldg, async () => {
      await product.owner.query(
        `INSERT INTO topic (province_id, id, year, title, department_id) VALUES ($1, $2, 2026, 'Công tác quản lý đoàn viên', $3)`,
        [ldg, topic, org.deptA.id],
      );
      await product.owner.query(
        `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, department_id, topic_id, start_date, end_date)
         SELECT $1, gen_random_uuid(), 'TOPIC', 'APPROVED', 'Chuyến số ' || g, $2, $3, $4, DATE '2024-01-01' + g, DATE '2024-01-01' + g
         FROM generate_series(1, 220) g`,
        [ldg, colleague.cadreId, org.deptA.id, topic],
      );
      await product.owner.query(
        `INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) SELECT province_id, id, lead_cadre_id, true FROM trip WHERE topic_id = $1`,
        [topic],
      );
      await product.owner.query(
        `INSERT INTO trip_destination (province_id, trip_id, unit_id) SELECT province_id, id, $2 FROM trip WHERE topic_id = $1`,
        [topic, org.communeA.id],
      );
    });
    const LIST = `query ($first: Int!, $after: String, $d: ID) {
      trips(first: $first, after: $after, filter: { from: "2024-01-01", to: "2024-12-31", departmentId: $d }, orderBy: { field: START_DATE, direction: ASC }) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id title startDate lead { fullName department { name } } members { fullName } destinations { name } topic { title } } } }`;
    const count = async (first: number) => {
      product.statements.length = 0;
      const data = await product.ok(LIST, { first, d: org.deptA.id }, head);
      return { n: product.statements.length, data };
    };
    const small = await count(20);
    const large = await count(200);
    expect(small.data.trips.nodes).toHaveLength(20);
    expect(large.data.trips.nodes).toHaveLength(200);
    expect(large.n).toBe(small.n);
    expect(small.n).toBeLessThanOrEqual(6);
    expect(large.data.trips.totalCount).toBe(220);

    const page2 = await product.ok(LIST, { first: 200, after: large.data.trips.pageInfo.endCursor, d: org.deptA.id }, head);
    expect(page2.trips.nodes).toHaveLength(20);
    expect(page2.trips.pageInfo.hasNextPage).toBe(false);
    const all = [...large.data.trips.nodes, ...page2.trips.nodes].map((t: { startDate: string }) => t.startDate);
    expect(all).toEqual([...all].sort());

    // All 220 were written by one statement and share created_at to the microsecond: paging by it still
    // returns each trip exactly once.
    const BY_CREATED = `query ($after: String, $d: ID) {
      trips(first: 60, after: $after, filter: { from: "2024-01-01", to: "2024-12-31", departmentId: $d },
            orderBy: { field: CREATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { trips: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> } } =
        await product.ok(BY_CREATED, { after: cursor, d: org.deptA.id }, head);
      seen.push(...page.trips.nodes.map((n) => n.id));
      cursor = page.trips.pageInfo.hasNextPage ? page.trips.pageInfo.endCursor : null;
    } while (cursor);
    expect(seen).toHaveLength(220);
    expect(new Set(seen).size).toBe(220);

    const bad = await product.gql(LIST, { first: 500 }, head);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await product.gql(LIST, { first: 5, after: 'not-a-cursor' }, head);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const search = await product.ok(`{ trips(first: 5, filter: { search: "chuyen so 11" }) { totalCount } }`, {}, head);
    expect(search.trips.totalCount).toBeGreaterThanOrEqual(11);
  });
});
