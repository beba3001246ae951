import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

const BATCH = `id number quarter startsOn endsOn registrationDeadline active version`;
const TOPIC = `id title description departmentId active version`;
const CREATE_BATCH = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { ${BATCH} } }`;
const UPDATE_BATCH = `mutation ($id: ID!, $v: Int!, $input: UpdateBatchInput!) { updateBatch(id: $id, version: $v, input: $input) { ${BATCH} } }`;
const SET_BATCH = `mutation ($id: ID!, $v: Int!, $active: Boolean!) { setBatchActive(id: $id, version: $v, active: $active) { ${BATCH} } }`;
const BATCHES = `query ($year: Int!, $all: Boolean) { batches(year: $year, includeClosed: $all) { id active } }`;
const CREATE_TOPIC = `mutation ($input: CreateTopicInput!) { createTopic(input: $input) { ${TOPIC} } }`;
const UPDATE_TOPIC = `mutation ($id: ID!, $v: Int!, $input: UpdateTopicInput!) { updateTopic(id: $id, version: $v, input: $input) { ${TOPIC} } }`;
const SET_TOPIC = `mutation ($id: ID!, $v: Int!, $active: Boolean!) { setTopicActive(id: $id, version: $v, active: $active) { ${TOPIC} } }`;
const TOPICS = `query ($year: Int!, $all: Boolean, $s: String) { topics(year: $year, includeClosed: $all, search: $s) { id title active } }`;

describe('the organisation department corrects and closes batches and topics', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let head: string;
  let cadre: string;
  let otherAdmin: string;
  let deptA: { id: string };
  let deptB: { id: string };
  let commune: { id: string };
  let lead: { id: string };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-02') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const hni = await provinceIdOf(product.owner, 'HNI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    otherAdmin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY' });
    deptA = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Phong trào', parentId: agency.id });
    deptB = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Tuyên giáo', parentId: agency.id });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đức Trọng', parentId: agency.id });
    const linked = async (role: Role) => {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      const person = await buildCadre(product.owner, { provinceId: ldg, departmentId: deptA.id });
      await linkUser(product.owner, user.id, { cadreId: person.id });
      return product.login(user.username);
    };
    lead = await buildCadre(product.owner, { provinceId: ldg, departmentId: deptA.id });
    head = await linked(Role.DEPARTMENT_HEAD);
    cadre = await linked(Role.CADRE);
  });
  afterAll(() => product.stop());

  // What the database holds, read behind the API.
  const COLUMNS = {
    batch: 'version, active, number, registration_deadline::text',
    topic: 'version, active, title, department_id',
  };
  const rowOf = (table: 'batch' | 'topic', id: string) =>
    inProvince(product.owner, ldg, async () => {
      const { rows } = await product.owner.query(`SELECT ${COLUMNS[table]} FROM ${table} WHERE id = $1`, [id]);
      return rows[0] as Record<string, unknown>;
    });

  it('corrects a batch, refuses a stale version and bad dates, and writes nothing on refusal', async () => {
    const input = { number: 1, startsOn: '2026-04-06', endsOn: '2026-04-10', registrationDeadline: '2026-03-30' };
    const created = (await product.ok(CREATE_BATCH, { input }, admin)).createBatch;
    expect(created).toMatchObject({ active: true, version: 1, quarter: 2 });
    await product.ok(CREATE_BATCH, { input: { ...input, number: 2, startsOn: '2026-05-04', endsOn: '2026-05-08' } }, admin);

    const edited = await product.ok(
      UPDATE_BATCH,
      { id: created.id, v: 1, input: { ...input, endsOn: '2026-04-12', registrationDeadline: '2026-04-01' } },
      admin,
    );
    expect(edited.updateBatch).toMatchObject({ endsOn: '2026-04-12', registrationDeadline: '2026-04-01', version: 2 });

    const stale = await product.gql(UPDATE_BATCH, { id: created.id, v: 1, input: { ...input, endsOn: '2026-04-11' } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect(stale.errors?.[0]?.message).toMatch(/người khác thay đổi/);

    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ ...input, endsOn: '2026-04-01' }, 'input.endsOn', 'DATES_INVERTED'],
      [{ ...input, registrationDeadline: '2026-04-15' }, 'input.registrationDeadline', 'DEADLINE_AFTER_BATCH'],
      [{ ...input, number: 2, startsOn: '2026-04-06' }, 'input.number', 'BATCH_EXISTS'],
      [
        { ...input, startsOn: '2027-01-04', endsOn: '2027-01-08', registrationDeadline: '2027-01-01' },
        'input.startsOn',
        'BATCH_YEAR_CHANGED',
      ],
      [{ ...input, startsOn: '2026-02-30' }, 'input.startsOn', 'INVALID_VALUE'],
    ];
    for (const [bad, field, reason] of refusals) {
      const res = await product.gql(UPDATE_BATCH, { id: created.id, v: 2, input: bad }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const tooMany = await product.gql(UPDATE_BATCH, { id: created.id, v: 2, input: { ...input, number: 13 } }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
    expect(await rowOf('batch', created.id)).toMatchObject({ version: 2, number: 1, registration_deadline: '2026-04-01' });

    // The batch moves to another quarter of its year: its quarter follows its dates.
    const moved = await product.ok(
      UPDATE_BATCH,
      {
        id: created.id,
        v: 2,
        input: { number: 1, startsOn: '2026-07-06', endsOn: '2026-07-10', registrationDeadline: '2026-06-30' },
      },
      admin,
    );
    expect(moved.updateBatch).toMatchObject({ quarter: 3, version: 3 });

    const denied = await product.gql(UPDATE_BATCH, { id: created.id, v: 3, input }, head);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('closes a batch to new registrations and opens it again', async () => {
    const input = { number: 3, startsOn: '2026-06-01', endsOn: '2026-06-05', registrationDeadline: '2026-05-25' };
    const batch = (await product.ok(CREATE_BATCH, { input }, admin)).createBatch;
    const closed = await product.ok(SET_BATCH, { id: batch.id, v: 1, active: false }, admin);
    expect(closed.setBatchActive).toMatchObject({ active: false, version: 2 });

    const offered = (await product.ok(BATCHES, { year: 2026 }, cadre)).batches as Array<{ id: string }>;
    expect(offered.map((b) => b.id)).not.toContain(batch.id);
    const all = (await product.ok(BATCHES, { year: 2026, all: true }, admin)).batches as Array<{ id: string; active: boolean }>;
    expect(all).toContainEqual({ id: batch.id, active: false });

    const stale = await product.gql(SET_BATCH, { id: batch.id, v: 1, active: true }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await product.ok(SET_BATCH, { id: batch.id, v: 2, active: true }, admin);
    expect(((await product.ok(BATCHES, { year: 2026 }, cadre)).batches as Array<{ id: string }>).map((b) => b.id)).toContain(
      batch.id,
    );
  });

  it('corrects and closes a topic; a department head may, a cadre may not', async () => {
    const created = (
      await product.ok(
        CREATE_TOPIC,
        { input: { year: 2026, title: 'An toàn giao thông', description: 'Nông thôn', departmentId: deptA.id } },
        head,
      )
    ).createTopic;
    expect(created).toMatchObject({ active: true, version: 1 });

    const edited = await product.ok(
      UPDATE_TOPIC,
      { id: created.id, v: 1, input: { title: '  Văn hoá giao thông  ', description: '', departmentId: deptB.id } },
      admin,
    );
    expect(edited.updateTopic).toMatchObject({ title: 'Văn hoá giao thông', departmentId: deptB.id, version: 2 });
    const found = (await product.ok(TOPICS, { year: 2026, s: 'van hoa' }, cadre)).topics as Array<{ id: string }>;
    expect(found.map((t) => t.id)).toEqual([created.id]);

    const stale = await product.gql(
      UPDATE_TOPIC,
      { id: created.id, v: 1, input: { title: 'Tên cũ', description: '', departmentId: deptA.id } },
      head,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });

    const notADepartment = await product.gql(
      UPDATE_TOPIC,
      { id: created.id, v: 2, input: { title: 'Tên mới', description: '', departmentId: commune.id } },
      admin,
    );
    expect(notADepartment.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.departmentId',
      reason: 'DEPARTMENT_INVALID',
    });
    const blank = await product.gql(
      UPDATE_TOPIC,
      { id: created.id, v: 2, input: { title: '   a  ', description: '', departmentId: deptA.id } },
      admin,
    );
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(await rowOf('topic', created.id)).toMatchObject({ version: 2, title: 'Văn hoá giao thông', department_id: deptB.id });

    const byCadre = await product.gql(SET_TOPIC, { id: created.id, v: 2, active: false }, cadre);
    expect(byCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const closed = await product.ok(SET_TOPIC, { id: created.id, v: 2, active: false }, head);
    expect(closed.setTopicActive).toMatchObject({ active: false, version: 3 });
    const offered = (await product.ok(TOPICS, { year: 2026 }, cadre)).topics as Array<{ id: string }>;
    expect(offered.map((t) => t.id)).not.toContain(created.id);
    const all = (await product.ok(TOPICS, { year: 2026, all: true }, admin)).topics as Array<{ id: string; active: boolean }>;
    expect(all).toContainEqual({ id: created.id, title: 'Văn hoá giao thông', active: false });
  });

  it('keeps a closed batch and topic on the trips that already use them', async () => {
    const batch = (
      await product.ok(
        CREATE_BATCH,
        { input: { number: 1, startsOn: '2026-11-02', endsOn: '2026-11-06', registrationDeadline: '2026-10-26' } },
        admin,
      )
    ).createBatch;
    const topic = (
      await product.ok(CREATE_TOPIC, { input: { year: 2026, title: 'Khởi nghiệp thanh niên', departmentId: deptA.id } }, admin)
    ).createTopic;
    const trip = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: commune.id,
      startDate: '2026-11-03',
      endDate: '2026-11-04',
    });
    await inProvince(product.owner, ldg, () =>
      product.owner.query('UPDATE trip SET topic_id = $2, batch_id = $3 WHERE id = $1', [trip.id, topic.id, batch.id]),
    );
    await product.ok(SET_BATCH, { id: batch.id, v: 1, active: false }, admin);
    await product.ok(SET_TOPIC, { id: topic.id, v: 1, active: false }, admin);

    const shown = await product.ok(
      `query ($id: ID!) { trip(id: $id) { topic { title active } batch { number active } } }`,
      { id: trip.id },
      admin,
    );
    expect(shown.trip).toEqual({
      topic: { title: 'Khởi nghiệp thanh niên', active: false },
      batch: { number: 1, active: false },
    });
  });

  it('gives another province nothing to see or change', async () => {
    const batch = (
      await product.ok(
        CREATE_BATCH,
        { input: { number: 2, startsOn: '2026-10-05', endsOn: '2026-10-09', registrationDeadline: '2026-09-30' } },
        admin,
      )
    ).createBatch;
    const topic = (
      await product.ok(CREATE_TOPIC, { input: { year: 2026, title: 'Chuyển đổi số', departmentId: deptA.id } }, admin)
    ).createTopic;

    const theirBatches = (await product.ok(BATCHES, { year: 2026, all: true }, otherAdmin)).batches as unknown[];
    expect(theirBatches).toEqual([]);
    expect((await product.ok(TOPICS, { year: 2026, all: true }, otherAdmin)).topics).toEqual([]);

    const attempts = [
      product.gql(
        UPDATE_BATCH,
        {
          id: batch.id,
          v: 1,
          input: { number: 3, startsOn: '2026-10-05', endsOn: '2026-10-09', registrationDeadline: '2026-09-30' },
        },
        otherAdmin,
      ),
      product.gql(SET_BATCH, { id: batch.id, v: 1, active: false }, otherAdmin),
      product.gql(UPDATE_TOPIC, { id: topic.id, v: 1, input: { title: 'Của tỉnh khác', departmentId: deptA.id } }, otherAdmin),
      product.gql(SET_TOPIC, { id: topic.id, v: 1, active: false }, otherAdmin),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(res.errors?.[0]?.extensions?.code);
    }
    expect(await rowOf('batch', batch.id)).toMatchObject({ version: 1, number: 2, active: true });
    expect(await rowOf('topic', topic.id)).toMatchObject({ version: 1, title: 'Chuyển đổi số', active: true });
  });
});
