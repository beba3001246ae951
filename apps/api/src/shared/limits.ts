import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  visitInParallel,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { AppError, ErrorCode, RequestReason } from './errors';

export interface QueryLimits {
  /** Levels below the root field (the root field is level 0). */
  maxDepth: number;
  maxAliases: number;
  /** Lexical tokens of a document; over HTTP Apollo's parser enforces it (parseOptions), here the socket's. */
  maxTokens?: number;
  maxDirectives?: number;
}

/** Directives are rare in our clients' documents (a few @include); hundreds are only an attack on validation. */
export const DEFAULT_MAX_DIRECTIVES = 50;

const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

/** graphql-armor reports "… limit of N exceeded, found M."; M is what the user is told. */
const foundIn = (error: GraphQLError): number => Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);

/** Refuses an operation nested deeper than `maxDepth` (reason QUERY_TOO_DEEP). */
export const depthRule = (maxDepth: number): ValidationRule =>
  maxDepthRule({
    // graphql-armor counts the root field as level 1; our limit counts it as level 0.
    n: maxDepth + 1,
    // A spread fragment adds no level of its own: the web's component fragments cost nothing.
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(`Truy vấn lồng quá sâu (tối đa ${maxDepth} cấp). Hãy bớt các trường lồng nhau.`, {
            extensions: {
              code: VALIDATION_FAILED,
              reason: RequestReason.QUERY_TOO_DEEP,
              maxDepth,
              depth: foundIn(error) - 1,
              detail: `Operation depth ${foundIn(error) - 1} exceeds the maximum operation depth of ${maxDepth}`,
            },
          }),
        ),
    ],
  });

/**
 * Refuses an operation with more than `maxAliases` aliases, its fragments' included (reason
 * TOO_MANY_ALIASES): aliases let one small request repeat an expensive field many times, which the cost
 * estimate only partly sees.
 */
