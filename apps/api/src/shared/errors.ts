import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { logger } from './logger';
import { TEXT_RULES } from './text';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'UNAVAILABLE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why an operation was refused, sent as `extensions.reason` beside the code. Only `defineReasons` makes
 * one: a bare string does not compile, so every reason the API sends is declared in a `*.errors.ts`
 * (a module's own, or this file's for the request's shape) and published in the schema's `ErrorReason`.
 */
export type ErrorReason = string & { readonly __errorReason: true };

/** Declares a module's reasons (in its `<module>.errors.ts`); each one's value is its name. */
export function defineReasons<const N extends string>(...names: N[]): { readonly [K in N]: K & ErrorReason } {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in N]: K & ErrorReason };
}

/** Refusals of a request's shape (ids, characters, size of a query), from shared/validation.ts and shared/limits.ts. */
export const RequestReason = defineReasons(
  'INVALID_ID',
  'INVALID_CHARACTERS',
  'INVALID_VALUE',
  'INVALID_DATE',
  'INVALID_CURSOR',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_TOKENS',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_SUBSCRIPTIONS',
  'SUBSCRIPTION_OVER_HTTP',
  'BATCH_NOT_SUPPORTED',
);

export interface AppErrorOptions {
  /** The input path of the offending value, e.g. `input.startDate`. */
  field?: string;
  /** The module's own reason, e.g. `TripErrorCode.DOUBLE_BOOKING`. */
  reason?: ErrorReason;
  details?: Record<string, unknown>;
}

/** An error meant for the user: a code clients can switch on and a message in Vietnamese. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.details ?? {}),
      },
    });
  }
}

export const badInput = (field: string, message: string, reason?: ErrorReason): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field, reason });
export const notFound = (what = 'Đối tượng'): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.'): AppError =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string, reason?: ErrorReason): AppError =>
  new AppError(ErrorCode.CONFLICT, message, { reason });

/** What a signed-out caller is told, over GraphQL and over the file routes alike. */
export const SIGN_IN_REQUIRED = 'Bạn cần đăng nhập để tiếp tục.';
export const signInRequired = (): AppError => new AppError(ErrorCode.UNAUTHENTICATED, SIGN_IN_REQUIRED);

const VALIDATION_MESSAGES: Record<string, string> = {
  isNotEmpty: 'không được để trống',
  isDefined: 'là bắt buộc',
  maxLength: 'quá dài',
  minLength: 'quá ngắn',
  min: 'quá nhỏ',
  max: 'quá lớn',
  isInt: 'phải là số nguyên',
  isPositive: 'phải là số dương',
  isUUID: 'không phải mã hợp lệ',
  isEnum: 'không phải giá trị hợp lệ',
  arrayMinSize: 'cần ít nhất một phần tử',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayUnique: 'có phần tử trùng nhau',
  matches: 'không đúng định dạng',
  isDateString: 'không phải ngày hợp lệ',
};

function flattenValidation(errors: ValidationError[], prefix: string): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((rule) => ({
      field,
      message: `Trường "${field}" ${VALIDATION_MESSAGES[rule] ?? (TEXT_RULES.has(rule) ? e.constraints?.[rule] : undefined) ?? 'không hợp lệ'}.`,
    }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

interface PgError {
  code?: string;
  message?: string;
}

const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '57014', '08000', '08003', '08006', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// After its connection fails, pg refuses further statements ("not queryable") and TypeORM releases the
// request's query runner ("Query runner already released").
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|not queryable|Query runner already released|query runner was already released/i;

/** Maps anything thrown to a coded error; only AppError and GraphQL's own errors keep their text. */
export function toAppError(raw: unknown): GraphQLError {
  if (raw instanceof AppError) return raw;
  if (raw instanceof ArgumentValidationError) {
    const prefix = 'argumentName' in raw && typeof raw.argumentName === 'string' ? raw.argumentName : '';
    const problems = flattenValidation(raw.extensions.validationErrors, prefix);
    const first = problems[0];
    return new AppError(ErrorCode.BAD_USER_INPUT, first?.message ?? 'Dữ liệu không hợp lệ.', {
      field: first?.field,
      details: { problems },
    });
  }
  const pg = (raw ?? {}) as PgError & { driverError?: PgError };
  const code = pg.driverError?.code ?? pg.code;
  const message = String(pg.driverError?.message ?? pg.message ?? '');
  if (code === '23505' || code === '40001' || code === '40P01') {
    return new AppError(ErrorCode.CONFLICT, 'Dữ liệu vừa được người khác thay đổi hoặc đã tồn tại. Vui lòng tải lại.');
  }
  if (code === '42501' || message.includes('row-level security')) {
    return new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền ghi dữ liệu của tỉnh này.');
  }
  if (code === '23503' || code === '23514' || code === '23P01') {
    return new AppError(ErrorCode.BAD_USER_INPUT, 'Dữ liệu không hợp lệ hoặc tham chiếu tới đối tượng không tồn tại.');
  }
  if ((code && (UNAVAILABLE_PG_CODES.has(code) || NETWORK_CODES.has(code))) || UNAVAILABLE_MESSAGES.test(message)) {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.',
    );
  }
  logger.error({ err: raw }, 'Unexpected error');
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.');
}

const GRAPHQL_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Truy vấn GraphQL sai cú pháp.',
  GRAPHQL_VALIDATION_FAILED: 'Truy vấn GraphQL không hợp lệ.',
  BAD_USER_INPUT: 'Giá trị biến không hợp lệ.',
  PERSISTED_QUERY_NOT_FOUND: 'Không tìm thấy truy vấn đã lưu.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Máy chủ không hỗ trợ truy vấn đã lưu.',
  OPERATION_RESOLUTION_FAILURE: 'Không xác định được thao tác cần chạy.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
};

