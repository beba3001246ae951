import { defineReasons } from '../../shared/errors';

/** Why the roster refused a cadre or an exemption. */
export const RosterErrorCode = defineReasons(
  'DEPARTMENT_INVALID',
  'CATEGORY_REQUIRED',
  'EXEMPTION_TOO_SHORT',
  'EXEMPTION_OVERLAP',
  'DATES_INVERTED',
  'VERSION_MISMATCH',
);
