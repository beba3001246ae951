import type { PlanState } from '@/gql/graphql';

export const PLAN_STATE_COLOR: Record<PlanState, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  APPROVED: 'success',
  RETURNED: 'warning',
};
