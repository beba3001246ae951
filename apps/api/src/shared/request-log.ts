import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { Role } from './access';
import type { Logger } from './logger';
import type { Metrics, OperationType } from './metrics';

/** The parts of a request's context an operation's log line reads. */
export interface ObservedContext {
  requestId: string;
  viewer: { id: string; role: Role; provinceId: number | null } | null;
  scope: { readable: number[] };
}

interface HttpOperation {
  requestId: string;
  startedAt: number;
  bodyOperationName?: string;
  context?: ObservedContext;
  failure?: unknown;
  operationName?: string | null;
  type?: OperationType;
  response?: GraphQLResponse;
}

interface WsOperation {
  startedAt: number;
  operationName: string | null;
  type: OperationType;
  deliveries: number;
}

/** A caller's request id is kept when it is a plain token; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export const acceptRequestId = (raw: unknown): string => (typeof raw === 'string' && REQUEST_ID.test(raw) ? raw : randomUUID());

const STATE = Symbol('operation');
const REFUSED_CODES: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' };
type ObservedResponse = Response & { [STATE]?: HttpOperation };

const codesOf = (errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): string[] =>
  (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));

/** Who asked: never a token, a password or a variable. */
function viewerFields(context: ObservedContext | undefined): Record<string, unknown> {
  const viewer = context?.viewer ?? null;
  return {
    userId: viewer?.id ?? null,
    role: viewer?.role ?? null,
    provinceId: viewer?.provinceId ?? null,
    provinces: viewer?.role === Role.CENTRAL ? 'ALL' : (context?.scope.readable ?? []),
  };
}

/**
 * One log line and one set of metrics per GraphQL operation: over HTTP when the answer has been sent
 * (after the transaction committed, so a failed commit is counted as what the client got), over
 * WebSocket when a subscription starts and when it ends.
 */
export class OperationObserver {
  private readonly bySocket = new WeakMap<object, Map<string, WsOperation>>();

