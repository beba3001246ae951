import type { CompleteTripMutationVariables } from '@/gql/graphql';
import { CompleteTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useCompleteTrip() {
  const [mutate, { loading }] = useListMutation(CompleteTripMutation, TRIP_LISTS);
  const completeTrip = async (variables: CompleteTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('CompleteTrip returned no data');
    return data.completeTrip;
  };
  return { completeTrip, loading };
}
