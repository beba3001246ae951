import type { ActionStatus, InspectionRating, InspectionSubject } from '@/gql/graphql';

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

/** Organisers a cadre most often joins, offered while typing. */
export const ORGANISERS = ['Trung ương Đoàn', 'Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh đoàn', 'Ngân hàng Chính sách xã hội tỉnh'];
