import { defineReasons } from '../../shared/errors';

/** Why the roster refused a cadre or an exemption. */
export const RosterErrorCode = defineReasons(
  'DEPARTMENT_INVALID',
  'CATEGORY_REQUIRED',
  'EXEMPTION_TOO_SHORT',
  // Maternity leave for a cadre the roster does not record as female, without a written reason.
  'MATERNITY_REASON_REQUIRED',
  'EXEMPTION_OVERLAP',
  'DATES_INVERTED',
  'VERSION_MISMATCH',
);
