import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify } from 'jose';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../shared/errors';

// Argon2id (the library default) with OWASP's minimum parameters.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

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
      const { payload } = await jwtVerify(raw, this.key, { algorithms: ['HS256'] });
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
  locked_until: Date | null;
}

// Verifying against a real hash even for unknown usernames keeps their answer time the same.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password. Failures are counted on the account through a separate
 * connection, so they persist even though the request itself ends in an error and rolls back.
 */
export async function authenticate(
  manager: EntityManager,
  dataSource: DataSource,
  username: string,
  password: string,
): Promise<string> {
  const rows: FoundUser[] = await manager.query('SELECT * FROM auth_find_user($1)', [username.trim()]);
  const user = rows[0];
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    const seconds = Math.ceil((user.locked_until.getTime() - Date.now()) / 1000);
    throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, {
      details: { retryAfterSeconds: seconds },
    });
  }
  const ok = user.active && (await verify(user.password_hash, password).catch(() => false));
  await dataSource.query('SELECT auth_record_login($1, $2)', [user.id, ok]);
  if (!ok) throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
  return user.id;
}
