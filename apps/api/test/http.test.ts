import { startTestProduct, type TestProduct } from './harness';

interface RawAnswer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(url: string, init: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: RawAnswer['body'] = {};
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    // Not JSON: the assertions on `body` fail and show `text`.
  }
  return { status: res.status, text, body };
}

const postJson = (product: TestProduct, body: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  send(`${product.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const postQuery = (product: TestProduct, query: string, variables?: Record<string, unknown>): Promise<RawAnswer> =>
  postJson(product, JSON.stringify({ query, variables }));

/** A message written for a Vietnamese reader: it carries Vietnamese letters, not English only. */
const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăâêô]/i;

function expectCleanError(answer: RawAnswer, code: string): void {
  expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
  expect(answer.text).not.toMatch(/stacktrace/i);
  expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

/** provinces { successor { successor { … { code } } } }: the leaf sits at depth `levels` + 1. */
const nestedSuccessors = (levels: number): string =>
  `{ provinces { ${'successor { '.repeat(levels)}code${' }'.repeat(levels)} } }`;

/** `count` aliased copies of `provinces { code }`: each costs 2 (one per field). */
const wideProvinces = (count: number): string =>
  `{ ${Array.from({ length: count }, (_, i) => `p${i}: provinces { code }`).join(' ')} }`;

describe('HTTP surface', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct();
  });
  afterAll(() => product.stop());

  it('answers liveness and readiness probes', async () => {
    const health = await send(`${product.url}/healthz`, {});
    expect(health.status).toBe(200);
    const ready = await send(`${product.url}/readyz`, {});
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('answers a GraphQL syntax error with 400, GRAPHQL_PARSE_FAILED, a Vietnamese message and no stack', async () => {
    const answer = await postQuery(product, '{ provinces { code }');
    expect(answer.status).toBe(400);
    expectCleanError(answer, 'GRAPHQL_PARSE_FAILED');
    expect(answer.body.errors?.[0]?.message).toBe('Truy vấn GraphQL sai cú pháp.');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await postQuery(product, '{ provinces { code noSuchField } }');
    expect(answer.status).toBe(400);
    expectCleanError(answer, 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0]?.extensions?.detail).toMatch(/noSuchField/);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const answer = await postQuery(product, 'query ($s: ProvinceStatus) { provinces(status: $s) { code } }', { s: 42 });
    expect(answer.status).toBe(400);
    expectCleanError(answer, 'BAD_USER_INPUT');
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses a query deeper than MAX_QUERY_DEPTH (10) and accepts one at the limit', async () => {
    const atLimit = await postQuery(product, nestedSuccessors(9));
    expect(atLimit.body.errors).toBeUndefined();
    expect(atLimit.status).toBe(200);
    expect((atLimit.body.data as { provinces: unknown[] }).provinces.length).toBeGreaterThan(30);

    const tooDeep = await postQuery(product, nestedSuccessors(10));
    expect(tooDeep.status).toBe(400);
    expectCleanError(tooDeep, 'GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.body.errors?.[0]?.extensions?.detail).toMatch(/depth/);
    expect(tooDeep.body.data).toBeUndefined();
  });

  it('refuses a request body larger than MAX_BODY_BYTES with 413 and a coded JSON error', async () => {
    const padding = 'x'.repeat(product.deps.env.MAX_BODY_BYTES + 10);
    const answer = await postQuery(product, `{ provinces { code } } # ${padding}`);
    expect(answer.status).toBe(413);
    expectCleanError(answer, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON with 400 and a coded JSON error', async () => {
    const answer = await postJson(product, '{"query": "{ provinces { code } }"');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
    expect(answer.text).not.toMatch(/stacktrace|SyntaxError/i);
  });

  it('refuses a GET query a browser could send cross-site (CSRF prevention), and serves it with a preflight header', async () => {
    const url = `${product.url}/graphql?query=${encodeURIComponent('{ provinces { code } }')}`;
    const blocked = await send(url, { method: 'GET' });
    expect(blocked.status).toBe(400);
    expect(blocked.text).not.toMatch(/"provinces"/);
    expect(blocked.text).not.toMatch(/stacktrace/i);

    const allowed = await send(url, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect((allowed.body.data as { provinces: unknown[] }).provinces.length).toBeGreaterThan(30);
  });

  it('refuses batched operations (a JSON array)', async () => {
    const one = { query: '{ provinces { code } }' };
    const answer = await postJson(product, JSON.stringify([one, one]));
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/"provinces"/);
    expect(answer.text).not.toMatch(/stacktrace/i);
  });
});

describe('query cost limit', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ env: { MAX_QUERY_COMPLEXITY: '50' } });
  });
  afterAll(() => product.stop());

  it('accepts a query under the cost limit', async () => {
    const answer = await postQuery(product, wideProvinces(20)); // cost 40
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.data as object)).toHaveLength(20);
  });

  it('refuses a query over the cost limit with reason QUERY_TOO_COMPLEX and runs none of it', async () => {
    const answer = await postQuery(product, wideProvinces(30)); // cost 60
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
      cost: 60,
      maxCost: 50,
    });
    expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.text).not.toMatch(/stacktrace/i);
  });

  // A user's oversized query is their mistake, not a server fault: clients and monitoring must see 4xx.
  it('answers a too-costly query with a client error status (400), not a server error', async () => {
    const answer = await postQuery(product, wideProvinces(30));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
