import depthLimit from 'graphql-depth-limit';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { AppError, ErrorCode } from './errors';

/** Refuses an operation nested deeper than `maxDepth`, with a message for the user (reason QUERY_TOO_DEEP). */
export const depthRule =
  (maxDepth: number): ValidationRule =>
  (context) => {
    const reporting = Object.create(context) as ValidationContext;
    reporting.reportError = (error: GraphQLError) =>
      context.reportError(
        new GraphQLError(`Truy vấn lồng quá sâu (tối đa ${maxDepth} cấp). Hãy bớt các trường lồng nhau.`, {
          nodes: error.nodes,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', maxDepth, detail: error.message },
        }),
      );
    return depthLimit(maxDepth)(reporting);
  };

/**
 * Refuses a document with more than `maxAliases` aliases (reason TOO_MANY_ALIASES): aliases let one small
 * request repeat an expensive field many times, which the cost estimate only partly sees.
 */
export const aliasRule =
  (maxAliases: number): ValidationRule =>
  (context) => ({
    Document: {
      enter(document) {
        let aliases = 0;
        visit(document, {
          Field(field) {
            if (field.alias) aliases += 1;
          },
        });
        if (aliases > maxAliases) {
          context.reportError(
            new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${aliases}, tối đa ${maxAliases}). Hãy chia nhỏ truy vấn.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', aliases, maxAliases },
            }),
          );
        }
        return false;
      },
    },
  });

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
}

export const limitRules = (limits: QueryLimits): ValidationRule[] => [depthRule(limits.maxDepth), aliasRule(limits.maxAliases)];

/** One operation a request: a JSON array of operations (batching) is refused before anything runs. */
export const refuseBatches: RequestHandler = (req, res, next) => {
  if (!Array.isArray(req.body)) return next();
  res.status(400).json({
    errors: [
      {
        message: 'Mỗi yêu cầu chỉ được chứa một thao tác GraphQL.',
        extensions: { code: 'BAD_REQUEST', reason: 'BATCH_NOT_SUPPORTED' },
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
      reason: 'QUERY_TOO_COMPLEX',
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

/** graphql-ws validation: GraphQL's rules plus the depth and alias limits, as over HTTP. */
export function validateWithLimits(limits: QueryLimits): typeof validate {
  return (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules(limits)]);
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
    reason: 'TOO_MANY_SUBSCRIPTIONS',
    details: { maxSubscriptions: max },
  });
