import { useMutation } from '@apollo/client/react';
import type { SubmitTripMutationVariables } from '@/gql/graphql';
import { SubmitTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useSubmitTrip() {
  const [mutate, { loading }] = useMutation(SubmitTripMutation, { update: evictTripLists });
  const submitTrip = async (variables: SubmitTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('SubmitTrip returned no data');
    return data.submitTrip;
  };
  return { submitTrip, loading };
}
