import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express from 'express';
import cors from 'cors';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { GraphQLSchema } from 'graphql';
import { allowedOrigins } from './env';
import { createContext, type AppDeps, type Context, type SubscriptionContext } from './context';
import { AppError, ErrorCode, formatError, toAppError } from './shared/errors';
import { costLimitPlugin, depthRule, validateWithLimits } from './shared/limits';
import { logger } from './shared/logger';
import { ScopedTransaction, withScope } from './modules/tenancy/tenancy';
import { pendingMigrations } from './db/database';

export interface HttpApp {
  server: http.Server;
  listen: (port: number, host: string) => Promise<number>;
  close: () => Promise<void>;
}

/** Ends each operation's transaction: commit when it answered without errors, roll back otherwise. */
const transactionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, errors }) {
        const body = response.body;
        const failed = (errors?.length ?? 0) > 0 || (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
        if (failed) {
          await contextValue.tx.rollback();
          return;
        }
        try {
          await contextValue.tx.commit();
        } catch (error) {
          const mapped = toAppError(error);
          if (body.kind === 'single') {
            body.singleResult = { errors: [{ message: mapped.message, extensions: mapped.extensions }] };
          }
        }
      },
    };
  },
};

export async function createHttpApp(deps: AppDeps, schema: GraphQLSchema): Promise<HttpApp> {
  const app = express();
  const server = http.createServer(app);
  const { env } = deps;
  const origins = allowedOrigins(env);
  // Non-browser clients send no Origin; browsers always do, and only ours may open a socket.
  const originAllowed = (origin: string | undefined): boolean => origin === undefined || origins.includes(origin);

  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: env.MAX_BODY_BYTES,
    verifyClient: ({ origin }: { origin: string | undefined }) => originAllowed(origin),
  });
  const wsServer = useServer<Record<string, unknown> | undefined, { viewerContext?: SubscriptionContext }>(
    {
      schema,
      validate: validateWithLimits(env.MAX_QUERY_DEPTH),
      connectionInitWaitTimeout: 5000,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const userId = await deps.tokens.verify(typeof token === 'string' ? token : null);
        const tx = await withScope(deps.dataSource, userId, deps.provinces.records, async (t) => t);
        ctx.extra.viewerContext = { requestId: randomUUID(), deps, viewer: tx.viewer, scope: tx.scope };
        return true;
      },
      context: (ctx) => ctx.extra.viewerContext,
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
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
    validationRules: [depthRule(env.MAX_QUERY_DEPTH)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
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
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await pendingMigrations(deps.dataSource);
      if (pending > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: origins, credentials: false }),
    express.json({ limit: env.MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        const userId = await deps.tokens.verify(req.headers.authorization);
        let tx: ScopedTransaction;
        try {
          tx = await ScopedTransaction.open(deps.dataSource, userId, deps.provinces.records);
        } catch (error) {
          const mapped = toAppError(error);
          throw new AppError(ErrorCode.UNAVAILABLE, mapped.message, { details: { http: { status: 503 } } });
        }
        return createContext(requestId, deps, tx);
      },
    }),
  );

  const indexFile = path.join(env.WEB_DIST, 'index.html');
  if (fs.existsSync(indexFile)) {
    app.use(express.static(env.WEB_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.sendFile(indexFile);
    });
  } else {
    logger.warn({ webDist: env.WEB_DIST }, 'Web app not built: only the API is served');
  }

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
      await apollo.stop();
    },
  };
}
