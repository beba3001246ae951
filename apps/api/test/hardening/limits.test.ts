import { Lexer, Source, TokenKind, parse, visit } from 'graphql';
import { Role } from '../../src/shared/access';
import { startTestProduct, type TestProduct } from '../harness';
import { buildUnit, buildUser, provinceIdOf } from '../factories';
import { DEFAULT_MAX_DIRECTIVES } from '../../src/shared/limits';
import { VIETNAMESE, eventually, expectRefusal, post, postBody, reasonOf, codeOf, sleep, wsClient } from './support';
import { watchLogs } from './logs';

const MAX_DEPTH = 10;
const MAX_ALIASES = 5;
const MAX_TOKENS = 300;
const MAX_COST = 20;
const MAX_BODY = 4096;

/** Fragments that spread each other in a loop: GraphQL's NoFragmentCyclesRule refuses them. */
const CYCLES: Array<[string, string]> = [
  ['a fragment spreading itself', 'query { ...A } fragment A on Query { provinces { code } ...A }'],
  ['two fragments spreading each other', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
  [
    'a longer loop under aliases',
    `query { ${Array.from({ length: 3 }, (_, i) => `p${i}: provinces { code }`).join(' ')} ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { x: __typename ...A }`,
  ],
];

let made = 0;
let parentId = '';
/** A createUnit field with a fresh name; `alias` and `selection` shape the document around it. */
const createUnit = (selection: string, alias?: string): string =>
  `${alias ? `${alias}: ` : ''}createUnit(input: { kind: COMMUNE_UNION, parentId: "${parentId}", name: "Đoàn xã Giới hạn ${++made}", validFrom: "2026-01-01" }) ${selection}`;

/** `parent { parent { … { id } } }` with `levels` parents. */
const parents = (levels: number): string => `{ id ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} }`;

/** Lexical tokens as GraphQL's parser counts them (comments and the end excluded). */
function tokenCount(document: string): number {
  const lexer = new Lexer(new Source(document));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

const fieldCount = (document: string): number => {
  let n = 0;
  visit(parse(document), { Field: () => void (n += 1) });
  return n;
};

describe('request limits, each side of each', () => {
  let product: TestProduct;
  let admin: string;
  let provinceId: number;
  const unitCount = async (): Promise<number> =>
    (await product.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM unit WHERE province_id = $1', [provinceId])).rows[0]
      .n;

  beforeAll(async () => {
    product = await startTestProduct({
      env: {
        MAX_QUERY_DEPTH: String(MAX_DEPTH),
        MAX_ALIASES: String(MAX_ALIASES),
        MAX_TOKENS: String(MAX_TOKENS),
        MAX_QUERY_COMPLEXITY: String(MAX_COST),
        MAX_BODY_BYTES: String(MAX_BODY),
      },
    });
    provinceId = await provinceIdOf(product.owner, 'HNI');
    parentId = (await buildUnit(product.owner, { provinceId, kind: 'PROVINCIAL_AGENCY', name: 'Tỉnh đoàn' })).id;
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId })).username);
  });
  afterAll(() => product.stop());

  /** Runs `document` once: the just-under side must write `writes` units, the over side none. */
  async function expectWrites(answer: Awaited<ReturnType<typeof post>>, before: number, writes: number): Promise<void> {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(await unitCount()).toBe(before + writes);
  }

  it(`depth: ${MAX_DEPTH} levels run, ${MAX_DEPTH + 1} are refused (QUERY_TOO_DEEP) and write nothing`, async () => {
    const before = await unitCount();
    // createUnit is level 0, so the leaf `id` under 9 parents sits at level 10.
    await expectWrites(await post(product, `mutation { ${createUnit(parents(MAX_DEPTH - 1))} }`, {}, admin), before, 1);

    const over = await post(product, `mutation { ${createUnit(parents(MAX_DEPTH))} }`, {}, admin);
    expectRefusal(over, 400, 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP');
    expect(over.body.errors?.[0]?.extensions?.maxDepth).toBe(MAX_DEPTH);
    expect(await unitCount()).toBe(before + 1);
  });

  it(`aliases: ${MAX_ALIASES} run, ${MAX_ALIASES + 1} are refused (TOO_MANY_ALIASES) and write nothing`, async () => {
    const aliased = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => createUnit('{ id }', `u${i}`)).join(' ')} }`;
    const before = await unitCount();
    await expectWrites(await post(product, aliased(MAX_ALIASES), {}, admin), before, MAX_ALIASES);

    const over = await post(product, aliased(MAX_ALIASES + 1), {}, admin);
    expectRefusal(over, 400, 'GRAPHQL_VALIDATION_FAILED', 'TOO_MANY_ALIASES');
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ aliases: MAX_ALIASES + 1, maxAliases: MAX_ALIASES });
    expect(await unitCount()).toBe(before + MAX_ALIASES);
  });

  it('aliases inside fragments count too', async () => {
    const query = `query { ...P } fragment P on Query { ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `p${i}: provinces { code }`).join(' ')} }`;
    expectRefusal(await post(product, query), 400, 'GRAPHQL_VALIDATION_FAILED', 'TOO_MANY_ALIASES');
  });

  it(`tokens: a document of exactly ${MAX_TOKENS} tokens runs, one more is refused (TOO_MANY_TOKENS) and writes nothing`, async () => {
    // The padding is a second operation that is never run: it costs tokens, not query cost.
    const document = (padding: number) =>
      `mutation make { ${createUnit('{ id }')} } query pad { ${'__typename '.repeat(padding)}}`;
    const base = tokenCount(document(0));
    const atLimit = document(MAX_TOKENS - base);
    const overLimit = document(MAX_TOKENS - base + 1);
    expect([tokenCount(atLimit), tokenCount(overLimit)]).toEqual([MAX_TOKENS, MAX_TOKENS + 1]);

    const before = await unitCount();
    await expectWrites(await post(product, atLimit, {}, admin, 'make'), before, 1);
    const over = await post(product, overLimit, {}, admin, 'make');
    expectRefusal(over, 400, 'GRAPHQL_PARSE_FAILED', 'TOO_MANY_TOKENS');
    expect(over.body.errors?.[0]?.extensions?.maxTokens).toBe(MAX_TOKENS);
    expect(await unitCount()).toBe(before + 1);
  });

  it(`cost: an operation costing ${MAX_COST} runs, ${MAX_COST + 1} is refused (QUERY_TOO_COMPLEX) and writes nothing`, async () => {
    const scalars = ['name', 'kind', 'provinceId', 'validFrom', 'validTo', 'border', 'island', 'remote', 'hostLevel', 'parentId'];
    // One point per field: createUnit, id, the scalars, then `children { id }` pairs.
    const document = (extra: number) =>
      `mutation { ${createUnit(`{ id ${scalars.join(' ')} ${'communeCode '.repeat(extra)}}`)} }`;
    const atLimit = document(MAX_COST - 2 - scalars.length);
    expect(fieldCount(atLimit)).toBe(MAX_COST);

    const before = await unitCount();
    await expectWrites(await post(product, atLimit, {}, admin), before, 1);
    const over = await post(product, document(MAX_COST - 1 - scalars.length), {}, admin);
    expectRefusal(over, 400, 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX');
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ cost: MAX_COST + 1, maxCost: MAX_COST });
    expect(await unitCount()).toBe(before + 1);
  });

  it(`request size: a body of exactly ${MAX_BODY} bytes runs, one byte more is refused with 413 and writes nothing`, async () => {
    const body = (bytes: number): string => {
      const bare = JSON.stringify({ query: `mutation { ${createUnit('{ id }')} } #` });
      const padded = `${bare.slice(0, -2)}${'x'.repeat(bytes - Buffer.byteLength(bare))}"}`;
      expect(Buffer.byteLength(padded)).toBe(bytes);
      return padded;
    };
    const before = await unitCount();
    await expectWrites(await postBody(product, body(MAX_BODY), admin), before, 1);
    expectRefusal(await postBody(product, body(MAX_BODY + 1), admin), 413, 'PAYLOAD_TOO_LARGE');
    expect(await unitCount()).toBe(before + 1);
  });

  it('batching: a JSON array of operations is refused with BATCH_NOT_SUPPORTED and writes nothing', async () => {
    const before = await unitCount();
    const one = { query: `mutation { ${createUnit('{ id }')} }` };
    for (const batch of [[one], [one, one], []]) {
      expectRefusal(await postBody(product, JSON.stringify(batch), admin), 400, 'BAD_REQUEST', 'BATCH_NOT_SUPPORTED');
    }
    expect(await unitCount()).toBe(before);
  });

  it('a subscription sent over HTTP is refused (SUBSCRIPTION_OVER_HTTP), not run as a query', async () => {
    for (const token of [undefined, admin]) {
      const answer = await post(product, 'subscription { tripEvents { tripId } }', {}, token);
      expectRefusal(answer, 400, 'GRAPHQL_VALIDATION_FAILED', 'SUBSCRIPTION_OVER_HTTP');
    }
  });

  describe("fragment cycles and deep nesting: GraphQL's own rules first, then limits that never loop", () => {
    let logs: ReturnType<typeof watchLogs>;
    beforeAll(() => {
      logs = watchLogs();
    });
    afterAll(() => logs.restore());

    it.each(CYCLES)('%s over HTTP: a coded validation error, not a 500', async (_name, document) => {
      logs.clear();
      for (const token of [undefined, admin]) {
        const answer = await post(product, document, {}, token);
        expectRefusal(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
        expect(answer.body.errors?.[0]?.extensions?.detail).toMatch(/Cannot spread fragment/);
      }
      expect(logs.unexpected()).toEqual([]);
    });

    describe('with the default limits (5,000 tokens)', () => {
      let plain: TestProduct;
      let token: string;
      beforeAll(async () => {
        plain = await startTestProduct();
        token = await plain.login((await buildUser(plain.owner, { role: Role.PROVINCE_ADMIN, provinceId })).username);
      });
      afterAll(() => plain.stop());

      // About as deep as 5,000 tokens allow: deep enough to overflow a recursive walk of the document.
      const deep = (root: string) => `${root} { ${'a { '.repeat(2_490)}b${' }'.repeat(2_490)} }`;

      it('a document nested as deep as the token limit allows: a coded refusal over HTTP and WebSocket', async () => {
        const answer = await post(plain, deep('query { provinces'), {}, token);
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0]?.extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
        expect(answer.text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/i);

        const { client, subscribe } = wsClient(plain, token);
        const result = subscribe(deep('subscription { tripEvents'));
        await eventually(() => result.errors.length > 0, 3000);
        await client.dispose();
        expect(result.errors.map(codeOf)).toEqual([expect.stringMatching(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/)]);
        expect(JSON.stringify(result.errors)).not.toMatch(/Maximum call stack|\bat .+\.(ts|js):\d+/);
      });

      it(`directives: ${DEFAULT_MAX_DIRECTIVES} run, ${DEFAULT_MAX_DIRECTIVES + 1} are refused (TOO_MANY_DIRECTIVES)`, async () => {
        const document = (n: number) => `{ provinces { ${'code @skip(if: false) '.repeat(n)}} }`;
        const under = await post(plain, document(DEFAULT_MAX_DIRECTIVES), {}, token);
        expect(under.body.errors).toBeUndefined();
        const over = await post(plain, document(DEFAULT_MAX_DIRECTIVES + 1), {}, token);
        expectRefusal(over, 400, 'GRAPHQL_VALIDATION_FAILED', 'TOO_MANY_DIRECTIVES');
        expect(over.body.errors?.[0]?.extensions).toMatchObject({
          directives: DEFAULT_MAX_DIRECTIVES + 1,
          maxDirectives: DEFAULT_MAX_DIRECTIVES,
        });
      });
    });
  });

  describe('the same depth and alias rules on graphql-ws', () => {
    let board: string;
    const clients: Array<ReturnType<typeof wsClient>['client']> = [];

    beforeAll(async () => {
      board = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId })).username);
    });
    afterAll(async () => {
      for (const c of clients) await c.dispose();
    });

    /** Subscribes and waits: a refusal arrives at once; an accepted subscription stays open and silent. */
    async function outcome(query: string) {
      const { client, subscribe } = wsClient(product, board);
      clients.push(client);
      const result = subscribe(query);
      await eventually(() => result.errors.length > 0 || result.completed, 1500);
      await sleep(200);
      return result;
    }

    // complianceChanged(0) departments(1) department(2) parent(3…)
    const deep = (parentLevels: number) =>
      `subscription { complianceChanged(year: 2026) { departments { department { ${'parent { '.repeat(parentLevels)}id${' }'.repeat(parentLevels)} } } } }`;

    it('accepts a subscription at the depth limit and refuses one level deeper', async () => {
      const atLimit = await outcome(deep(MAX_DEPTH - 3));
      expect(atLimit).toEqual({ data: [], errors: [], completed: false });
      const over = await outcome(deep(MAX_DEPTH - 2));
      expect(over.errors.map(reasonOf)).toEqual(['QUERY_TOO_DEEP']);
      expect(over.data).toEqual([]);
    });

    it.each(
      CYCLES.map(([name, document]) => [name, document.replace(/Query/g, 'Subscription').replace('query', 'subscription')]),
    )('%s over graphql-ws: a coded validation error, and the socket stays open', async (_name, document) => {
      const { client, subscribe } = wsClient(product, board);
      clients.push(client);
      const closes: number[] = [];
      client.on('closed', (event) => closes.push((event as { code: number }).code));
      // A sound subscription first: the refusal must not take the socket (and it) down.
      const sound = subscribe('subscription { tripEvents { tripId } }');
      const refused = subscribe(document);
      await eventually(() => refused.errors.length > 0, 3000);
      expect(refused.errors.length).toBeGreaterThan(0);
      for (const error of refused.errors) expect(codeOf(error)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(refused.errors)).toMatch(/Cannot spread fragment/);
      expect(JSON.stringify(refused.errors)).not.toMatch(/Maximum call stack|\bat .+\.(ts|js):\d+/);
      await sleep(200);
      expect(sound).toEqual({ data: [], errors: [], completed: false });
      expect(closes).toEqual([]);
    });

    it('a document that does not parse, or nests past the token limit, is a coded error, not a 4500 close', async () => {
      for (const [document, reason] of [
        ['subscription { tripEvents { tripId }', undefined],
        [`subscription { tripEvents { ${'a { '.repeat(400)}b${' }'.repeat(400)} } }`, 'TOO_MANY_TOKENS'],
      ] as const) {
        const result = await outcome(document);
        expect(result.errors.map(codeOf)).toEqual(['GRAPHQL_PARSE_FAILED']);
        if (reason) expect(result.errors.map(reasonOf)).toEqual([reason]);
        expect(result.errors.map((e) => (e as { message: string }).message)[0]).toMatch(VIETNAMESE);
      }
    });

    it('accepts a subscription at the alias limit and refuses one alias more', async () => {
      const aliased = (n: number) =>
        `subscription { tripEvents { ${Array.from({ length: n }, (_, i) => `t${i}: tripId`).join(' ')} } }`;
      const atLimit = await outcome(aliased(MAX_ALIASES));
      expect(atLimit).toEqual({ data: [], errors: [], completed: false });
      const over = await outcome(aliased(MAX_ALIASES + 1));
      expect(over.errors.map(reasonOf)).toEqual(['TOO_MANY_ALIASES']);
      expect(over.errors.map(codeOf)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(over.data).toEqual([]);
    });
  });
});
