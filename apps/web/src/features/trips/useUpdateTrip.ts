import { useMutation } from '@apollo/client/react';
import type { UpdateTripMutationVariables } from '@/gql/graphql';
import { UpdateTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useUpdateTrip() {
  const [mutate, { loading }] = useMutation(UpdateTripMutation, { update: evictTripLists });
  const updateTrip = async (variables: UpdateTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('UpdateTrip returned no data');
    return data.updateTrip;
  };
  return { updateTrip, loading };
}
