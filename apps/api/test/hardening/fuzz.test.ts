import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { Role } from '../../src/shared/access';
import { startTestProduct, type TestProduct } from '../harness';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../factories';
import { watchLogs } from './logs';

const SEED = 20261128;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = 8;
const CLIENT_TIMEOUT_MS = 10_000;
/** Mutations a visitor without an account may call: they touch sign-in state, not tenant data. */
const SKIPPED = new Set(['login']);

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../packages/schema/schema.graphql'), 'utf8'));

interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  document: string;
  args: Array<{ name: string; type: GraphQLInputType }>;
}

/** Every root field as a real operation: its arguments as variables, its scalar fields selected. */
function realOperations(): Operation[] {
  const selectionOf = (field: GraphQLField<unknown, unknown>): string => {
    const type = getNamedType(field.type);
    if (isLeafType(type)) return '';
    if (!isObjectType(type)) return '{ __typename }';
    const leaves = Object.values((type as GraphQLObjectType).getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => getNullableType(a.type) === a.type))
      .map((f) => f.name);
    return `{ __typename ${leaves.join(' ')} }`;
  };
  const ops: Operation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (SKIPPED.has(field.name)) continue;
      const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      ops.push({
        kind,
        name: field.name,
        document: `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field)} }`,
        args: field.args.map((a) => ({ name: a.name, type: a.type })),
      });
    }
  }
  return ops;
}

/** A value that may fit the input type, or may be wrong in any of the usual ways. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ maxLength: 50, unit: 'grapheme' }),
    fc.integer(),
    fc.double(),
    fc.constant('x'.repeat(5_000)),
  );
  const nullable = getNullableType(type);
  let fitting: fc.Arbitrary<unknown>;
  if (isListType(nullable)) {
    fitting = depth > 2 ? fc.constant([]) : fc.array(valueFor(nullable.ofType, depth + 1), { maxLength: 4 });
  } else if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    fitting =
      depth > 2
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), { requiredKeys: [] });
  } else if (isEnumType(nullable)) {
    fitting = fc.oneof(fc.constantFrom(...nullable.getValues().map((v) => v.name)), fc.string({ maxLength: 12 }));
  } else if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int':
        fitting = fc.oneof(fc.integer({ min: -5, max: 600 }), fc.integer(), fc.constant(2 ** 31), fc.constant(-(2 ** 40)));
        break;
      case 'Float':
        fitting = fc.oneof(fc.double({ noNaN: true }), fc.constant(1e308));
        break;
      case 'Boolean':
        fitting = fc.boolean();
        break;
      case 'ID':
        fitting = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constant('00000000-0000-0000-0000-000000000000'));
        break;
      case 'LocalDate':
        fitting = fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          fc.constantFrom('2026-02-30', '31/12/2026', '2026-13-01', ''),
        );
        break;
      default:
        fitting = fc.oneof(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.constant('Đoàn xã Ê Đê'), fc.constant(''));
    }
  } else {
    fitting = wrong;
  }
  return depth === 0
    ? fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: wrong })
    : fc.oneof({ weight: 4, arbitrary: fitting }, { weight: 1, arbitrary: wrong });
}

/** Where a malformed value goes: an `ID` or `String` argument or input field, with its path as the API names it. */
interface Target {
  field: GraphQLField<unknown, unknown>;
  kind: 'query' | 'mutation';
  path: string[];
  scalar: 'ID' | 'String';
}

/** Every ID and String argument of every root field, inside input objects and lists too. */
function malformableTargets(): Target[] {
  const targets: Target[] = [];
  const walk = (base: Omit<Target, 'path' | 'scalar'>, type: GraphQLInputType, path: string[], depth: number): void => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return walk(base, nullable.ofType, [...path, '0'], depth);
    if (isInputObjectType(nullable)) {
      if (depth > 3) return;
      for (const f of Object.values(nullable.getFields())) walk(base, f.type, [...path, f.name], depth + 1);
      return;
    }
    if (isScalarType(nullable) && (nullable.name === 'ID' || nullable.name === 'String')) {
      targets.push({ ...base, path, scalar: nullable.name });
    }
  };
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) walk({ field, kind }, arg.type, [arg.name], 0);
    }
  }
  return targets;
}

