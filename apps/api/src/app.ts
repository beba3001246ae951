import http from 'node:http';
import express from 'express';
import cors from 'cors';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { GraphQLSchema } from 'graphql';
import { allowedOrigins } from './env';
import { isOwnOrigin, type TrustProxy } from './shared/origin';
import { createContext, type AppDeps, type Context, type SubscriptionContext } from './context';
import { AppError, ErrorCode, formatError, toAppError } from './shared/errors';
import {
  SocketCounter,
  TOO_MANY_SOCKETS_CLOSE_CODE,
  costLimitPlugin,
  limitRules,
  refuseBatches,
  tooManySocketsReason,
  tooManySubscriptions,
  socketLimits,
} from './shared/limits';
import { createRateLimit } from './shared/rate-limit';
import { logger, type Logger } from './shared/logger';
import { Metrics, metricsEndpoint, typeormPoolStats } from './shared/metrics';
import { OperationObserver, acceptRequestId } from './shared/request-log';
import { ScopedTransaction, withScope } from './modules/tenancy/tenancy';
import { CENTRAL_KEY } from './shared/pubsub';
import { readinessProbe } from './db/database';
import { reportFiles } from './modules/reports/report.files';
import { transferRoutes } from './modules/transfer/transfer.routes';
import { serveWebApp } from './web-assets';

export interface HttpApp {
  server: http.Server;
  listen: (port: number, host: string) => Promise<number>;
  close: () => Promise<void>;
}

/**
 * An operation that failed as a whole because the database could not be reached (it went away mid-way,
 * the pool stayed full, the commit failed) is the service's failure, not the caller's: HTTP 503, which
 * load balancers and clients retry, as when the transaction could not even be opened.
 */
function unavailableAsWhole(response: GraphQLResponse): void {
  const body = response.body;
  if (body.kind !== 'single') return;
  const { data, errors } = body.singleResult;
  if (!errors?.length || !errors.every((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)) return;
  if (data && Object.values(data).some((value) => value !== null)) return;
  response.http.status = 503;
  response.http.headers.set('retry-after', '2');
}

/** Ends each operation's transaction: commit when it answered without errors, roll back otherwise. */
const transactionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, errors }) {
        const body = response.body;
        const failed = (errors?.length ?? 0) > 0 || (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
        if (failed) {
          // The answer already says what failed; when the connection itself is gone (the database
          // restarted) PostgreSQL has discarded the transaction, and the rollback's own error must not
          // turn that answer into a 500.
          await contextValue.tx.rollback().catch((error: unknown) => logger.warn({ err: error }, 'Rollback failed'));
          unavailableAsWhole(response);
          return;
        }
        try {
          await contextValue.tx.commit();
        } catch (error) {
          const mapped = toAppError(error);
          if (body.kind === 'single') {
            body.singleResult = { errors: [{ message: mapped.message, extensions: mapped.extensions }] };
          }
          unavailableAsWhole(response);
        }
      },
    };
  },
};

/** Each signed-in user's open sockets on this instance. */
class UserSockets {
  private readonly byUser = new Map<string, Set<WebSocket>>();

  add(userId: string, socket: WebSocket): void {
    const held = this.byUser.get(userId) ?? new Set<WebSocket>();
    held.add(socket);
    this.byUser.set(userId, held);
  }

  remove(userId: string, socket: WebSocket): void {
    const held = this.byUser.get(userId);
    held?.delete(socket);
    if (held?.size === 0) this.byUser.delete(userId);
  }

  of(userId: string): WebSocket[] {
    return [...(this.byUser.get(userId) ?? [])];
  }
}

/** "Service restart": the client reconnects, then reloads what it shows. */
const CATCH_UP_CLOSE_CODE = 1012;

/** graphql-ws's Forbidden: the client does not come back with the same token. */
const ACCOUNT_LOCKED_CLOSE_CODE = 4403;

/**
 * A socket's viewer is read when it connects; when the organisation department locks an account,
 * every instance (the event travels through Redis when there are several) closes that user's sockets
 * at once, so no more events reach them.
 */
function closeSocketsOfLockedAccounts(deps: AppDeps, sockets: UserSockets, log: Logger): () => void {
  const iterator = deps.pubsub.subscribe('ACCOUNT_DISABLED', CENTRAL_KEY)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      for (const socket of sockets.of(next.value.userId)) {
        socket.close(ACCOUNT_LOCKED_CLOSE_CODE, 'Tài khoản đã bị khóa.');
      }
      log.info({ userId: next.value.userId }, 'Live connections of a locked account closed');
    }
  })();
  return () => void iterator.return?.();
}

