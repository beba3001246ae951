import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

export interface ApiError {
  message: string;
  code?: string;
  /** The input path of the offending value, e.g. `input.startDate`. */
  field?: string;
  /** The module's own reason, e.g. `LATE_JUSTIFICATION_REQUIRED`. */
  reason?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function firstError(error: unknown): ApiError | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    if (!first) return undefined;
    const ext = first.extensions ?? {};
    return { message: first.message, code: text(ext.code), field: text(ext.field), reason: text(ext.reason) };
  }
  // A non-2xx answer (e.g. 429 from the rate limiter) still carries the GraphQL error body.
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
      const first = body.errors?.[0];
      if (first?.message) {
        const code = first.extensions?.code;
        return { message: first.message, code: typeof code === 'string' ? code : undefined };
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The text to show for a failed operation: the server's own message (written in Vietnamese for
 * users) when it sent one, a translated generic message when the server could not be reached.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  const apiError = firstError(error);
  if (apiError?.message) return apiError.message;
  return ServerError.is(error) ? t('errors.unknown') : t('errors.network');
}

export function errorCode(error: unknown): string | undefined {
  return firstError(error)?.code;
}

/** The first error the API sent, with its code, field and reason; undefined for network failures. */
export function apiError(error: unknown): ApiError | undefined {
  return firstError(error);
}
