import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Role } from '../../src/shared/access';
import { fixedClock } from '../../src/shared/clock';
import { startTestProduct, type GqlResponse, type TestProduct } from '../harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../factories';
import { OPERATIONS, type IsolationOperation, type ProvinceRows, type Viewer } from './operations';

const SEED = 9_2026;
const RUNS = 1_000;
const PARALLEL = 6;
const CODES = ['HNI', 'DNG', 'CTO'] as const;

/** Viewers who read cadres but not their personal data: a host unit, a colleague, the central union. */
type Onlooker = 'host' | 'colleague' | 'central';

interface Side {
  code: string;
  rows: ProvinceRows;
  tokens: Record<Viewer, string>;
  /** Strings only this province's rows carry: none may appear in another province's answers. */
  secrets: string[];
  /** A trip confirmed to this province's unit (so its host unit reads it), led by the cadre with the exemption. */
  confirmedTripId: string;
  onlookers: Record<Onlooker, string>;
  /** The cadre's exemption note, who approved it and the cadre's username: no onlooker may read any of them. */
  personal: string[];
}

async function buildSide(product: TestProduct, code: string): Promise<Side> {
  const provinceId = await provinceIdOf(product.owner, code);
  const tag = `${code}-${randomUUID().slice(0, 6)}`;
  const department = await buildUnit(product.owner, { provinceId, kind: 'DEPARTMENT', name: `Ban Tổ chức ${tag}` });
  const unit = await buildUnit(product.owner, { provinceId, parentId: department.id, name: `Đoàn xã ${tag}` });
  const cadre = await buildCadre(product.owner, { provinceId, departmentId: department.id, fullName: `Trần Thị ${tag}` });
  const trip = await buildTrip(product.owner, {
    provinceId,
    leadCadreId: cadre.id,
    destinationId: unit.id,
    title: `Chuyến đi ${tag}`,
  });
  const confirmed = await buildTrip(product.owner, {
    provinceId,
    leadCadreId: cadre.id,
    destinationId: unit.id,
    state: 'APPROVED',
    title: `Chuyến đã duyệt ${tag}`,
  });
  const exemptionId = randomUUID();
  const note = `Điều trị dài ngày sau phẫu thuật ${randomUUID().slice(0, 8)}`;
  await inProvince(product.owner, provinceId, async () => {
    await product.owner.query(
      `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by, note)
       VALUES ($1, $2, $3, 'LONG_SICK_LEAVE', '2026-06-01', '2026-06-30', $4, $5)`,
      [provinceId, exemptionId, cadre.id, `Thường trực ${tag}`, note],
    );
    await product.owner.query(
      `INSERT INTO trip_event (province_id, id, trip_id, event, from_state, to_state, actor_name, note)
       VALUES ($1, $2, $3, 'SUBMITTED', 'DRAFT', 'SUBMITTED', $4, $5)`,
      [provinceId, randomUUID(), trip.id, `Người trình ${tag}`, `Ghi chú ${tag}`],
    );
  });
  const tokens = {} as Record<Viewer, string>;
  let cadreUsername = '';
  for (const [viewer, role] of [
    ['admin', Role.PROVINCE_ADMIN],
    ['board', Role.STANDING_BOARD],
    ['cadre', Role.CADRE],
  ] as const) {
    const user = await buildUser(product.owner, { role, provinceId });
    if (viewer === 'cadre') {
      await linkUser(product.owner, user.id, { cadreId: cadre.id });
      cadreUsername = user.username;
    }
    tokens[viewer] = await product.login(user.username);
  }
  const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId });
  await linkUser(product.owner, host.id, { unitId: unit.id });
  const colleague = await buildUser(product.owner, { role: Role.CADRE, provinceId });
  const colleagueCadre = await buildCadre(product.owner, { provinceId, departmentId: department.id });
  await linkUser(product.owner, colleague.id, { cadreId: colleagueCadre.id });
  const central = await buildUser(product.owner, { role: Role.CENTRAL });
  return {
    code,
    rows: { provinceId, unit, department, cadre, trip, exemption: { id: exemptionId } },
    tokens,
    secrets: [unit.id, department.id, cadre.id, trip.id, exemptionId, tag],
    confirmedTripId: confirmed.id,
    onlookers: {
      host: await product.login(host.username),
      colleague: await product.login(colleague.username),
      central: await product.login(central.username),
    },
    personal: [note, `Thường trực ${tag}`, cadreUsername],
  };
}