/** A value GraphQL accepts for `type`; `bad` is put at `path` (below this type), everything else fits. */
function fittingWith(type: GraphQLInputType, path: string[], bad: unknown): unknown {
  if (path.length === 0) return bad;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [fittingWith(nullable.ofType, path.slice(1), bad)];
  if (!isInputObjectType(nullable)) return bad;
  const value: Record<string, unknown> = {};
  for (const f of Object.values(nullable.getFields())) {
    if (f.name === path[0]) value[f.name] = fittingWith(f.type, path.slice(1), bad);
    else if (f.type !== getNullableType(f.type) && f.defaultValue === undefined) value[f.name] = fitting(f.type);
  }
  return value;
}

function fitting(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [];
  if (isInputObjectType(nullable)) return fittingWith(nullable, ['\u0000none'], null);
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  switch ((nullable as { name: string }).name) {
    case 'Int':
      return 2026;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return false;
    case 'ID':
      return randomUUID();
    case 'LocalDate':
      return '2026-03-02';
    case 'DateTimeISO':
      return '2026-03-02T08:00:00.000Z';
    default:
      return 'Đoàn xã Ê Đê';
  }
}

const cursorOf = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const MALFORMED: Record<Target['scalar'] | 'cursor', Array<[string, unknown]>> = {
  ID: [
    ['a word', 'abc'],
    ['empty', ''],
    ['a number', '42'],
    ['SQL', "00000000-0000-0000-0000-000000000000' OR '1'='1"],
    ['a UUID and a NUL', `${randomUUID()}\u0000`],
  ],
  String: [
    ['a NUL', 'Đoàn\u0000xã'],
    ['a bell', '\u0007'],
    ['a C1 control', 'a\u009Bb'],
    ['half a surrogate pair', 'a\uD83Db'],
  ],
  cursor: [
    ['an unsigned cursor', cursorOf(['x', 'abc'])],
    ['a cursor with an object', cursorOf([{ a: 1 }, randomUUID()])],
    ['a forged signature', `${cursorOf(['2026-01-01', randomUUID()])}.AAAAAAAAAAAAAAAAAAAAAA`],
    ['not base64', '%%%.***'],
  ],
};

type Who = 'admin' | 'central' | 'anonymous';

interface FuzzRequest {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  who: Who;
}

const json = (value: unknown) => JSON.stringify(value);
const isLeaf = (field: GraphQLField<unknown, unknown>): boolean => isLeafType(getNamedType(field.type));

