import { useMutation } from '@apollo/client/react';
import type { CreateTripMutationVariables } from '@/gql/graphql';
import { CreateTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useCreateTrip() {
  const [mutate, { loading }] = useMutation(CreateTripMutation, { update: evictTripLists });
  const createTrip = async (variables: CreateTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CreateTrip returned no data');
    return data.createTrip;
  };
  return { createTrip, loading };
}
