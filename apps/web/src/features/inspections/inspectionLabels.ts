import type { ActionStatus, InspectionRating, InspectionSubject, Role } from '@/gql/graphql';

export const SUBJECTS: readonly InspectionSubject[] = [
  'ORGANISATION',
  'MEMBER_DEVELOPMENT',
  'UNION_FUNDS',
  'ENTRUSTED_LOANS',
  'MOVEMENT',
  'OTHER',
];

export const RATINGS: readonly InspectionRating[] = ['GOOD', 'FAIR', 'AVERAGE', 'WEAK'];

export const RATING_COLOR: Record<InspectionRating, string> = {
  GOOD: 'green',
  FAIR: 'blue',
  AVERAGE: 'gold',
  WEAK: 'red',
};

export const ACTION_COLOR: Record<ActionStatus, string> = {
  OPEN: 'orange',
  DONE: 'blue',
  VERIFIED: 'green',
};

/** The organisation department and the Standing Board plan inspections and verify corrections. */
export const MANAGERS: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD'];

/** Provincial staff: they read the plans and record joining a central or provincial team. */
export const STAFF: readonly Role[] = ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'];

/** A visit can be concluded once the team has been there. */
export const VISITED_STATES = ['COMPLETED', 'REPORTED', 'REPORT_ACCEPTED'] as const;

/** Organisers a cadre most often joins, offered while typing. */
export const ORGANISERS = ['Trung ương Đoàn', 'Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh đoàn', 'Ngân hàng Chính sách xã hội tỉnh'];
