import { useMutation } from '@apollo/client/react';
import type { CancelTripMutationVariables } from '@/gql/graphql';
import { CancelTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useCancelTrip() {
  const [mutate, { loading }] = useMutation(CancelTripMutation, { update: evictTripLists });
  const cancelTrip = async (variables: CancelTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CancelTrip returned no data');
    return data.cancelTrip;
  };
  return { cancelTrip, loading };
}
