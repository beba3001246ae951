import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(__dirname, '../../..');

const DEV_APP_DB_PASSWORD = 'coso_app_dev';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /**
     * API processes serving the one port (Node's cluster): unset, one per core (one in tests). Live events
     * and rate-limit counters are shared between them (through Redis, else PostgreSQL and the primary process).
     */
    API_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    HOST: z.string().default('0.0.0.0'),
    /** Owner connection: runs migrations and owns the tables. Unset: embedded PostgreSQL. */
    DATABASE_URL: z.string().url().optional(),
    /** The login role the API itself uses; it owns nothing and cannot bypass row-level security. */
    APP_DB_USER: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('coso_app'),
    APP_DB_PASSWORD: z.string().min(8).default(DEV_APP_DB_PASSWORD),
    /**
     * Where the API's own pool connects when it differs from DATABASE_URL's server, e.g. a PgBouncer in
     * transaction mode (credentials are APP_DB_USER/APP_DB_PASSWORD). Migrations always go direct.
     */
    APP_DATABASE_URL: z.string().url().optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Also how long a request waits for a free pooled connection before answering UNAVAILABLE. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
    DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
    EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
    /**
     * Token signing key, 32 characters or more. Required in production and whenever several instances run;
     * unset elsewhere, a random key is made once and kept in DATA_DIR/jwt-secret.
     */
    JWT_SECRET: z.string().min(32).optional(),
    TOKEN_TTL: z.string().default('12h'),
    SEED_DEMO: z.enum(['0', '1']).default('1'),
    DEMO_PASSWORD: z.string().min(6).default('demo1234'),
    /**
     * Other sites' pages allowed to call the API and open its WebSocket. The app's own address, however it
     * is reached (another port, a LAN address, a domain), is always allowed; the default adds the Vite
     * dev server.
     */
    ALLOWED_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
    WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
    /**
     * Which proxies' X-Forwarded-For to believe for the client's address (anonymous rate limits, logs):
     * Express's `trust proxy` — a hop count ("1" behind one reverse proxy), "loopback", subnets. Unset:
     * none, the socket's address counts.
     */
    TRUST_PROXY: z.string().optional(),
    /** Set when several API instances run: subscriptions then travel through Redis. */
    REDIS_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Set: `GET /metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16).optional(),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(10),
    MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).default(20000),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(200_000),
    MAX_ALIASES: z.coerce.number().int().min(0).default(30),
    /** Lexical tokens in one document: parsing stops there, before any work on a huge query. */
    MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
    /** Per user (or per client IP when anonymous): points a window, one point per root field. */
    RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(2000),
    RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).default(60),
    MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(20),
    MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(10),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV !== 'production') return;
    if (!value.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    }
    if (value.APP_DB_PASSWORD === DEV_APP_DB_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['APP_DB_PASSWORD'], message: 'must be set in production' });
    }
  })
  .transform((value) => ({
    ...value,
    API_WORKERS: value.API_WORKERS ?? (value.NODE_ENV === 'test' ? 1 : os.availableParallelism()),
  }));

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();
export const allowedOrigins = (from: Pick<Env, 'ALLOWED_ORIGINS'>): string[] =>
  from.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