/** Everything of the given provinces as the owner sees it: must not move under any attack. */
async function snapshot(product: TestProduct, provinceIds: number[]): Promise<unknown> {
  const q = async (sql: string) => (await product.owner.query(sql, [provinceIds])).rows;
  const all = `{${provinceIds.join(',')}}`;
  await product.owner.query('BEGIN');
  try {
    await product.owner.query("SELECT set_config('app.read_provinces', $1, true)", [all]);
    return {
      units: await q('SELECT id, name, parent_id, version FROM unit WHERE province_id = ANY($1) ORDER BY id'),
      cadres: await q('SELECT id, position, version FROM cadre WHERE province_id = ANY($1) ORDER BY id'),
      trips: await q('SELECT id, state, title, lead_cadre_id, version FROM trip WHERE province_id = ANY($1) ORDER BY id'),
      events: await q('SELECT id, trip_id FROM trip_event WHERE province_id = ANY($1) ORDER BY id'),
      exemptions: await q('SELECT id FROM exemption WHERE province_id = ANY($1) ORDER BY id'),
      destinations: await q('SELECT trip_id, unit_id FROM trip_destination WHERE province_id = ANY($1) ORDER BY 1, 2'),
      members: await q('SELECT trip_id, cadre_id FROM trip_member WHERE province_id = ANY($1) ORDER BY 1, 2'),
    };
  } finally {
    await product.owner.query('COMMIT');
  }
}

let product: TestProduct;
let sides: Side[];

beforeAll(async () => {
  product = await startTestProduct({ clock: fixedClock('2026-03-01'), poolSize: PARALLEL + 2 });
  sides = [];
  for (const code of CODES) sides.push(await buildSide(product, code));
});
afterAll(() => product.stop());

