import type { DecideTripsMutationVariables } from '@/gql/graphql';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from '@/features/trips';
import { DecideTripsMutation } from './approvals.operations';

export function useDecideTrips() {
  const [mutate, { loading }] = useListMutation(DecideTripsMutation, TRIP_LISTS);
  const decideTrips = async (variables: DecideTripsMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('DecideTrips returned no data');
    return data.decideTrips;
  };
  return { decideTrips, loading };
}