/** Refusals by the request limits (shared/limits.ts): their message is already written for the user. */
const LIMIT_REASONS = new Set<string>([
  RequestReason.QUERY_TOO_DEEP,
  RequestReason.TOO_MANY_ALIASES,
  RequestReason.TOO_MANY_DIRECTIVES,
  RequestReason.SUBSCRIPTION_OVER_HTTP,
]);

/** Apollo's formatError: every error leaves with a code and a Vietnamese message, never a stack. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const apolloCode = formatted.extensions?.code as string | undefined;
  if (
    !(original instanceof AppError) &&
    !(original instanceof ArgumentValidationError) &&
    apolloCode &&
    GRAPHQL_MESSAGES[apolloCode]
  ) {
    const reason = formatted.extensions?.reason;
    if (typeof reason === 'string' && LIMIT_REASONS.has(reason)) {
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, locations: formatted.locations, extensions: { ...extensions, code: apolloCode } };
    }
    // graphql 16 spells it "more that"; later versions "more than".
    const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    if (tokens) {
      return {
        message: `Truy vấn quá dài (hơn ${tokens[1]} ký hiệu). Hãy chia nhỏ truy vấn.`,
        extensions: { code: apolloCode, reason: RequestReason.TOO_MANY_TOKENS, maxTokens: Number(tokens[1]) },
      };
    }
    // Errors from parsing, validation and variable coercion: keep GraphQL's detail for developers.
    const variable = /^Variable "\$(\w+)" got invalid value.*?(?: at "([^"]+)")?;/s.exec(formatted.message);
    const field = variable ? (variable[2] ?? variable[1]) : undefined;
    return {
      message: field ? `Giá trị của "${field}" không hợp lệ.` : GRAPHQL_MESSAGES[apolloCode],
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: apolloCode,
        ...(field ? { field, reason: RequestReason.INVALID_VALUE } : {}),
        detail: formatted.message,
      },
    };
  }
  // Apollo's own refusals of a request's shape that carry an HTTP 4xx but no code (e.g. a persisted
  // query whose hash does not match it): the caller's mistake, not ours.
  const httpStatus = (original instanceof GraphQLError ? original.extensions?.http : undefined) as
    { status?: number } | undefined;
  if (
    original instanceof GraphQLError &&
    !original.extensions?.code &&
    (httpStatus?.status ?? 0) >= 400 &&
    (httpStatus?.status ?? 0) < 500
  ) {
    return { message: GRAPHQL_MESSAGES.BAD_REQUEST, extensions: { code: 'BAD_REQUEST', detail: original.message } };
  }
  const fromLibrary =
    original instanceof GraphQLError &&
    original.extensions?.code &&
    !(original instanceof AppError) &&
    !(original instanceof ArgumentValidationError);
  const mapped = fromLibrary ? fromTypeGraphql(original) : toAppError(original);
  return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
}

function fromTypeGraphql(error: GraphQLError): GraphQLError {
  switch (error.extensions.code) {
    case 'UNAUTHENTICATED':
      return signInRequired();
    case 'FORBIDDEN':
    case 'UNAUTHORIZED':
      return forbidden();
    case 'BAD_USER_INPUT':
      return new AppError(ErrorCode.BAD_USER_INPUT, 'Dữ liệu không hợp lệ.', { details: { detail: error.message } });
    default:
      return toAppError(error);
  }
}
