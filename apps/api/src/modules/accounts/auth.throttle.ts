import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Counter, type Metric } from 'prom-client';
import { Backoff, limiterStore, type BackoffPolicy, type LimiterStore } from '../../shared/rate-limit';

/**
 * Failed sign-ins slow down whoever makes them, never the account's owner signing in from elsewhere.
 * Past the free failures, a key gets one try per 30 s, the wait doubling with each further failure:
 * - one address trying one name: 5 free failures, waits up to 15 min, all forgotten when it signs in;
 * - one address trying any names: 100 free failures an hour, waits up to 15 min;
 * - one name from anywhere: 100 free failures an hour, waits up to 5 min: a ceiling against guessing from
 *   many addresses, its waits kept short because they hold the owner back too.
 * Names are counted by their hash whether or not an account has them, so the throttle says nothing about
 * which exist.
 */
const PER_ADDRESS_AND_NAME: BackoffPolicy = {
  free: 5,
  firstWaitSeconds: 30,
  maxWaitSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
};
const PER_ADDRESS: BackoffPolicy = { free: 100, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60, forgetAfterSeconds: 3600 };
const PER_NAME: BackoffPolicy = { free: 100, firstWaitSeconds: 30, maxWaitSeconds: 5 * 60, forgetAfterSeconds: 3600 };

/** How sign-in usernames compare: the way auth_find_user looks them up. */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

const nameKey = (username: string): string => createHash('sha256').update(normalizeUsername(username)).digest('base64url');

/** The address throttled: an IPv4 address, or an IPv6 address's /64 (one subscriber's network). */
export function addressKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return ip;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

type Scope = 'pair' | 'address' | 'name';

/** Throttles failed sign-ins (in memory, or in Redis shared by every instance) and counts them for /metrics. */
export class SignInGuard {
  private readonly store: LimiterStore;
  private readonly backoffs: Record<Scope, Backoff>;
  private readonly outcomes = new Counter({
    name: 'sign_ins_total',
    help: 'Sign-in attempts: success, failure (unknown name, wrong password, disabled account), throttled',
    labelNames: ['outcome'],
    registers: [],
  });
  private readonly checks = new Counter({
    name: 'sign_in_password_checks_total',
    help: 'Password hash verifications at sign-in: against the account, or a decoy where no account can sign in',
    labelNames: ['hash'],
    registers: [],
  });

  constructor(redisUrl?: string) {
    this.store = limiterStore(redisUrl, 'Sign-in throttle');
    this.backoffs = {
      pair: new Backoff(this.store, 'coso:signin:pair', PER_ADDRESS_AND_NAME),
      address: new Backoff(this.store, 'coso:signin:address', PER_ADDRESS),
      name: new Backoff(this.store, 'coso:signin:name', PER_NAME),
    };
  }

  get metrics(): Metric[] {
    return [this.outcomes, this.checks];
  }

  private keys(address: string | null, username: string): Record<Scope, string> {
    const addr = addressKey(address);
    const name = nameKey(username);
    return { pair: `${addr}|${name}`, address: addr, name };
  }

  /**
   * Lets an attempt in (0) or says how many seconds to wait. One let in counts as a failure of its
   * address and name until `succeeded`.
   */
  async admit(address: string | null, username: string): Promise<number> {
    const keys = this.keys(address, username);
    const scopes: Scope[] = ['pair', 'address', 'name'];
    const waits = await Promise.all(scopes.map((s) => this.backoffs[s].waitSeconds(keys[s])));
    let wait = Math.max(...waits);
    // Taking turns in order, and giving back the counts of those taken when a later one refuses.
    const taken: Scope[] = [];
    for (const scope of wait > 0 ? [] : scopes) {
      wait = await this.backoffs[scope].attempt(keys[scope]);
      if (wait > 0) break;
      taken.push(scope);
    }
    if (wait > 0) {
      await Promise.all(taken.map((s) => this.backoffs[s].refund(keys[s])));
      this.outcomes.inc({ outcome: 'throttled' });
    }
    return wait;
  }

  countCheck(hash: 'account' | 'decoy'): void {
    this.checks.inc({ hash });
  }

  failed(): void {
    this.outcomes.inc({ outcome: 'failure' });
  }

  /** This address may try this name afresh; the address's and the name's counts lose this attempt. */
  async succeeded(address: string | null, username: string): Promise<void> {
    const keys = this.keys(address, username);
    await Promise.all([
      this.backoffs.pair.forget(keys.pair),
      this.backoffs.address.refund(keys.address),
      this.backoffs.name.refund(keys.name),
    ]);
    this.outcomes.inc({ outcome: 'success' });
  }

  /** The organisation department reopened the account: its name is no longer held back. */
  async forgetName(username: string): Promise<void> {
    await this.backoffs.name.forget(nameKey(username));
  }

  close(): void {
    this.store.close();
  }
}
