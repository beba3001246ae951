import { defineReasons } from '../../shared/errors';

/** Why the planning module refused an input: `extensions.reason` beside the shared code. */
export const PlanningErrorCode = defineReasons(
  'DATES_INVERTED',
  'DEADLINE_AFTER_BATCH',
  'BATCH_EXISTS',
  'BATCH_YEAR_CHANGED',
  'DEPARTMENT_INVALID',
  'VERSION_MISMATCH',
  // A quarterly plan submitted twice, or decided before it was submitted.
  'INVALID_TRANSITION',
);
