import { validate, type ValidationError } from 'class-validator';
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';
import { AppError, ErrorCode, RequestReason } from './errors';
import { controlProblem } from './text';

/** An argument's validation errors, with the argument's name so the user sees `input.title`. */
export class FieldValidationError extends ArgumentValidationError {
  constructor(
    errors: ValidationError[],
    readonly argumentName: string,
  ) {
    super(errors);
  }
}

function argumentNameOf(info: GraphQLResolveInfo, typeName: string | undefined): string {
  const field = info.parentType.getFields()[info.fieldName];
  const arg = field?.args.find((a) => getNamedType(a.type).name === typeName);
  return arg?.name ?? '';
}

/**
 * Every `ID` in this schema is a row's UUID (provinces are `Int`). Checked here, the same way for every
 * argument and input field, so a malformed id is the user's mistake (BAD_USER_INPUT on its path) and
 * never reaches PostgreSQL as a cast error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function inputProblem(type: GraphQLInputType, value: unknown, path: string): AppError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return inputProblem(nullable.ofType, value, path);
    for (const [index, item] of value.entries()) {
      const problem = inputProblem(nullable.ofType, item, `${path}.${index}`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const problem = inputProblem(field.type, (value as Record<string, unknown>)[name], `${path}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isScalarType(nullable) || typeof value !== 'string') return null;
  if (nullable.name === 'ID' && !UUID.test(value)) {
    return new AppError(ErrorCode.BAD_USER_INPUT, `Trường "${path}" không phải mã hợp lệ.`, {
      field: path,
      reason: RequestReason.INVALID_ID,
    });
  }
  const problem = controlProblem(value);
  return problem
    ? new AppError(ErrorCode.BAD_USER_INPUT, `Trường "${path}" ${problem}.`, {
        field: path,
        reason: RequestReason.INVALID_CHARACTERS,
      })
    : null;
}

/** Argument objects already walked: type-graphql calls the validator once per parameter of a resolver. */
const walked = new WeakSet<object>();

/**
 * One check of a field's coerced arguments against the schema's own argument types, before any resolver
 * runs (and after the access check): ids are UUIDs, strings carry no control characters.
 */
function checkArguments(info: GraphQLResolveInfo, args: Record<string, unknown>): void {
  if (walked.has(args)) return;
  walked.add(args);
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field?.args ?? []) {
    const problem = inputProblem(arg.type, args[arg.name], arg.name);
    if (problem) throw problem;
  }
}

/** The edge check above, then class-validator on every object argument, naming the argument in the path. */
export const validateArgument: ValidatorFn = async (argValue, argType, { info, args }) => {
  checkArguments(info, args);
  if (argValue === null || typeof argValue !== 'object') return;
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const name = argumentNameOf(info, typeof argType === 'function' ? argType.name : undefined);
  for (const [index, value] of values.entries()) {
    // Lists of scalars (ids, dates) were checked above.
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      throw new FieldValidationError(errors, Array.isArray(argValue) ? `${name}.${index}` : name);
    }
  }
};
