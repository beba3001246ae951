import { Role } from '../../src/shared/access';
import { startTestProduct, type TestProduct } from '../harness';
import { buildUnit, buildUser, provinceIdOf } from '../factories';
import { REDIS_URL, redisAvailable } from '../redis';
import { expectRefusal, post, postBody, sleep, type RawAnswer } from './support';

const POINTS = 20;

/** `n` aliased copies of one root field: the operation costs n points. */
const wide = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: ${field}`).join(' ')} }`;

function expectRateLimited(answer: RawAnswer, windowSeconds: number): void {
  expectRefusal(answer, 429, 'RATE_LIMITED');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(answer.body.errors?.[0]?.extensions?.retryAfter).toBe(retryAfter);
}

describe('per-user rate limit (in memory)', () => {
  let product: TestProduct;
  let provinceId: number;
  let parentId: string;
  /** A token without a login request: logins are anonymous and would spend the client IP's budget. */
  const tokenOf = async (role: Role): Promise<string> =>
    product.deps.tokens.sign((await buildUser(product.owner, { role, provinceId })).id);
  const unitCount = async (): Promise<number> =>
    (await product.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM unit WHERE province_id = $1', [provinceId])).rows[0]
      .n;
  let made = 0;
  const createUnits = (n: number) =>
    `mutation { ${Array.from(
      { length: n },
      (_, i) =>
        `u${i}: createUnit(input: { kind: COMMUNE_UNION, parentId: "${parentId}", name: "Đoàn xã Nhịp ${++made}", validFrom: "2026-01-01" }) { id }`,
    ).join(' ')} }`;

  beforeAll(async () => {
    product = await startTestProduct({ env: { RATE_LIMIT_POINTS: String(POINTS), RATE_LIMIT_WINDOW_S: '60' } });
    provinceId = await provinceIdOf(product.owner, 'HNI');
    parentId = (await buildUnit(product.owner, { provinceId, kind: 'PROVINCIAL_AGENCY', name: 'Tỉnh đoàn' })).id;
  });
  afterAll(() => product.stop());

  it(`serves ${POINTS} operations of a user, refuses the next with 429 and Retry-After, and runs nothing`, async () => {
    const admin = await tokenOf(Role.PROVINCE_ADMIN);
    for (let i = 0; i < POINTS; i += 1) {
      const answer = await post(product, '{ me { id } }', {}, admin);
      expect({ i, status: answer.status, errors: answer.body.errors }).toEqual({ i, status: 200, errors: undefined });
    }
    const before = await unitCount();
    expectRateLimited(await post(product, createUnits(1), {}, admin), 60);
    expect(await unitCount()).toBe(before);

    // Another user of the same client IP keeps their own budget.
    const other = await tokenOf(Role.PROVINCE_ADMIN);
    expect((await post(product, '{ me { id } }', {}, other)).status).toBe(200);
  });

  it(`counts aliases: ${POINTS} aliased root fields spend the whole budget`, async () => {
    const board = await tokenOf(Role.STANDING_BOARD);
    const full = await post(product, wide(POINTS, 'provinces { code }'), {}, board);
    expect(full.body.errors).toBeUndefined();
    expect(Object.keys(full.body.data as object)).toHaveLength(POINTS);
    expectRateLimited(await post(product, '{ me { id } }', {}, board), 60);
  });

  it(`runs a mutation of ${POINTS} aliased root fields, refuses one of ${POINTS + 1} outright and writes none of it`, async () => {
    const before = await unitCount();
    const refused = await post(product, createUnits(POINTS + 1), {}, await tokenOf(Role.PROVINCE_ADMIN));
    expectRateLimited(refused, 60);
    expect(refused.body.errors?.[0]?.extensions?.cost).toBe(POINTS + 1);
    expect(await unitCount()).toBe(before);

    const served = await post(product, createUnits(POINTS), {}, await tokenOf(Role.PROVINCE_ADMIN));
    expect(served.body.errors).toBeUndefined();
    expect(await unitCount()).toBe(before + POINTS);
  });

  it('counts fields spread from fragments at the root', async () => {
    const board = await tokenOf(Role.STANDING_BOARD);
    const query = `query { ...A ...A2 } fragment A on Query { ${wide(POINTS / 2, 'provinces { code }').slice(1, -1)} } fragment A2 on Query { ${wide(
      POINTS / 2,
      'me { id }',
    )
      .slice(1, -1)
      .replace(/f(\d+):/g, 'g$1:')} }`;
    expect((await post(product, query, {}, board)).status).toBe(200);
    expectRateLimited(await post(product, '{ me { id } }', {}, board), 60);
  });

  it('counts anonymous requests by client IP', async () => {
    const admin = await tokenOf(Role.PROVINCE_ADMIN);
    let served = 0;
    let answer = await post(product, '{ provinces { code } }');
    while (answer.status === 200 && served <= POINTS) {
      served += 1;
      answer = await post(product, '{ provinces { code } }');
    }
    // The IP's budget may already be partly spent by earlier anonymous requests of this file.
    expect(served).toBeLessThanOrEqual(POINTS);
    expectRateLimited(answer, 60);
    // A signed-in user on the same IP is counted on their own.
    expect((await post(product, '{ me { id } }', {}, admin)).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const behindProxy = await startTestProduct({ env: { RATE_LIMIT_POINTS: '2', TRUST_PROXY: 'loopback' } });
    try {
      const from = (ip: string) =>
        postBody(behindProxy, JSON.stringify({ query: '{ provinces { code } }' }), undefined, { 'x-forwarded-for': ip });
      // Two clients behind the proxy, each with a budget of its own.
      for (let i = 0; i < 2; i += 1) expect((await from('203.0.113.7')).status).toBe(200);
      expectRateLimited(await from('203.0.113.7'), 60);
      expect((await from('198.51.100.20')).status).toBe(200);
    } finally {
      await behindProxy.stop();
    }
    // Without TRUST_PROXY the header is the client's word: one budget for the socket's address.
    const direct = await startTestProduct({ env: { RATE_LIMIT_POINTS: '2' } });
    try {
      const from = (ip: string) =>
        postBody(direct, JSON.stringify({ query: '{ provinces { code } }' }), undefined, { 'x-forwarded-for': ip });
      expect((await from('203.0.113.7')).status).toBe(200);
      expect((await from('198.51.100.20')).status).toBe(200);
      expectRateLimited(await from('192.0.2.1'), 60);
    } finally {
      await direct.stop();
    }
  });

  it('keeps throttling failed sign-ins per address and name (TOO_MANY_REQUESTS) below the rate limit', async () => {
    const local = await startTestProduct({ env: { RATE_LIMIT_POINTS: '100' } });
    try {
      const user = await buildUser(local.owner, { role: Role.STANDING_BOARD, provinceId });
      const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
      const codes: unknown[] = [];
      for (let i = 0; i < 12; i += 1) {
        codes.push((await post(local, LOGIN, { u: user.username, p: 'wrong-password' })).body.errors?.[0]?.extensions?.code);
      }
      expect(codes).toContain('TOO_MANY_REQUESTS');
      expect(codes).not.toContain('RATE_LIMITED');
    } finally {
      await local.stop();
    }
  });
});

describe('the window', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ env: { RATE_LIMIT_POINTS: '3', RATE_LIMIT_WINDOW_S: '2' } });
  });
  afterAll(() => product.stop());

  it('serves the user again once Retry-After has passed', async () => {
    const provinceId = await provinceIdOf(product.owner, 'DNG');
    const token = await product.deps.tokens.sign((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId })).id);
    for (let i = 0; i < 3; i += 1) expect((await post(product, '{ me { id } }', {}, token)).status).toBe(200);
    const refused = await post(product, '{ me { id } }', {}, token);
    expectRateLimited(refused, 2);
    await sleep(Number(refused.headers.get('retry-after')) * 1000 + 100);
    expect((await post(product, '{ me { id } }', {}, token)).status).toBe(200);
  });
});

describe('with Redis, the budget is shared by every instance', () => {
  let a: TestProduct | undefined;
  let b: TestProduct | undefined;

  beforeAll(async () => {
    if (!(await redisAvailable('the shared rate-limit test'))) return;
    const env = { REDIS_URL, RATE_LIMIT_POINTS: String(POINTS), RATE_LIMIT_WINDOW_S: '60' };
    a = await startTestProduct({ env });
    b = await startTestProduct({ env, sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it(`serves ${POINTS} operations across two instances and refuses the next on either`, async () => {
    if (!a || !b) return; // no Redis on this machine (said above; CI fails instead)
    const provinceId = await provinceIdOf(a.owner, 'HNI');
    const token = await a.deps.tokens.sign((await buildUser(a.owner, { role: Role.STANDING_BOARD, provinceId })).id);
    for (let i = 0; i < POINTS; i += 1) {
      expect((await post(i % 2 ? a : b, '{ me { id } }', {}, token)).status).toBe(200);
    }
    expectRateLimited(await post(a, '{ me { id } }', {}, token), 60);
    expectRateLimited(await post(b, '{ me { id } }', {}, token), 60);
  });
});