  constructor(
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Before the GraphQL handler: the request id (echoed as `x-request-id`) and the start time. */
  readonly http: RequestHandler = (req: Request, res: ObservedResponse, next: NextFunction) => {
    const state: HttpOperation = { requestId: acceptRequestId(req.get('x-request-id')), startedAt: performance.now() };
    res[STATE] = state;
    res.setHeader('x-request-id', state.requestId);
    res.once('close', () => this.finishHttp(state, req, res));
    next();
  };

  requestId(res: Response): string {
    return (res as ObservedResponse)[STATE]?.requestId ?? randomUUID();
  }

  /** Wraps the context function: remembers the context, or why it could not be made. */
  context<A extends { req: Request; res: Response }, C extends ObservedContext>(
    make: (args: A) => Promise<C>,
  ): (args: A) => Promise<C> {
    return async (args) => {
      const state = (args.res as ObservedResponse)[STATE];
      try {
        const context = await make(args);
        if (state) {
          state.context = context;
          // Apollo hands plugins a shallow copy of the context; an enumerable own symbol survives the copy.
          Object.defineProperty(context, STATE, { value: state, enumerable: true });
        }
        return context;
      } catch (error) {
        if (state) {
          state.failure = error;
          const body = args.req.body as { operationName?: unknown } | undefined;
          if (typeof body?.operationName === 'string') state.bodyOperationName = body.operationName;
        }
        throw error;
      }
    };
  }

  readonly plugin: ApolloServerPlugin<ObservedContext> = {
    requestDidStart: async ({ contextValue }) => {
      const state = (contextValue as { [STATE]?: HttpOperation })[STATE];
      if (!state) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          state.operationName = operationName;
          state.type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          state.response = response;
        },
      };
    },
  };

  private finishHttp(state: HttpOperation, req: Request, res: Response): void {
    const refused = !state.context && !state.failure;
    if (refused && (req.method === 'OPTIONS' || res.statusCode < 400)) return; // a preflight, not an operation
    const durationMs = performance.now() - state.startedAt;
    const body = state.response?.body;
    let errorCodes: string[];
    if (refused) {
      // Turned away before GraphQL saw it (too large, malformed, over the rate limit).
      errorCodes = [REFUSED_CODES[res.statusCode] ?? 'BAD_REQUEST'];
    } else if (state.failure) {
      const code = (state.failure as Partial<GraphQLError>).extensions?.code;
      errorCodes = [typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR'];
    } else if (body?.kind === 'single') {
      errorCodes = codesOf(body.singleResult.errors);
    } else {
      errorCodes = res.statusCode >= 400 ? ['BAD_REQUEST'] : [];
    }
    const resolved = state.type !== undefined;
    const type = state.type ?? 'unknown';
    const operationName = state.operationName ?? state.bodyOperationName ?? null;
    this.metrics.observeOperation(this.metrics.operationLabel(operationName, resolved), type, durationMs / 1000, errorCodes);
    const fields = {
      requestId: state.requestId,
      transport: 'http',
      operationName,
      operationType: type,
      ...viewerFields(state.context),
      durationMs: Math.round(durationMs * 10) / 10,
      status: res.statusCode,
      aborted: !res.writableFinished || undefined,
      errorCodes,
      userAgent: req.get('user-agent'),
    };
    if (errorCodes.includes('INTERNAL_SERVER_ERROR')) this.log.error(fields, 'graphql operation');
    else this.log.info(fields, 'graphql operation');
  }

  /** graphql-ws `onSubscribe`: the clock starts. */
  subscribing(socket: object, id: string): void {
    const operations = this.bySocket.get(socket) ?? new Map<string, WsOperation>();
    this.bySocket.set(socket, operations);
    operations.set(id, { startedAt: performance.now(), operationName: null, type: 'unknown', deliveries: 0 });
  }

  /** graphql-ws `onOperation`: the subscription is set up (or refused by its resolver). */
  subscribed(
    socket: object,
    id: string,
    context: ObservedContext | undefined,
    args: { document: DocumentNode; operationName?: string | null },
    result: unknown,
  ): void {
    const state = this.bySocket.get(socket)?.get(id);
    if (!state) return;
    const operation = getOperationAST(args.document, args.operationName);
    state.operationName = operation?.name?.value ?? null;
    state.type = operation?.operation ?? 'unknown';
    const errorCodes = codesOf((result as ExecutionResult | undefined)?.errors);
    const durationMs = performance.now() - state.startedAt;
    this.metrics.observeOperation(
      this.metrics.operationLabel(state.operationName, true),
      state.type,
      durationMs / 1000,
      errorCodes,
    );
    this.log.info(
      {
        requestId: context?.requestId,
        transport: 'ws',
        subscriptionId: id,
        operationName: state.operationName,
        operationType: state.type,
        ...viewerFields(context),
        durationMs: Math.round(durationMs * 10) / 10,
        errorCodes,
      },
      'graphql subscription started',
    );
  }

  /** graphql-ws `onError`: refused before execution (validation) or failed while running. */
  refused(socket: object, id: string, context: ObservedContext | undefined, errors: readonly GraphQLError[]): void {
    this.bySocket.get(socket)?.delete(id);
    const errorCodes = errors.map((e) =>
      typeof e.extensions?.code === 'string' ? e.extensions.code : 'GRAPHQL_VALIDATION_FAILED',
    );
    this.metrics.countErrors(errorCodes);
    this.log.info(
      { requestId: context?.requestId, transport: 'ws', subscriptionId: id, ...viewerFields(context), errorCodes },
      'graphql subscription failed',
    );
  }

  /** graphql-ws `onNext`: one event delivered. */
  delivered(socket: object, id: string): void {
    const state = this.bySocket.get(socket)?.get(id);
    if (state) state.deliveries += 1;
    this.metrics.countDelivery(this.metrics.operationLabel(state?.operationName, state !== undefined));
  }

  /** graphql-ws `onComplete`: the client or the server ended it (a closed socket ends them all). */
  completed(socket: object, id: string, context: ObservedContext | undefined): void {
    const operations = this.bySocket.get(socket);
    const state = operations?.get(id);
    if (!state) return;
    operations?.delete(id);
    this.log.info(
      {
        requestId: context?.requestId,
        transport: 'ws',
        subscriptionId: id,
        operationName: state.operationName,
        operationType: state.type,
        ...viewerFields(context),
        durationMs: Math.round(performance.now() - state.startedAt),
        deliveries: state.deliveries,
      },
      'graphql subscription ended',
    );
  }
}