export const aliasRule = (maxAliases: number): ValidationRule =>
  maxAliasesRule({
    n: maxAliases,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const aliases = foundIn(error);
        context?.reportError(
          new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${aliases}, tối đa ${maxAliases}). Hãy chia nhỏ truy vấn.`, {
            extensions: { code: VALIDATION_FAILED, reason: RequestReason.TOO_MANY_ALIASES, aliases, maxAliases },
          }),
        );
      },
    ],
  });

/** Refuses an operation carrying more than `maxDirectives` directives (reason TOO_MANY_DIRECTIVES). */
export const directiveRule = (maxDirectives: number): ValidationRule =>
  maxDirectivesRule({
    n: maxDirectives,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const directives = foundIn(error);
        context?.reportError(
          new GraphQLError(`Truy vấn dùng quá nhiều chỉ thị (${directives}, tối đa ${maxDirectives}). Hãy chia nhỏ truy vấn.`, {
            extensions: { code: VALIDATION_FAILED, reason: RequestReason.TOO_MANY_DIRECTIVES, directives, maxDirectives },
          }),
        );
      },
    ],
  });

const ownLimitRules = (limits: QueryLimits): ValidationRule[] => [
  depthRule(limits.maxDepth),
  aliasRule(limits.maxAliases),
  directiveRule(limits.maxDirectives ?? DEFAULT_MAX_DIRECTIVES),
];

/**
 * Apollo runs its validation rules in one pass beside GraphQL's own (specifiedRules). The limits only look
 * at a document those rules accept: a fragment cycle, an unknown fragment or a wrong field is answered
 * with GraphQL's own error, and no limit ever walks a document that could loop.
 */
const afterStandardRules =
  (rules: ValidationRule[]): ValidationRule =>
  (context: ValidationContext): ASTVisitor =>
    validate(context.getSchema(), context.getDocument(), specifiedRules).length > 0
      ? {}
      : visitInParallel(rules.map((rule) => rule(context)));

/** Subscriptions are served over WebSocket only: over HTTP one would run its event stream as a query. */
const noSubscriptionOverHttp: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError('Đăng ký theo dõi (subscription) chỉ dùng qua kết nối WebSocket.', {
        nodes: operation,
        extensions: { code: VALIDATION_FAILED, reason: RequestReason.SUBSCRIPTION_OVER_HTTP },
      }),
    );
  },
});

/** Apollo's validationRules (HTTP): depth, aliases and directives after GraphQL's own rules; no subscriptions. */
export const limitRules = (limits: QueryLimits): ValidationRule[] => [
  afterStandardRules(ownLimitRules(limits)),
  noSubscriptionOverHttp,
];

/** One operation a request: a JSON array of operations (batching) is refused before anything runs. */
export const refuseBatches: RequestHandler = (req, res, next) => {
  if (!Array.isArray(req.body)) return next();
  res.status(400).json({
    errors: [
      {
        message: 'Mỗi yêu cầu chỉ được chứa một thao tác GraphQL.',
        extensions: { code: 'BAD_REQUEST', reason: RequestReason.BATCH_NOT_SUPPORTED },
      },
    ],
  });
};

/** A paged list costs its selection once per row it may return. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? Math.max(1, Math.min(args.first, 500)) : undefined;
  return first === undefined ? undefined : 1 + childComplexity * first;
};

/** The estimated cost of an operation: 1 per field, times the page size under a paged list. */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

export function tooCostly(cost: number, max: number): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `Truy vấn quá phức tạp (chi phí ${cost}, tối đa ${max}). Hãy chia nhỏ truy vấn.`,
    {
      reason: RequestReason.QUERY_TOO_COMPLEX,
      details: { cost, maxCost: max, http: { status: 400 } },
    },
  );
}

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, request.operationName);
          } catch {
            // Variables that do not coerce: execution reports them to the user as BAD_USER_INPUT.
            return;
          }
          if (cost > maxCost) throw tooCostly(cost, maxCost);
        },
      };
    },
  };
}

/** A document the socket's parser refused, with the coded error validation will answer with. */
const unparsed = new WeakMap<DocumentNode, GraphQLError>();

function parseRefusal(error: unknown, maxTokens: number): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Document contains more tha[nt] \d+ tokens/.test(message)) {
    return new GraphQLError(`Truy vấn quá dài (hơn ${maxTokens} ký hiệu). Hãy chia nhỏ truy vấn.`, {
      extensions: { code: 'GRAPHQL_PARSE_FAILED', reason: RequestReason.TOO_MANY_TOKENS, maxTokens },
    });
  }
  if (error instanceof RangeError) {
    return new GraphQLError('Truy vấn lồng quá sâu. Hãy bớt các trường lồng nhau.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED', reason: RequestReason.QUERY_TOO_DEEP },
    });
  }
  return new GraphQLError('Truy vấn GraphQL sai cú pháp.', {
    extensions: { code: 'GRAPHQL_PARSE_FAILED', detail: message },
  });
}

/** GraphQL's own validation errors, coded as Apollo's formatError codes them over HTTP. */
const coded = (error: GraphQLError): GraphQLError =>
  new GraphQLError('Truy vấn GraphQL không hợp lệ.', {
    nodes: error.nodes,
    extensions: { code: VALIDATION_FAILED, detail: error.message },
  });

/**
 * graphql-ws's `parse` and `validate`: the same token limit as Apollo's parser, GraphQL's own rules
 * first, then the same limits as over HTTP. graphql-ws closes the socket (4500) on anything its parser
 * throws, so a document that does not parse becomes an empty one whose validation answers with the coded
 * parse error, and the socket stays open.
 */
export function socketLimits(limits: QueryLimits): { parse: typeof parse; validate: typeof validate } {
  const maxTokens = limits.maxTokens ?? Number.POSITIVE_INFINITY;
  return {
    parse: (source, options) => {
      try {
        return parse(source, { ...options, maxTokens: limits.maxTokens });
      } catch (error) {
        const empty: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
        unparsed.set(empty, parseRefusal(error, maxTokens));
        return empty;
      }
    },
    validate: (schema, document) => {
      const refused = unparsed.get(document);
      if (refused) return [refused];
      const standard = validate(schema, document, specifiedRules);
      if (standard.length > 0) return standard.map(coded);
      return validate(schema, document, ownLimitRules(limits));
    },
  };
}

/**
 * Open live sockets per user, counted in this process: with several API instances each one counts its
 * own sockets, so a user may hold up to the cap on every instance.
 */
export class SocketCounter {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for the user; false when they already hold `max` sockets here. */
  tryOpen(userId: string): boolean {
    const held = this.open.get(userId) ?? 0;
    if (held >= this.max) return false;
    this.open.set(userId, held + 1);
    return true;
  }

  release(userId: string): void {
    const held = (this.open.get(userId) ?? 0) - 1;
    if (held > 0) this.open.set(userId, held);
    else this.open.delete(userId);
  }
}

/** graphql-ws close code for a user over MAX_SOCKETS_PER_USER (4xxx: the application's own range). */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;
export const tooManySocketsReason = (max: number): string => `Quá nhiều kết nối trực tiếp (tối đa ${max}).`;

export const tooManySubscriptions = (max: number): AppError =>
  new AppError(ErrorCode.RATE_LIMITED, `Kết nối này đã có quá nhiều đăng ký theo dõi (tối đa ${max}).`, {
    reason: RequestReason.TOO_MANY_SUBSCRIPTIONS,
    details: { maxSubscriptions: max },
  });
