import type { TFunction } from 'i18next';
import type { TripKind, TripState } from '@/gql/graphql';

export const TRIP_KINDS: readonly TripKind[] = ['TOPIC', 'COORDINATION', 'INSPECTION', 'MEETING'];

export const TRIP_STATES: readonly TripState[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'COMPLETED',
  'REPORTED',
  'REPORT_ACCEPTED',
  'CANCELLED',
];

/** antd tag colours: waiting in gold, blocked in red, done in green, inert in grey. */
export const STATE_COLOR: Record<TripState, string> = {
  DRAFT: 'default',
  SUBMITTED: 'gold',
  RETURNED: 'orange',
  APPROVED: 'blue',
  REJECTED: 'red',
  COMPLETED: 'cyan',
  REPORTED: 'purple',
  REPORT_ACCEPTED: 'green',
  CANCELLED: 'default',
};

/** States in which the lead may still change the registration. */

const CHECK_CODES = ['CADRE_EXEMPT', 'DOUBLE_BOOKING', 'LATE_REGISTRATION', 'HOST_OVERLOAD', 'TOPIC_OVERLAP'] as const;
type CheckCode = (typeof CHECK_CODES)[number];

/** A short name for a rule check ("Trùng lịch"), for tags; the check's message says the rest. */
export function checkLabel(code: string, t: TFunction): string {
  return (CHECK_CODES as readonly string[]).includes(code) ? t(`check.${code as CheckCode}`) : code;
}
