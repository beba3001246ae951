import type { SubmitTripMutationVariables } from '@/gql/graphql';
import { SubmitTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useSubmitTrip() {
  const [mutate, { loading }] = useListMutation(SubmitTripMutation, TRIP_LISTS);
  const submitTrip = async (variables: SubmitTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('SubmitTrip returned no data');
    return data.submitTrip;
  };
  return { submitTrip, loading };
}
