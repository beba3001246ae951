import { useMutation } from '@apollo/client/react';
import type { MergeDelegationsMutationVariables } from '@/gql/graphql';
import { evictTripLists } from '@/features/trips/tripCache';
import { MergeDelegationsMutation } from './approvals.operations';

export function useMergeDelegations() {
  const [mutate, { loading }] = useMutation(MergeDelegationsMutation, {
    update(cache, _result, { variables }) {
      // Each merged trip now belongs to the delegation: drop them so their pages load it.
      for (const trip of [variables?.trips ?? []].flat())
        cache.evict({ id: cache.identify({ __typename: 'Trip', id: trip.id }) });
      evictTripLists(cache);
    },
  });
  const mergeDelegations = async (variables: MergeDelegationsMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('MergeDelegations returned no data');
    return data.mergeDelegations;
  };
  return { mergeDelegations, loading };
}
