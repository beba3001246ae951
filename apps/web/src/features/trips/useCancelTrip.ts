import type { CancelTripMutationVariables } from '@/gql/graphql';
import { CancelTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useCancelTrip() {
  const [mutate, { loading }] = useListMutation(CancelTripMutation, TRIP_LISTS);
  const cancelTrip = async (variables: CancelTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CancelTrip returned no data');
    return data.cancelTrip;
  };
  return { cancelTrip, loading };
}
