import cluster from 'node:cluster';
import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { Kind, getOperationAST, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ErrorCode } from './errors';
import { logger } from './logger';

/** What an operation costs against the rate limit: one point per root field, so aliases count. */
export function rootFieldCount(document: DocumentNode, operationName?: string | null): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 1;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const count = (set: SelectionSetNode, seen: ReadonlySet<string>): number =>
    set.selections.reduce((n, selection) => {
      if (selection.kind === Kind.FIELD) return n + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return n + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return n;
      return n + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return Math.max(1, count(operation.selectionSet, new Set()));
}

/**
 * The costs of the documents seen lately: the web app sends the same few dozen operations all day, so each
 * is parsed here once rather than on every request (GraphQL keeps its own parsed documents the same way).
 */
const KNOWN_COSTS_MAX = 500;
const knownCosts = new Map<string, number>();

function costOf(source: unknown, maxTokens: number): number {
  if (!source || typeof source !== 'object') return 1;
  const { query, operationName } = source as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return 1;
  const name = typeof operationName === 'string' ? operationName : null;
  const key = `${name ?? ''}\n${query}`;
  const known = knownCosts.get(key);
  if (known !== undefined) return known;
  let cost = 1;
  try {
    cost = rootFieldCount(parse(query, { maxTokens }), name);
  } catch {
    // GraphQL refuses it with its own coded error; it still costs one request.
  }
  if (knownCosts.size >= KNOWN_COSTS_MAX) knownCosts.delete(knownCosts.keys().next().value ?? '');
  knownCosts.set(key, cost);
  return cost;
}

/**
 * Where a process keeps its counters: in Redis shared by every instance; without Redis, in the memory of
 * the primary process when this is one of its workers (API_WORKERS > 1: every worker counts together), else
 * in this process's own memory.
 */
export interface LimiterStore {
  limiter: (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
  close: () => void;
}

export function limiterStore(redisUrl: string | undefined, name: string): LimiterStore {
  if (!redisUrl && cluster.isWorker) {
    return { limiter: (options) => new RateLimiterCluster({ ...options, timeoutMs: 3000 }), close: () => undefined };
  }
  if (!redisUrl) return { limiter: (options) => new RateLimiterMemory(options), close: () => undefined };
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (err: Error) => logger.warn({ err }, `${name} store unreachable: counting in memory`));
  return {
    // Redis unreachable: this instance keeps counting on its own rather than letting everything through.
    limiter: (options) =>
      new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }),
    close: () => redis.disconnect(),
  };
}

export interface BackoffPolicy {
  /** Failures allowed before the first wait. */
  free: number;
  /** The first wait; each further failure doubles it, up to maxWaitSeconds. */
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** Failures are forgotten this long after the first of a series. */
  forgetAfterSeconds: number;
}

/**
 * Failures counted per key; past the free ones, the key gets one try per wait, and each failed try doubles
 * the wait. An attempt counts as a failure from the moment it is let in (so a burst of simultaneous tries
 * gets no more than a series of slow ones) until the caller says it succeeded.
 */
export class Backoff {
  private readonly failures: RateLimiterAbstract;
  private readonly turns: RateLimiterAbstract;

  constructor(
    store: LimiterStore,
    name: string,
    private readonly policy: BackoffPolicy,
  ) {
    this.failures = store.limiter({ keyPrefix: `${name}:failures`, points: policy.free, duration: policy.forgetAfterSeconds });
    this.turns = store.limiter({ keyPrefix: `${name}:turn`, points: 1, duration: policy.maxWaitSeconds });
  }

  /** Seconds before the key may try again (0: it may now), without counting anything. */
  async waitSeconds(key: string): Promise<number> {
    const turn = await this.turns.get(key);
    // A turn taken opens a window in which the key gets no other.
    return turn && turn.consumedPoints >= 1 && turn.msBeforeNext > 0 ? secondsOf(turn.msBeforeNext) : 0;
  }

  /** Lets an attempt in (0) or says how many seconds to wait; an attempt let in counts as a failure. */
  async attempt(key: string): Promise<number> {
    const { consumedPoints } = await this.failures.penalty(key);
    if (consumedPoints < this.policy.free) return 0;
    const wait = Math.min(this.policy.maxWaitSeconds, this.policy.firstWaitSeconds * 2 ** (consumedPoints - this.policy.free));
    try {
      await this.turns.consume(key, 1, { customDuration: wait });
      return 0;
    } catch (refusal) {
      await this.failures.reward(key);
      if (refusal instanceof RateLimiterRes) return secondsOf(refusal.msBeforeNext);
      throw refusal;
    }
  }

  /** An attempt let in succeeded: it no longer counts as a failure. */
  async refund(key: string): Promise<void> {
    await this.failures.reward(key);
  }

  /** Starts the key afresh: no failures, no wait. */
  async forget(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.turns.delete(key)]);
  }
}

const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export interface RateLimitOptions {
  points: number;
  windowSeconds: number;
  maxTokens: number;
  /** Set when several instances run: they then share one budget per user. */
  redisUrl?: string;
  /** The user id the request's token names, or null (verified once per request, before the limit). */
  userOf: (req: Request) => string | null;
}

export interface RateLimit {
  middleware: RequestHandler;
  close: () => Promise<void>;
}

/**
 * Per-user (per client IP for anonymous requests) budget of operations. A refused request gets 429 with
 * Retry-After before anything runs: no transaction is opened, no resolver is called.
 */
export function createRateLimit(options: RateLimitOptions): RateLimit {
  const store = limiterStore(options.redisUrl, 'Rate limit');
  const limiter = store.limiter({ points: options.points, duration: options.windowSeconds, keyPrefix: 'coso:rate' });

  const middleware: RequestHandler = async (req, res, next) => {
    const source: unknown = req.method === 'GET' ? req.query : req.body;
    const cost = costOf(source, options.maxTokens);
    const userId = options.userOf(req);
    const key = userId ? `user:${userId}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    try {
      await limiter.consume(key, cost);
      next();
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) {
        logger.error({ err: refusal }, 'Rate limiter failed');
        next();
        return;
      }
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      res.set('Retry-After', String(seconds));
      res.status(429).json({
        errors: [
          {
            message: `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${seconds} giây.`,
            extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: seconds, cost, limit: options.points },
          },
        ],
      });
    }
  };

  return {
    middleware,
    close: async () => {
      store.close();
    },
  };
}
