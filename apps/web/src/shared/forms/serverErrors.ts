import type { FormInstance } from 'antd';
import { apiError, errorMessage } from '@/shared/apollo/errors';

export type FieldPath = string | ReadonlyArray<string | number>;

/**
 * The API's field path as the form's own: `input.actions.1.dueOn` -> `['actions', 1, 'dueOn']`,
 * `answer` -> `['answer']`.
 */
export function pathOf(field: string): Array<string | number> {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
  if (parts[0] === 'input' && parts.length > 1) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the API's refusal on the field its `extensions.field` names and keeps everything typed.
 * `fieldOf` answers the form's name for an API path, or undefined when the form has no such field;
 * then this answers false and the caller shows the message above the buttons.
 */
export function placeServerError<Values>(
  form: FormInstance<Values>,
  error: unknown,
  fieldOf: (path: Array<string | number>) => FieldPath | undefined,
): boolean {
  const problem = apiError(error);
  if (!problem?.field || (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'FORBIDDEN')) return false;
  const field = fieldOf(pathOf(problem.field));
  if (field === undefined) return false;
  const name = (typeof field === 'string' ? [field] : [...field]) as never;
  // The field may sit in a part of the form rendered only now: place the error once it is mounted.
  setTimeout(() => {
    form.setFields([{ name, errors: [errorMessage(error)] }]);
    form.scrollToField(name, { block: 'center' });
  }, 0);
  return true;
}

/** A `fieldOf` for flat forms: the path's last part when the form has a field of that name. */
export const fieldsNamed =
  (...names: readonly string[]) =>
  (path: Array<string | number>): string | undefined => {
    const last = path.at(-1);
    return typeof last === 'string' && names.includes(last) ? last : undefined;
  };

/** A `fieldOf` from one that looks at the path's last name only (`input.endDate` -> `endDate`). */
export const byLastName =
  (fieldOf: (last: string) => FieldPath | undefined) =>
  (path: Array<string | number>): FieldPath | undefined => {
    const last = path.filter((p): p is string => typeof p === 'string').at(-1);
    return last === undefined ? undefined : fieldOf(last);
  };
