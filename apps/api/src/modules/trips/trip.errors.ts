import { defineReasons } from '../../shared/errors';

/** The reasons a trip operation is refused; they travel as `extensions.reason`. */
export const TripErrorCode = defineReasons(
  'DATES_INVERTED',
  'OUTSIDE_YEAR',
  'CADRE_EXEMPT',
  'DOUBLE_BOOKING',
  'LATE_REGISTRATION',
  'LATE_JUSTIFICATION_REQUIRED',
  'DESTINATION_INVALID',
  'DESTINATION_NOT_VALID_ON_DATES',
  'HOST_OVERLOAD',
  'TOPIC_OVERLAP',
  'CADRE_INVALID',
  'TOPIC_INVALID',
  'TOPIC_CLOSED',
  'BATCH_INVALID',
  'BATCH_CLOSED',
  // The batch's period (startsOn–endsOn) does not contain the trip's dates.
  'BATCH_OUTSIDE_DATES',
  // Purpose or expected output, on submission: shorter than MIN_CONTENT_LENGTH, or the title again.
  'CONTENT_TOO_SHORT',
  'CONTENT_COPIES_TITLE',
  'INVALID_TRANSITION',
  'VERSION_MISMATCH',
  'REASON_REQUIRED',
  'ACTUAL_DATES_INVALID',
  'REPORT_DETAILS_REQUIRED',
  'MERGE_INVALID',
  'NOT_YOUR_TRIP',
  // A standing-board member deciding a trip they lead or go on, where the year's rule wants another member.
  'OWN_TRIP_DECISION',
);
