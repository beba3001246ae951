import { defineReasons } from '../../shared/errors';

/** Why an inspection plan, conclusion or corrective action was refused. */
export const InspectionErrorCode = defineReasons(
  'DATES_INVERTED',
  'OUTSIDE_YEAR',
  'INVALID_TRANSITION',
  'CONCLUSION_EXISTS',
  'VERSION_MISMATCH',
);
