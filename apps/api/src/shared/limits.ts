import depthLimit from 'graphql-depth-limit';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, ErrorCode } from './errors';

export const depthRule = (maxDepth: number): ValidationRule => depthLimit(maxDepth);

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

/** graphql-ws validation: GraphQL's rules plus the depth limit, as over HTTP. */
export function validateWithLimits(maxDepth: number): typeof validate {
  return (schema, document) => validate(schema, document, [...specifiedRules, depthRule(maxDepth)]);
}
