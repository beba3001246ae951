import { useMutation } from '@apollo/client/react';
import type { DecideTripsMutationVariables } from '@/gql/graphql';
import { evictTripLists } from '@/features/trips/tripCache';
import { DecideTripsMutation } from './approvals.operations';

export function useDecideTrips() {
  const [mutate, { loading }] = useMutation(DecideTripsMutation, {
    // Decided trips leave the queue and join other lists: every trip list fetches again.
    update: evictTripLists,
  });
  const decideTrips = async (variables: DecideTripsMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('DecideTrips returned no data');
    return data.decideTrips;
  };
  return { decideTrips, loading };
}
