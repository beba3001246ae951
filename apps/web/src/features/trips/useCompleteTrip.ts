import { useMutation } from '@apollo/client/react';
import type { CompleteTripMutationVariables } from '@/gql/graphql';
import { CompleteTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useCompleteTrip() {
  const [mutate, { loading }] = useMutation(CompleteTripMutation, { update: evictTripLists });
  const completeTrip = async (variables: CompleteTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CompleteTrip returned no data');
    return data.completeTrip;
  };
  return { completeTrip, loading };
}
