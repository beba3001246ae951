import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

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

/** class-validator on every object argument (as type-graphql would), naming the argument in the path. */
export const validateArgument: ValidatorFn = async (argValue, argType, { info }) => {
  if (argValue === null || typeof argValue !== 'object') return;
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const name = argumentNameOf(info, typeof argType === 'function' ? argType.name : undefined);
  for (const [index, value] of values.entries()) {
    // Lists of scalars (ids, dates) are checked by GraphQL itself.
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      throw new FieldValidationError(errors, Array.isArray(argValue) ? `${name}.${index}` : name);
    }
  }
};
