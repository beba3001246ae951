import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { Role } from '../../shared/access';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildUser, provinceIdOf } from '../../../test/factories';

const ME = '{ me { username } }';
/** The key every installation used to sign with when JWT_SECRET was unset. */
const OLD_BUILT_IN_SECRET = 'dev-only-secret-change-me-in-production-0000';

/** An instance with no JWT_SECRET, keeping its data in `dataDir`. */
const startWithout = (dataDir: string, sameDatabaseAs?: TestProduct): Promise<TestProduct> =>
  startTestProduct({ env: { JWT_SECRET: undefined, DATA_DIR: dataDir }, sameDatabaseAs });

const sign = (secret: string, build: (jwt: SignJWT) => SignJWT): Promise<string> =>
  build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' })).sign(new TextEncoder().encode(secret));

describe('the token signing key when JWT_SECRET is unset', () => {
  const dirs: string[] = [];
  const products: TestProduct[] = [];
  let first: TestProduct;
  let dataDir: string;
  let user: { id: string; username: string };

  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-secret-'));
    dirs.push(dir);
    return path.join(dir, 'data');
  };
  const started = async (product: Promise<TestProduct>): Promise<TestProduct> => {
    products.push(await product);
    return products[products.length - 1];
  };

  beforeAll(async () => {
    dataDir = tempDir();
    first = await started(startWithout(dataDir));
    user = await buildUser(first.owner, { role: Role.CADRE, provinceId: await provinceIdOf(first.owner, 'LDG') });
  });
  afterAll(async () => {
    for (const product of products.reverse()) await product.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is made once, kept in DATA_DIR readable by its owner only, and shared by later starts', async () => {
    const file = path.join(dataDir, 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const token = await first.login(user.username);
    const again = await started(startWithout(dataDir, first));
    expect((await again.ok(ME, {}, token)).me.username).toBe(user.username);
    const back = await again.login(user.username);
    expect((await first.ok(ME, {}, back)).me.username).toBe(user.username);
  });

  it('differs from one installation to the next', async () => {
    const other = await started(startWithout(tempDir(), first));
    const res = await other.gql(ME, {}, await first.login(user.username));
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with the old built-in secret', async () => {
    const forged = await sign(OLD_BUILT_IN_SECRET, (jwt) => jwt.setSubject(user.id).setIssuedAt().setExpirationTime('1h'));
    const res = await first.gql(ME, {}, forged);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token of the right key that never expires, or lacks when it was issued', async () => {
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
    const valid = await sign(secret, (jwt) => jwt.setSubject(user.id).setIssuedAt().setExpirationTime('1h'));
    expect((await first.ok(ME, {}, valid)).me.username).toBe(user.username);
    const forever = await sign(secret, (jwt) => jwt.setSubject(user.id).setIssuedAt());
    const undated = await sign(secret, (jwt) => jwt.setSubject(user.id).setExpirationTime('1h'));
    for (const token of [forever, undated]) {
      const res = await first.gql(ME, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