function requests(ops: Operation[], maxBody: number): fc.Arbitrary<FuzzRequest> {
  const post = (label: string, body: string | ArrayBuffer, who: Who, contentType = 'application/json'): FuzzRequest => ({
    label,
    method: 'POST',
    path: '/graphql',
    contentType,
    body,
    who,
  });
  const who = fc.constantFrom<Who>('admin', 'anonymous');
  // Mutations run as central (reads everything, writes nothing) or anonymous: none may change data.
  // Queries run as a province's admin or anonymous: central's country-wide figures would only add SQL time.
  const realOp = fc
    .constantFrom(...ops)
    .chain((op) =>
      fc.tuple(
        fc.constant(op),
        fc.record(Object.fromEntries(op.args.map((a) => [a.name, valueFor(a.type)])), { requiredKeys: [] }),
        op.kind === 'mutation' ? fc.constantFrom<Who>('central', 'anonymous') : who,
      ),
    )
    .map(([op, variables, w]) => post(`real ${op.kind} ${op.name}`, json({ query: op.document, variables }), w));
  const validBody = realOp.map((r) => r.body as string);
  const brokenJson = fc
    .tuple(validBody, fc.nat(), fc.constantFrom('', '{', '}', '"', ',', '\\', '\u0000', 'null', '[', ']'))
    .map(([body, at, insert]) => {
      const i = at % Math.max(1, body.length);
      return post('broken JSON', body.slice(0, i) + insert + body.slice(i + 1), 'anonymous');
    });
  const truncated = fc
    .tuple(validBody, fc.nat())
    .map(([body, at]) => post('truncated JSON', body.slice(0, at % body.length), 'admin'));
  const randomBytes = fc
    .tuple(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('application/json', 'application/octet-stream', 'text/plain'))
    .map(([bytes, ct]) => post('random bytes', Uint8Array.from(bytes).buffer, 'anonymous', ct));
  const wrongContentType = fc
    .tuple(
      validBody,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        'application/xml',
        'application/json; charset=latin1',
        '',
      ),
    )
    .map(([body, ct]) => post(`content type "${ct}"`, body, 'anonymous', ct));
  const wrongShapes = fc
    .constantFrom<unknown>(
      null,
      42,
      'query',
      {},
      { query: 42 },
      { query: null },
      { query: ['{ me { id } }'] },
      { query: '{ me { id } }', variables: 'x' },
      { query: '{ me { id } }', variables: [1] },
      { query: '{ me { id } }', operationName: 7 },
      { query: '{ me { id } }', extensions: 'x' },
      { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: 'query A { me { id } } query B { me { id } }' },
      { query: 'query A { me { id } }', operationName: 'Z' },
      { query: 'subscription { tripEvents { tripId } }' },
      { query: '{ __schema { types { name fields { name } } } }' },
      [{ query: '{ me { id } }' }],
    )
    .chain((body) => fc.tuple(fc.constant(body), who))
    .map(([body, w]) => post('wrong shape', json(body), w));
  const hugeString = fc
    .tuple(fc.integer({ min: maxBody - 2_000, max: maxBody + 2_000 }), fc.constantFrom(...ops.filter((o) => o.args.length > 0)))
    .map(([size, op]) =>
      post(
        `huge string (${size} bytes)`,
        json({
          query: op.document,
          variables: Object.fromEntries(op.args.map((a) => [a.name, 'ư'.repeat(Math.floor(size / 2))])),
        }),
        op.kind === 'mutation' ? 'central' : 'admin',
      ),
    );
  const deepQuery = fc
    .integer({ min: 1, max: 150 })
    .map((levels) =>
      post(
        `nested ${levels}`,
        json({ query: `{ provinces { ${'successor { '.repeat(levels)}code${' }'.repeat(levels)} } }` }),
        'admin',
      ),
    );
  const deepJson = fc
    .integer({ min: 10, max: 5_000 })
    .map((levels) =>
      post(
        `JSON nested ${levels}`,
        `{"query":"{ me { id } }","variables":{"x":${'['.repeat(levels)}${']'.repeat(levels)}}}`,
        'admin',
      ),
    );
  const graphqlNoise = fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '(',
        ')',
        '...',
        'query',
        'mutation',
        'fragment',
        'on',
        '$x',
        ':',
        'me',
        'trips',
        '@skip',
        '"',
        '#',
        '!',
        '[',
        ']',
        '=',
        '\n',
        'Ê',
      ),
      {
        maxLength: 200,
      },
    )
    .map((tokens) => post('GraphQL noise', json({ query: tokens.join(' ') }), 'anonymous'));
  const get = fc.tuple(fc.string({ maxLength: 200 }), fc.boolean()).map(([query, preflight]): FuzzRequest => ({
    label: 'GET',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(query)}${preflight ? '' : '&variables=%7B'}`,
    who: 'anonymous',
  }));
  return fc.oneof(
    { weight: 40, arbitrary: realOp },
    { weight: 8, arbitrary: brokenJson },
    { weight: 4, arbitrary: truncated },
    { weight: 6, arbitrary: randomBytes },
    { weight: 6, arbitrary: wrongContentType },
    { weight: 6, arbitrary: wrongShapes },
    { weight: 2, arbitrary: hugeString },
    { weight: 6, arbitrary: deepQuery },
    { weight: 3, arbitrary: deepJson },
    { weight: 8, arbitrary: graphqlNoise },
    { weight: 4, arbitrary: get },
  );
}

const LEAK =
  /stacktrace|\bat [\w$.<>]+ \(|\.(ts|js):\d+|\/work\/|node_modules|\/home\/|QueryFailedError|TypeORMError|\bpg_|SELECT .* FROM/i;

interface Failure {
  label: string;
  problem: string;
  status?: number;
  text?: string;
}

describe(`fuzzing the HTTP surface (${RUNS} requests, seed ${SEED})`, () => {
  let product: TestProduct;
  let tokens: Record<Who, string | undefined>;
  let logs: ReturnType<typeof watchLogs>;

  /** Rows per tenant table (forced row-level security), read by the owner in every province. */
  async function tenantCounts(): Promise<Record<string, number>> {
    const tables = (
      await product.owner.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relforcerowsecurity ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const all = (
      await product.owner.query<{ ids: string }>("SELECT '{' || string_agg(id::text, ',') || '}' AS ids FROM province")
    ).rows[0].ids;
    await product.owner.query('BEGIN');
    try {
      await product.owner.query("SELECT set_config('app.read_provinces', $1, true)", [all]);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        counts[table] = (await product.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
      }
      return counts;
    } finally {
      await product.owner.query('COMMIT');
    }
  }

  beforeAll(async () => {
    product = await startTestProduct({ poolSize: CONCURRENCY + 2, env: { RATE_LIMIT_POINTS: '1000000' } });
    const provinceId = await provinceIdOf(product.owner, 'HNI');
    tokens = {
      admin: await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId })).username),
      central: await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username),
      anonymous: undefined,
    };
    logs = watchLogs();
  });
  afterAll(async () => {
    logs.restore();
    await product.stop();
  });

  it('never answers 5xx, never hangs, codes every error, leaks nothing and changes no tenant data', async () => {
    const ops = realOperations();
    expect(ops.filter((o) => o.kind === 'mutation').length).toBeGreaterThan(20);
    const samples = fc.sample(requests(ops, product.deps.env.MAX_BODY_BYTES), { seed: SEED, numRuns: RUNS });
    expect(samples).toHaveLength(RUNS);
    const before = await tenantCounts();
    expect(Object.keys(before).length).toBeGreaterThan(10);

    logs.clear();
    const failures: Failure[] = [];
    const latencies: number[] = [];
    const byStatus = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < samples.length) {
        const request = samples[next++];
        const started = performance.now();
        let status: number;
        let text: string;
        try {
          const res = await fetch(`${product.url}${request.path}`, {
            method: request.method,
            headers: {
              ...(request.contentType !== undefined ? { 'content-type': request.contentType } : {}),
              ...(tokens[request.who] ? { authorization: `Bearer ${tokens[request.who]}` } : {}),
            },
            body: request.body,
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          text = await res.text();
          status = res.status;
        } catch (error) {
          failures.push({ label: request.label, problem: `no answer: ${String(error)}` });
          continue;
        }
        latencies.push(performance.now() - started);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        const fail = (problem: string) => failures.push({ label: request.label, problem, status, text: text.slice(0, 400) });
        if (status >= 500) fail('server error');
        if (LEAK.test(text)) fail('internal detail in the body');
        let body: { errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          fail('not JSON');
        }
        for (const error of body?.errors ?? []) {
          if (typeof error.extensions?.code !== 'string') fail('error without extensions.code');
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') fail('INTERNAL_SERVER_ERROR');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    latencies.sort((x, y) => x - y);
    const p99 = latencies[Math.floor(latencies.length * 0.99)];
    const max = latencies[latencies.length - 1];
    process.stdout.write(
      `fuzz: ${latencies.length} answers, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; statuses ${JSON.stringify(Object.fromEntries(byStatus))}\n`,
    );

    expect(failures.slice(0, 10)).toEqual([]);
    expect(logs.sqlErrors().slice(0, 5)).toEqual([]);
    expect(logs.unexpected().slice(0, 5)).toEqual([]);
    expect(latencies).toHaveLength(RUNS);
    expect(await tenantCounts()).toEqual(before);

    const health = await fetch(`${product.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await product.ok('{ provinces { code } }')).provinces.length).toBeGreaterThan(30);
  }, 900_000);

  it('refuses a malformed id, cursor or control character in every argument of every root field, before any SQL', async () => {
    const provinceId = await provinceIdOf(product.owner, 'HNI');
    const unit = await buildUnit(product.owner, { provinceId });
    const byRole: Array<[Role, string]> = [];
    // Central last: it must name a province where province users need not.
    for (const role of [...Object.values(Role).filter((r) => r !== Role.CENTRAL), Role.CENTRAL]) {
      const user = await buildUser(product.owner, { role, provinceId });
      if (role === Role.CADRE || role === Role.DEPARTMENT_HEAD) {
        await linkUser(product.owner, user.id, { cadreId: (await buildCadre(product.owner, { provinceId })).id });
      }
      if (role === Role.HOST_UNIT) await linkUser(product.owner, user.id, { unitId: unit.id });
      byRole.push([role, await product.login(user.username)]);
    }
    const targets = malformableTargets();
    expect(targets.filter((t) => t.scalar === 'ID').length).toBeGreaterThan(60);
    const before = await tenantCounts();
    logs.clear();

    const problems: string[] = [];
    const refusedOn = new Set<string>();
    for (const target of targets) {
      const { field, kind, path } = target;
      const isCursor = path.length === 1 && path[0] === 'after';
      const document = `${kind} Malformed${field.args.length ? `(${field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : ''} { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename } }`;
      for (const [label, bad] of [...MALFORMED[target.scalar], ...(isCursor ? MALFORMED.cursor : [])]) {
        const variables: Record<string, unknown> = {};
        for (const arg of field.args) {
          if (arg.name === path[0]) variables[arg.name] = fittingWith(arg.type, path.slice(1), bad);
          // Declared as the schema types it (`Int!` even when the argument has a default): always given.
          else if (arg.type !== getNullableType(arg.type)) variables[arg.name] = arg.name === 'first' ? 10 : fitting(arg.type);
        }
        const where = `${field.name}(${path.join('.')}) with ${label}`;
        // The first role allowed to call the field: refusals for the role come before any look at the input.
        for (const [, token] of byRole) {
          const res = await fetch(`${product.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: document.replace(' { __typename }', isLeaf(field) ? '' : ' { __typename }'),
              variables,
            }),
          });
          const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string; field?: string } }> };
          const error = body.errors?.[0]?.extensions;
          if (res.status >= 500 || body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
            problems.push(`${where}: ${res.status} ${JSON.stringify(body.errors)}`);
            break;
          }
          if (error?.code === 'FORBIDDEN' || error?.code === 'UNAUTHENTICATED') continue;
          if (error?.code !== 'BAD_USER_INPUT' || error.field !== path.join('.')) {
            problems.push(`${where}: ${JSON.stringify(body.errors ?? body)}`);
          } else {
            refusedOn.add(`${field.name}(${path.join('.')})`);
          }
          break;
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // Every target was reached by some role and refused on its own path.
    expect(targets.map((t) => `${t.field.name}(${t.path.join('.')})`).filter((t) => !refusedOn.has(t))).toEqual([]);
    expect(logs.sqlErrors().slice(0, 5)).toEqual([]);
    expect(logs.unexpected().slice(0, 5)).toEqual([]);
    expect(await tenantCounts()).toEqual(before);
  }, 600_000);
});