describe(`property: no province reaches another (${RUNS} random viewer × target × operation tuples)`, () => {
  it('leaks nothing across provinces, refuses every foreign write, and changes nothing', async () => {
    const before = await snapshot(
      product,
      sides.map((s) => s.rows.provinceId),
    );
    const tuples = fc.sample(
      fc.record({
        viewer: fc.nat({ max: sides.length - 1 }),
        offset: fc.integer({ min: 1, max: sides.length - 1 }),
        role: fc.constantFrom<Viewer>('admin', 'board', 'cadre'),
        operation: fc.constantFrom(...OPERATIONS),
      }),
      { seed: SEED, numRuns: RUNS },
    );

    const check = async ({ viewer, offset, role, operation }: (typeof tuples)[number]) => {
      const own = sides[viewer];
      const target = sides[(viewer + offset) % sides.length];
      const res: GqlResponse = await product.gql(
        operation.document,
        operation.variables(target.rows, own.rows),
        own.tokens[role],
      );
      const problems: string[] = [];
      const text = JSON.stringify(res);
      for (const secret of target.secrets) if (text.includes(secret)) problems.push(`leaks ${secret}`);
      if (res.status >= 500) problems.push(`status ${res.status}`);
      problems.push(...expectationsFor(operation, res));
      return problems.length ? { role, from: own.code, to: target.code, operation: operation.name, problems, res } : null;
    };

    const failures = [];
    for (let i = 0; i < tuples.length; i += PARALLEL) {
      failures.push(...(await Promise.all(tuples.slice(i, i + PARALLEL).map(check))).filter((f) => f !== null));
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Every operation and every direction was drawn.
    expect(new Set(tuples.map((t) => t.operation.name)).size).toBe(OPERATIONS.length);
    expect(
      await snapshot(
        product,
        sides.map((s) => s.rows.provinceId),
      ),
    ).toEqual(before);
  }, 300_000);

  it('the same operations work on the viewer’s own province (so the refusals above are about the province)', async () => {
    for (const side of sides) {
      for (const operation of OPERATIONS.filter((o) => o.kind !== 'write')) {
        const res = await product.gql(operation.document, operation.variables(side.rows, side.rows), side.tokens.board);
        expect({ operation: operation.name, errors: res.errors }).toEqual({ operation: operation.name, errors: undefined });
        expect(JSON.stringify(res.data)).toContain(side.secrets[5]);
      }
    }
  });
});

function expectationsFor(operation: IsolationOperation, res: GqlResponse): string[] {
  const code = res.errors?.[0]?.extensions?.code;
  if (operation.kind === 'list') {
    if (res.errors?.length) return [`list refused: ${String(code)}`];
    const lists = Object.values(res.data ?? {}) as Array<{ totalCount: number; nodes: unknown[] }>;
    return lists.some((l) => l.totalCount !== 0 || l.nodes.length !== 0) ? ['list not empty'] : [];
  }
  const problems: string[] = [];
  if (res.data != null) problems.push('data returned');
  if (operation.kind === 'read' && code !== 'NOT_FOUND') problems.push(`read answered ${String(code)}`);
  // A cadre may not call some writes at all: FORBIDDEN before any lookup is as good a refusal.
  if (operation.kind === 'write' && !(typeof code === 'string' && [...operation.refusals, 'FORBIDDEN'].includes(code))) {
    problems.push(`write answered ${String(code)}`);
  }
  return problems;
}

/** Everything of a cadre a query may ask for, personal fields included. */
const CADRE = `id fullName position department { name } gender agencyStaff executiveMember term subjectFrom subjectTo
  exemptions { kind note approvedBy startDate } account { username role fullName }`;
const TRIP = `id title lead { ${CADRE} } members { ${CADRE} } timeline { actorName note } warnings { message }`;

/** Every query a host unit may make that leads to cadres, each asking for every cadre field there is. */
const FIELD_READS: Array<{ name: string; document: string; variables: (target: Side) => Record<string, unknown> }> = [
  { name: 'trip', document: `query ($id: ID!) { trip(id: $id) { ${TRIP} } }`, variables: (t) => ({ id: t.confirmedTripId }) },
  {
    name: 'trips to the unit',
    document: `query ($f: TripFilter) { trips(first: 50, filter: $f) { nodes { ${TRIP} } } }`,
    variables: (t) => ({ f: { hostUnitId: t.rows.unit.id } }),
  },
  {
    name: 'trips of the cadre',
    document: `query ($f: TripFilter) { trips(first: 50, filter: $f) { nodes { ${TRIP} } } }`,
    variables: (t) => ({ f: { cadreId: t.rows.cadre.id } }),
  },
  { name: 'cadre', document: `query ($id: ID!) { cadre(id: $id) { ${CADRE} } }`, variables: (t) => ({ id: t.rows.cadre.id }) },
  {
    name: 'cadres',
    document: `query ($f: CadreFilter) { cadres(first: 50, filter: $f) { nodes { ${CADRE} } } }`,
    variables: (t) => ({ f: { departmentId: t.rows.department.id } }),
  },
  {
    name: 'corrective actions with their inspection',
    document: `query { correctiveActions(first: 50) { nodes { conclusion { trip { ${TRIP} }
      plan { teams { lead { ${CADRE} } members { ${CADRE} } visits { ${TRIP} } } } } } } }`,
    variables: () => ({}),
  },
  {
    name: 'host feedback',
    document: `query { hostFeedback(first: 50) { nodes { comment trip { ${TRIP} } } } }`,
    variables: () => ({}),
  },
  { name: 'me', document: '{ me { username fullName role } }', variables: () => ({}) },
];

describe(`property: no onlooker reads a cadre's personal data (host unit, colleague, central; ${RUNS / 4} cases)`, () => {
  it('a host unit reads its visitors: names and posts, personal fields null, no error', async () => {
    for (const side of sides) {
      const res = await product.gql(FIELD_READS[0].document, FIELD_READS[0].variables(side), side.onlookers.host);
      expect(res.errors).toBeUndefined();
      expect(res.data?.trip.members).toEqual([
        expect.objectContaining({ fullName: side.rows.cadre.fullName, department: { name: side.rows.department.name } }),
      ]);
      expect(res.data?.trip.members[0]).toMatchObject({ exemptions: null, account: null, gender: null, subjectFrom: null });
    }
  });

  it('never answers an onlooker with an exemption note, its approver or a username, whatever it asks', async () => {
    const tuples = fc.sample(
      fc.record({
        viewer: fc.nat({ max: sides.length - 1 }),
        target: fc.nat({ max: sides.length - 1 }),
        onlooker: fc.constantFrom<Onlooker>('host', 'colleague', 'central'),
        read: fc.constantFrom(...FIELD_READS),
      }),
      { seed: SEED, numRuns: RUNS / 4 },
    );
    const check = async ({ viewer, target, onlooker, read }: (typeof tuples)[number]) => {
      const own = sides[viewer];
      const res = await product.gql(read.document, read.variables(sides[target]), own.onlookers[onlooker]);
      const text = JSON.stringify(res);
      const problems = sides.flatMap((s) => s.personal.filter((secret) => text.includes(secret)).map((x) => `leaks ${x}`));
      if (res.status >= 500) problems.push(`status ${res.status}`);
      const code = res.errors?.[0]?.extensions?.code;
      if (code !== undefined && code !== 'FORBIDDEN' && code !== 'NOT_FOUND') problems.push(`answered ${String(code)}`);
      return problems.length ? { onlooker, from: own.code, to: sides[target].code, read: read.name, problems } : null;
    };
    const failures = [];
    for (let i = 0; i < tuples.length; i += PARALLEL) {
      failures.push(...(await Promise.all(tuples.slice(i, i + PARALLEL).map(check))).filter((f) => f !== null));
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(new Set(tuples.map((t) => `${t.onlooker} ${t.read.name}`)).size).toBe(3 * FIELD_READS.length);
    // The keeper (the organisation department, the one role that reads exemption notes) reads the same
    // queries in full, so the secrets above were there to be leaked.
    const { data } = await product.gql(FIELD_READS[0].document, FIELD_READS[0].variables(sides[0]), sides[0].tokens.admin);
    expect(sides[0].personal.every((secret) => JSON.stringify(data).includes(secret))).toBe(true);
  }, 300_000);
});
