import { Role } from '../../shared/access';
import { startTestProduct, TEST_PASSWORD, type TestProduct } from '../../../test/harness';
import { buildUser, provinceIdOf } from '../../../test/factories';

const LOGIN =
  'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role province { code } } } }';
const ME = '{ me { username fullName role province { code name unionName predecessors { code } } } }';

describe('sign-in', () => {
  let product: TestProduct;
  let ldg: number;

  beforeAll(async () => {
    product = await startTestProduct();
    ldg = await provinceIdOf(product.owner, 'LDG');
  });
  afterAll(() => product.stop());

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

  it('answers a wrong password and an unknown user with the same generic error', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    const wrong = await product.gql(LOGIN, { u: user.username, p: 'not-the-password' });
    const unknown = await product.gql(LOGIN, { u: 'nobody.here', p: 'whatever-123' });
    for (const res of [wrong, unknown]) {
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      expect(res.data).toBeNull();
    }
  });

  it('throttles an account after five wrong passwords, even for the right one, and says how long', async () => {
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg });
    for (let i = 0; i < 5; i += 1) {
      const res = await product.gql(LOGIN, { u: user.username, p: `wrong-${i}` });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await product.gql(LOGIN, { u: user.username, p: TEST_PASSWORD });
    expect(locked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.errors?.[0]?.message).toMatch(/thử lại sau \d+ giây/);

    await product.owner.query("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1", [user.id]);
    const after = await product.gql(LOGIN, { u: user.username, p: TEST_PASSWORD });
    expect(after.errors).toBeUndefined();
    const { rows } = await product.owner.query('SELECT failed_logins FROM app_user WHERE id = $1', [user.id]);
    expect(rows[0].failed_logins).toBe(0);
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