/** TRUST_PROXY as Express takes it: a hop count, or addresses and subnets by name. */
function trustProxy(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** How long in-flight HTTP requests may run after SIGTERM before the server closes anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The HTTP requests being answered, and whether the instance is shutting down. */
class Shutdown {
  draining = false;
  private inFlight = 0;
  private idle: Array<() => void> = [];

  track(res: express.Response): void {
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }
}

export async function createHttpApp(deps: AppDeps, schema: GraphQLSchema, log: Logger = logger): Promise<HttpApp> {
  const app = express();
  const server = http.createServer(app);
  const { env } = deps;
  const origins = allowedOrigins(env);
  if (env.TRUST_PROXY) app.set('trust proxy', trustProxy(env.TRUST_PROXY));
  const trusted: TrustProxy = app.get('trust proxy fn') as TrustProxy;
  // Non-browser clients send no Origin; browsers always do. The app's own address (however it was
  // reached) is always allowed; ALLOWED_ORIGINS only adds other sites (the dev server).
  const originAllowed = (origin: string | undefined, req: http.IncomingMessage): boolean =>
    origin === undefined || origins.includes(origin) || isOwnOrigin(origin, req, trusted);
  const corsFor = (options: cors.CorsOptions = {}) =>
    cors<express.Request>((req, callback) => callback(null, { ...options, origin: originAllowed(req.headers.origin, req) }));
  const queryLimits = { maxDepth: env.MAX_QUERY_DEPTH, maxAliases: env.MAX_ALIASES, maxTokens: env.MAX_TOKENS };
  const sockets = new SocketCounter(env.MAX_SOCKETS_PER_USER);
  /** The request's token verified once, for the rate limit and the request's context alike. */
  const verifyToken: express.RequestHandler = async (req, res, next) => {
    (res.locals as { userId?: string | null }).userId = await deps.tokens.verify(req.headers.authorization);
    next();
  };
  const signedInUser = (req: express.Request): string | null =>
    (req.res?.locals as { userId?: string | null } | undefined)?.userId ?? null;

  const rateLimit = createRateLimit({
    points: env.RATE_LIMIT_POINTS,
    windowSeconds: env.RATE_LIMIT_WINDOW_S,
    maxTokens: env.MAX_TOKENS,
    redisUrl: env.REDIS_URL,
    userOf: (req) => signedInUser(req),
  });

  const shutdown = new Shutdown();
  const liveSockets = new UserSockets();
  const stopClosingLocked = closeSocketsOfLockedAccounts(deps, liveSockets, log);

  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: env.MAX_BODY_BYTES,
    verifyClient: ({ origin, req }: { origin: string | undefined; req: http.IncomingMessage }) =>
      !shutdown.draining && originAllowed(origin, req),
  });
  const metrics = new Metrics({
    pool: typeormPoolStats(deps.dataSource),
    openSockets: () => wss.clients.size,
    eventBus: deps.eventBus.status,
    own: deps.signIns.metrics,
  });
  // Events from other instances may have been lost (Redis went away): every live client reconnects
  // (1012, a code graphql-ws clients retry on) and reloads what it shows from the database.
  const stopCatchUp = deps.eventBus.onGap(() => {
    for (const socket of wss.clients) socket.close(CATCH_UP_CLOSE_CODE, 'Tải lại dữ liệu trực tiếp');
  });
  const observer = new OperationObserver(log, metrics);
  const wsServer = useServer<Record<string, unknown> | undefined, { viewerContext?: SubscriptionContext; socketOf?: string }>(
    {
      schema,
      ...socketLimits(queryLimits),
      connectionInitWaitTimeout: 5000,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const userId = await deps.tokens.verify(typeof token === 'string' ? token : null);
        let tx: ScopedTransaction;
        try {
          tx = await withScope(deps.dataSource, userId, deps.provinces.records, async (t) => t);
        } catch (error) {
          // Database unreachable: 1013 (try again later) makes clients reconnect; a thrown error would
          // close with 4500, which graphql-ws clients treat as fatal and never retry.
          if (toAppError(error).extensions.code !== ErrorCode.UNAVAILABLE) throw error;
          ctx.extra.socket.close(1013, 'Try again later');
          return false;
        }
        // A token whose account is locked or gone: refused (4403), not served as a visitor.
        if (userId && !tx.viewer) return false;
        if (tx.viewer) {
          if (!sockets.tryOpen(tx.viewer.id)) {
            ctx.extra.socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, tooManySocketsReason(sockets.max));
            return false;
          }
          ctx.extra.socketOf = tx.viewer.id;
          liveSockets.add(tx.viewer.id, ctx.extra.socket);
        }
        const requestId = acceptRequestId(ctx.extra.request.headers['x-request-id']);
        ctx.extra.viewerContext = { requestId, deps, viewer: tx.viewer, scope: tx.scope };
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.socketOf) {
          sockets.release(ctx.extra.socketOf);
          liveSockets.remove(ctx.extra.socketOf, ctx.extra.socket);
        }
      },
      context: (ctx) => ctx.extra.viewerContext,
      onSubscribe: (ctx, id) => {
        observer.subscribing(ctx, id);
        // The subscription being started is already counted in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > env.MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [tooManySubscriptions(env.MAX_SUBSCRIPTIONS_PER_SOCKET)];
        }
        return undefined;
      },
      onOperation: (ctx, id, _payload, args, result) => {
        observer.subscribed(ctx, id, ctx.extra.viewerContext, args, result);
      },
      onError: (ctx, id, _payload, errors) => {
        observer.refused(ctx, id, ctx.extra.viewerContext, errors);
      },
      onComplete: (ctx, id) => {
        observer.completed(ctx, id, ctx.extra.viewerContext);
      },
      onNext: (ctx, id, _payload, _args, result) => {
        observer.delivered(ctx, id);
        return result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined;
      },
    },
    wss,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: env.NODE_ENV !== 'production',
    hideSchemaDetailsFromClientErrors: env.NODE_ENV === 'production',
    csrfPrevention: true,
    validationRules: limitRules(queryLimits),
    parseOptions: { maxTokens: env.MAX_TOKENS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No field carries a cache hint; Apollo would otherwise compute a policy for every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsServer.dispose();
            },
          };
        },
      },
      costLimitPlugin(env.MAX_QUERY_COMPLEXITY),
      transactionPlugin,
      observer.plugin,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // From SIGTERM on, every new request is told to go elsewhere (503, connection closed) while the ones
  // already running finish; the load balancer sees /readyz fail and stops sending.
  app.use((_req, res, next) => {
    if (!shutdown.draining) {
      shutdown.track(res);
      next();
      return;
    }
    res.setHeader('connection', 'close');
    res.setHeader('retry-after', '1');
    res.status(503).json({
      errors: [
        { message: 'Máy chủ đang khởi động lại. Vui lòng thử lại sau ít giây.', extensions: { code: ErrorCode.UNAVAILABLE } },
      ],
    });
  });
  const readiness = readinessProbe(deps.dataSource);
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await readiness.pendingMigrations();
      if (pending > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', metricsEndpoint(metrics, env, log));

  app.use(
    '/graphql',
    observer.http,
    corsFor({ credentials: false }),
    express.json({ limit: env.MAX_BODY_BYTES }),
    refuseBatches,
    verifyToken,
    rateLimit.middleware,
    expressMiddleware(apollo, {
      context: observer.context(async ({ req, res }) => {
        const requestId = observer.requestId(res);
        const userId = signedInUser(req);
        let tx: ScopedTransaction;
        try {
          tx = await ScopedTransaction.open(deps.dataSource, userId, deps.provinces.records);
        } catch (error) {
          const mapped = toAppError(error);
          throw new AppError(ErrorCode.UNAVAILABLE, mapped.message, { details: { http: { status: 503 } } });
        }
        // A request refused before execution (no query, a malformed parameter) never reaches the
        // transaction plugin: release its connection once the answer is sent (a no-op otherwise).
        res.once('finish', () => void tx.rollback());
        return createContext(requestId, deps, tx, req.ip ?? req.socket.remoteAddress ?? null);
      }),
    }),
  );

  app.use('/files', reportFiles(deps));
  const transfer = transferRoutes(deps, schema, corsFor({ credentials: false, exposedHeaders: ['Content-Disposition'] }));
  app.use(transfer.router);

  serveWebApp(app, env.WEB_DIST);

  // Body too large, malformed JSON: a coded answer, never a stack.
  app.use(
    (error: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (res.headersSent) return next(error);
      const status = error.status ?? 500;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR;
      const message =
        status === 413
          ? 'Yêu cầu quá lớn.'
          : status < 500
            ? 'Yêu cầu không hợp lệ.'
            : 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.';
      if (status >= 500) logger.error({ err: error }, 'Unhandled HTTP error');
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    },
  );

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await shutdown.drain(SHUTDOWN_GRACE_MS);
      stopClosingLocked();
      stopCatchUp();
      await apollo.stop();
      await readiness.close();
      await transfer.imports.idle();
      await rateLimit.close();
    },
  };
}
