import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import i18n, { type TFunction } from 'i18next';

export interface ApiError {
  message: string;
  code?: string;
  /** The input path of the offending value, e.g. `input.startDate`. */
  field?: string;
  /** The module's own reason (the schema's ErrorReason), e.g. `LATE_JUSTIFICATION_REQUIRED`. */
  reason?: string;
  /** The error's other extensions, e.g. `retryAfterSeconds`: the parameters of the reason's text. */
  details: Record<string, unknown>;
}

/** The language the API writes its messages in. */
const SERVER_LANGUAGE = 'vi';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function firstError(error: unknown): ApiError | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    if (!first) return undefined;
    const { code, field, reason, ...details } = first.extensions ?? {};
    return { message: first.message, code: text(code), field: text(field), reason: text(reason), details: { ...details, field } };
  }
  // A non-2xx answer (e.g. 429 from the rate limiter) still carries the GraphQL error body.
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
      const first = body.errors?.[0];
      if (first?.message) {
        const code = first.extensions?.code;
        return { message: first.message, code: typeof code === 'string' ? code : undefined, details: {} };
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The text to show for a failed operation, the one way the app words the API's refusals. In the
 * server's language its own message, which names what it refused (a cadre, a trip); in another
 * language the text for the error's reason (`errors.<REASON>`, with the error's details filled in),
 * else for its code (`errors.code.<CODE>`), else the server's message. A translated generic message
 * when the server could not be reached.
 */
export function errorMessage(error: unknown, t: TFunction = i18n.t.bind(i18n)): string {
  const problem = firstError(error);
  if (problem) return problemText(problem, t);
  return ServerError.is(error) ? t('errors.unknown') : t('errors.network');
}

function problemText(problem: ApiError, t: TFunction): string {
  if (problem.message && i18n.resolvedLanguage === SERVER_LANGUAGE) return problem.message;
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  for (const key of [problem.reason && `errors.${problem.reason}`, problem.code && `errors.code.${problem.code}`]) {
    if (key && i18n.exists(key)) return translate(key, problem.details);
  }
  return problem.message || t('errors.unknown');
}

export function errorCode(error: unknown): string | undefined {
  return firstError(error)?.code;
}

/** The first error the API sent, with its code, field and reason; undefined for network failures. */
export function apiError(error: unknown): ApiError | undefined {
  return firstError(error);
}
