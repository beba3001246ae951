import type { RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { Kind, getOperationAST, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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

function costOf(source: unknown, maxTokens: number): number {
  if (!source || typeof source !== 'object') return 1;
  const { query, operationName } = source as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return 1;
  try {
    return rootFieldCount(parse(query, { maxTokens }), typeof operationName === 'string' ? operationName : null);
  } catch {
    // GraphQL refuses it with its own coded error; it still costs one request.
    return 1;
  }
}

export interface RateLimitOptions {
  points: number;
  windowSeconds: number;
  maxTokens: number;
  /** Set when several instances run: they then share one budget per user. */
  redisUrl?: string;
  /** The user id the request's token names, or null. */
  userOf: (authorization: string | undefined) => Promise<string | null>;
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
  const base = { points: options.points, duration: options.windowSeconds, keyPrefix: 'coso:rate' };
  const memory = new RateLimiterMemory(base);
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract = memory;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (err: Error) => logger.warn({ err }, 'Rate limit store unreachable: counting in memory'));
    // Redis unreachable: this instance keeps counting on its own rather than letting everything through.
    limiter = new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: memory });
  }

  const middleware: RequestHandler = async (req, res, next) => {
    const source: unknown = req.method === 'GET' ? req.query : req.body;
    const cost = costOf(source, options.maxTokens);
    const userId = await options.userOf(req.headers.authorization);
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
      redis?.disconnect();
    },
  };
}
