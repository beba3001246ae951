/** Why the planning module refused an input: `extensions.reason` beside the shared code. */
export enum PlanningErrorCode {
  DATES_INVERTED = 'DATES_INVERTED',
  DEADLINE_AFTER_BATCH = 'DEADLINE_AFTER_BATCH',
  BATCH_EXISTS = 'BATCH_EXISTS',
  BATCH_YEAR_CHANGED = 'BATCH_YEAR_CHANGED',
  DEPARTMENT_INVALID = 'DEPARTMENT_INVALID',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
}
