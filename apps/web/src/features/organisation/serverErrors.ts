import type { FormInstance } from 'antd';
import { apiError } from '@/shared/apollo/errors';

/**
 * Puts the API's error on the form field its path names (`input.endDate` -> `endDate`) and keeps
 * everything typed. Answers false when the error names no field of this form: the caller shows it
 * above the buttons instead.
 */
export function placeServerError<Values>(
  form: FormInstance<Values>,
  error: unknown,
  fieldOf: (last: string) => string | undefined,
): boolean {
  const problem = apiError(error);
  if (!problem?.field || (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'FORBIDDEN')) return false;
  const last = (problem.field.split('.').at(-1) ?? '').replace(/\[\d+\]$/, '');
  const field = fieldOf(last);
  if (!field) return false;
  // The field may be inside a section rendered only now: place the error once it is mounted.
  setTimeout(() => {
    form.setFields([{ name: field as never, errors: [problem.message] }]);
    form.scrollToField(field, { block: 'center' });
  }, 0);
  return true;
}

/** The path's last part as a field of the form when the form has it. */
export const fieldsNamed =
  (...names: readonly string[]) =>
  (last: string): string | undefined =>
    names.includes(last) ? last : undefined;
