import type { UpdateTripMutationVariables } from '@/gql/graphql';
import { UpdateTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useUpdateTrip() {
  const [mutate, { loading }] = useListMutation(UpdateTripMutation, TRIP_LISTS);
  const updateTrip = async (variables: UpdateTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('UpdateTrip returned no data');
    return data.updateTrip;
  };
  return { updateTrip, loading };
}
