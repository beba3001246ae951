import { Role } from '../../src/shared/access';
import { startTestProduct, TEST_PASSWORD, type TestProduct } from '../harness';
import { buildUser, provinceIdOf } from '../factories';

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/**
 * A sign-in works on its request's one connection: a rush of them on a pool of 10 waits its turn, and
 * none is turned away because sign-ins hold connections while waiting for others.
 */
describe('many sign-ins at once on a small pool', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ poolSize: 10 });
  });
  afterAll(() => product?.stop());

  it('answers 50 simultaneous sign-ins, right and wrong, each as it should, none UNAVAILABLE', async () => {
    const provinceId = await provinceIdOf(product.owner, 'HNI');
    const accounts = await Promise.all(
      Array.from({ length: 10 }, () => buildUser(product.owner, { role: Role.CADRE, provinceId })),
    );
    // Four right passwords and one wrong per account: an office signing in at the start of the day.
    const attempts = accounts.flatMap((a) => [
      ...Array.from({ length: 4 }, () => ({ username: a.username, password: TEST_PASSWORD, right: true })),
      { username: a.username, password: 'mistyped-password', right: false },
    ]);
    const answers = await Promise.all(
      attempts.map(async (attempt) => {
        const res = await product.gql<{ login: { token: string } | null }>(LOGIN, { u: attempt.username, p: attempt.password });
        return { attempt, res };
      }),
    );
    const codes = answers.map(({ res }) => res.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).not.toContain('UNAVAILABLE');
    for (const { attempt, res } of answers) {
      if (attempt.right) {
        expect(res.errors).toBeUndefined();
        expect(res.data?.login?.token).toEqual(expect.any(String));
      } else {
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
  });
});
