import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from '@/features/trips';
import { SubmitQuarterlyPlanMutation } from './department.operations';

/** A submitted plan sends its draft trips on with it: the plan and every list of trips fetch again. */
export const useSubmitQuarterlyPlan = () => useListMutation(SubmitQuarterlyPlanMutation, TRIP_LISTS);
