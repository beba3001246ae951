import { defineReasons } from '../../shared/errors';

/** Why a question about the figures was refused. */
export const ComplianceErrorCode = defineReasons(
  'DATES_INVERTED',
  // More than a year between `from` and `to`.
  'PERIOD_TOO_LONG',
  // A comparison of years backwards or over more than eleven years.
  'YEAR_RANGE_INVALID',
  // A field a live update does not carry (it needs the request's loaders).
  'NOT_IN_LIVE_UPDATE',
);
