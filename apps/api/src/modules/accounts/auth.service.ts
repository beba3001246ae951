import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from 'typeorm';
import type { Env } from '../../env';
import { AppError, ErrorCode } from '../../shared/errors';
import { normalizeUsername, type SignInGuard } from './auth.throttle';
import { AccountErrorCode } from './account.errors';

// Argon2id (the library default) with OWASP's minimum parameters.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

const SECRET_FILE = 'jwt-secret';

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

async function readSecret(file: string): Promise<string> {
  const { mode } = await fs.stat(file);
  if (mode & 0o077) throw new Error(`${file} can be read by other users: make it readable by the API's user only (chmod 600)`);
  const secret = (await fs.readFile(file, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: remove it to have a new one made`);
  return secret;
}

/**
 * The key tokens are signed with: JWT_SECRET, or else a random one made on the first start and kept in
 * DATA_DIR/jwt-secret (readable by the API's user only), so tokens outlive restarts. Never a constant
 * written in the code: whoever read it could sign in as anyone. Several instances must share one key,
 * so they set JWT_SECRET.
 */
export async function tokenSecret(env: Pick<Env, 'JWT_SECRET' | 'DATA_DIR'>): Promise<string> {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(env.DATA_DIR, SECRET_FILE);
  try {
    return await readSecret(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await fs.mkdir(env.DATA_DIR, { recursive: true, mode: 0o700 });
  // Written whole to a file of its own, then linked into place: the link fails when another process got
  // there first, so every process starting at once ends up with the same secret and nobody reads half of one.
  const draft = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(draft, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(48).toString('base64url')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(draft, file);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    await fs.unlink(draft);
  }
  return readSecret(file);
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  /** The user id of a valid token; null for a missing, malformed, forged or expired one. */
  async verify(token: string | undefined | null): Promise<string | null> {
    if (!token) return null;
    const raw = token.replace(/^Bearer\s+/i, '').trim();
    if (!raw) return null;
    try {
      const { payload } = await jwtVerify(raw, this.key, { algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] });
      return typeof payload.sub === 'string' && UUID.test(payload.sub) ? payload.sub : null;
    } catch {
      return null;
    }
  }
}

interface FoundUser {
  id: string;
  password_hash: string;
  active: boolean;
}

// A hash of a random password nobody knows: unknown names and disabled accounts are verified against it,
// so every sign-in that gets past the throttle costs the same one verification.
let decoyHash: Promise<string> | undefined;

const tooManyAttempts = (seconds: number): AppError =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, {
    reason: AccountErrorCode.SIGN_IN_THROTTLED,
    details: { retryAfterSeconds: seconds },
  });

/**
 * Checks a username and password on the request's own transaction: an unknown name, a disabled account
 * and a wrong password get the same answer after the same work. Failures are counted by the sign-in
 * guard, not in the database, so a failed sign-in writes nothing; a successful one records its time.
 */
export async function authenticate(
  manager: EntityManager,
  guard: SignInGuard,
  address: string | null,
  username: string,
  password: string,
): Promise<string> {
  const name = normalizeUsername(username);
  const wait = await guard.admit(address, name);
  if (wait > 0) throw tooManyAttempts(wait);
  const rows: FoundUser[] = await manager.query('SELECT * FROM auth_find_user($1)', [name]);
  const account = rows[0]?.active ? rows[0] : undefined;
  guard.countCheck(account ? 'account' : 'decoy');
  decoyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  const hashed = account?.password_hash ?? (await decoyHash);
  const matches = await verify(hashed, password).catch(() => false);
  if (!account || !matches) {
    guard.failed();
    throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
  }
  await guard.succeeded(address, name);
  await manager.query('SELECT auth_record_sign_in($1)', [account.id]);
  return account.id;
}
