import { randomInt } from 'node:crypto';
import { Role } from '../../shared/access';
import { startTestProduct, TEST_PASSWORD, type GqlResponse, type TestProduct } from '../../../test/harness';
import { sample } from '../../../test/ops/support';
import { REDIS_URL, redisAvailable } from '../../../test/redis';
import { buildCadre, buildUser, provinceIdOf } from '../../../test/factories';

const LOGIN =
  'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role province { code } } } }';
type SignInAnswer = GqlResponse<{ login: { user: { username: string } } }>;

/** A sign-in as it reaches the API through a proxy: from the address the proxy names. */
async function signInTo(product: TestProduct, u: string, p: string, from: string): Promise<SignInAnswer> {
  const res = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: LOGIN, variables: { u, p } }),
  });
  return (await res.json()) as SignInAnswer;
}

const ME = '{ me { username fullName role province { code name unionName predecessors { code } } } }';

describe('sign-in', () => {
  let product: TestProduct;
  let ldg: number;

  // Behind one proxy, as deployed: each attempt says which address it comes from.
  beforeAll(async () => {
    product = await startTestProduct({ env: { TRUST_PROXY: 'loopback' } });
    ldg = await provinceIdOf(product.owner, 'LDG');
  });
  afterAll(() => product.stop());

  let addresses = 0;
  const nextAddress = (): string => {
    addresses += 1;
    return `198.18.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
  };
  const signIn = (u: string, p: string, from: string): Promise<SignInAnswer> => signInTo(product, u, p, from);
  const codeOf = async (answer: Promise<GqlResponse>): Promise<unknown> => (await answer).errors?.[0]?.extensions?.code;
  /** Password verifications at sign-in so far, as /metrics reports them. */
  const checks = async (): Promise<{ account: number; decoy: number }> => {
    const text = await (await fetch(`${product.url}/metrics`)).text();
    return {
      account: sample(text, 'sign_in_password_checks_total', { hash: 'account' }) ?? 0,
      decoy: sample(text, 'sign_in_password_checks_total', { hash: 'decoy' }) ?? 0,
    };
  };

  it('signs in with the right password and returns the viewer with their province', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const data = await product.ok(LOGIN, { u: user.username, p: TEST_PASSWORD });
    expect(data.login.user).toEqual({ username: user.username, role: 'CADRE', province: { code: 'LDG' } });

    const me = await product.ok(ME, {}, data.login.token);
    expect(me.me.province).toEqual({
      code: 'LDG',
      name: 'Lâm Đồng',
      unionName: 'Tỉnh đoàn Lâm Đồng',
      predecessors: expect.arrayContaining([{ code: 'BTN' }, { code: 'DKN' }]),
    });
  });

  it('answers an unknown name, a wrong password and a disabled account alike, after the same one password check', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const disabled = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    await product.owner.query('UPDATE app_user SET active = false WHERE id = $1', [disabled.id]);
    const before = await checks();
    const answers = [
      await signIn(user.username, 'not-the-password', nextAddress()),
      await signIn('nobody.here', 'whatever-123', nextAddress()),
      await signIn(disabled.username, TEST_PASSWORD, nextAddress()),
      await signIn(disabled.username, 'not-the-password', nextAddress()),
    ];
    for (const res of answers) {
      expect(res.data).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({ message: 'Tên đăng nhập hoặc mật khẩu không đúng.', extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
    }
    // One verification each: against the real hash for the active account, a decoy for the others.
    const after = await checks();
    expect(after.account - before.account).toBe(1);
    expect(after.decoy - before.decoy).toBe(3);
    const { rows } = await product.owner.query('SELECT last_sign_in_at FROM app_user WHERE id = ANY($1)', [
      [user.id, disabled.id],
    ]);
    expect(rows.map((r: { last_sign_in_at: Date | null }) => r.last_sign_in_at)).toEqual([null, null]);
  });

  it('holds back an address after five failures on one name, whether or not the name exists, and says how long', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const from = nextAddress();
    for (const name of [user.username, 'no.such.person']) {
      for (let i = 0; i < 5; i += 1) expect(await codeOf(signIn(name, `wrong-${i}`, from))).toBe('UNAUTHENTICATED');
    }
    const before = await checks();
    const known = await signIn(user.username, TEST_PASSWORD, from);
    const unknown = await signIn('no.such.person', TEST_PASSWORD, from);
    for (const res of [known, unknown]) {
      expect(res.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(res.errors?.[0]?.message).toMatch(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
      expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(20);
      expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
    // A held-back attempt checks no password, for a real name as for an unknown one.
    expect(await checks()).toEqual(before);
  });

  it("keeps the owner signing in from elsewhere while an attacker's address is held back", async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const attacker = nextAddress();
    for (let i = 0; i < 6; i += 1) await signIn(user.username, `guess-${i}`, attacker);
    expect(await codeOf(signIn(user.username, TEST_PASSWORD, attacker))).toBe('TOO_MANY_REQUESTS');
    const owner = await signIn(user.username, TEST_PASSWORD, nextAddress());
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.user.username).toBe(user.username);
  });

  it('starts an address afresh on a name once it signs in, and records when', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const from = nextAddress();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 4; i += 1) expect(await codeOf(signIn(user.username, `typo-${i}`, from))).toBe('UNAUTHENTICATED');
      expect((await signIn(user.username, TEST_PASSWORD, from)).errors).toBeUndefined();
    }
    const { rows } = await product.owner.query('SELECT last_sign_in_at FROM app_user WHERE id = $1', [user.id]);
    expect(rows[0].last_sign_in_at).toBeInstanceOf(Date);
  });

  it('holds back an address failing on many names, for every name, while others sign in', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const sprayer = nextAddress();
    const names = Array.from({ length: 100 }, (_, i) => `sprayed.name.${i}`);
    for (let i = 0; i < names.length; i += 10) {
      const codes = await Promise.all(names.slice(i, i + 10).map((name) => codeOf(signIn(name, 'Password1', sprayer))));
      expect(codes).toEqual(Array(10).fill('UNAUTHENTICATED'));
    }
    expect(await codeOf(signIn(user.username, TEST_PASSWORD, sprayer))).toBe('TOO_MANY_REQUESTS');
    expect((await signIn(user.username, TEST_PASSWORD, nextAddress())).errors).toBeUndefined();
  });

  it('holds back a name guessed from many addresses, until the organisation department reopens the account', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const admin = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg });
    const adminToken = await product.login(admin.username);
    for (let i = 0; i < 100; i += 10) {
      const codes = await Promise.all(
        Array.from({ length: 10 }, (_, j) => codeOf(signIn(user.username, `botnet-${i + j}`, nextAddress()))),
      );
      expect(codes).toEqual(Array(10).fill('UNAUTHENTICATED'));
    }
    expect(await codeOf(signIn(user.username, TEST_PASSWORD, nextAddress()))).toBe('TOO_MANY_REQUESTS');

    const SET = 'mutation ($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) { active } }';
    await product.ok(SET, { id: user.id, active: false }, adminToken);
    await product.ok(SET, { id: user.id, active: true }, adminToken);
    expect((await signIn(user.username, TEST_PASSWORD, nextAddress())).errors).toBeUndefined();
  });

  it('refuses protected fields without a token, with a forged token, and for a deactivated account', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const token = await product.login(user.username);
    const forged = `${token.slice(0, -4)}AAAA`;
    for (const t of [undefined, 'garbage', forged]) {
      const res = await product.gql(ME, {}, t);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.message).toBe('Bạn cần đăng nhập để tiếp tục.');
    }
    await product.owner.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
    const res = await product.gql(ME, {}, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reads the account and sets its scope in one round trip, and a moved account never keeps its old scope', async () => {
    const hni = await provinceIdOf(product.owner, 'HNI');
    const user = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg });
    const there = await buildCadre(product.owner, { provinceId: hni });
    const token = await product.login(user.username);
    const CADRES = '{ cadres(first: 100) { nodes { id } } }';
    await product.ok(CADRES, {}, token);

    product.statements.length = 0;
    const before = await product.ok<{ cadres: { nodes: Array<{ id: string }> } }>(CADRES, {}, token);
    expect(before.cadres.nodes.map((c) => c.id)).not.toContain(there.id);
    const scoping = product.statements.filter((s) => s.includes('app.read_provinces') || s.includes('FROM app_user'));
    expect(scoping).toHaveLength(1);

    // The organisation department of Hà Nội now: the scope follows the row, not what was seen before.
    await product.owner.query('UPDATE app_user SET province_id = $2 WHERE id = $1', [user.id, hni]);
    product.statements.length = 0;
    const after = await product.ok<{ cadres: { nodes: Array<{ id: string }> } }>(CADRES, {}, token);
    expect(after.cadres.nodes.map((c) => c.id)).toContain(there.id);
    expect(product.statements.filter((s) => s.includes('app.read_provinces'))).toHaveLength(2);
  });

  it('lets a central user in without a province', async () => {
    const central = await buildUser(product.owner, { role: Role.CENTRAL });
    const me = await product.ok(ME, {}, await product.login(central.username));
    expect(me.me).toMatchObject({ role: 'CENTRAL', province: null });
  });

  it('never lets the API role read password hashes', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    await product.login(user.username);
    await expect(
      product.deps.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('app.read_provinces', $1, true)`, [`{${ldg}}`]);
        return m.query('SELECT password_hash FROM app_user');
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('sign-in throttle across instances (Redis)', () => {
  let a: TestProduct | undefined;
  let b: TestProduct | undefined;

  beforeAll(async () => {
    if (!(await redisAvailable('the shared sign-in throttle test'))) return;
    const env = { REDIS_URL, TRUST_PROXY: 'loopback' };
    a = await startTestProduct({ env });
    b = await startTestProduct({ env, sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('holds an address back on every instance, and lets the owner in from elsewhere', async () => {
    if (!a || !b) return;
    const user = await buildUser(a.owner, { role: Role.CADRE, provinceId: await provinceIdOf(a.owner, 'LDG') });
    // Counts live in Redis for an hour: an address of this run's own.
    const attacker = `198.19.${randomInt(256)}.${randomInt(1, 255)}`;
    for (let i = 0; i < 5; i += 1) {
      const res = await signInTo(i % 2 ? a : b, user.username, `guess-${i}`, attacker);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const instance of [a, b]) {
      const res = await signInTo(instance, user.username, TEST_PASSWORD, attacker);
      expect(res.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    }
    expect(
      (await signInTo(b, user.username, TEST_PASSWORD, `198.19.${randomInt(256)}.${randomInt(1, 255)}`)).errors,
    ).toBeUndefined();
  });
});
