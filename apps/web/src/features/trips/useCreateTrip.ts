import type { CreateTripMutationVariables } from '@/gql/graphql';
import { CreateTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useCreateTrip() {
  const [mutate, { loading }] = useListMutation(CreateTripMutation, TRIP_LISTS);
  const createTrip = async (variables: CreateTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CreateTrip returned no data');
    return data.createTrip;
  };
  return { createTrip, loading };
}
