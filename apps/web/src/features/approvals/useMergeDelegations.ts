import type { MergeDelegationsMutationVariables } from '@/gql/graphql';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from '@/features/trips';
import { MergeDelegationsMutation } from './approvals.operations';

/** The merged trips show their delegation once the lists of trips on screen have fetched them again. */
export function useMergeDelegations() {
  const [mutate, { loading }] = useListMutation(MergeDelegationsMutation, TRIP_LISTS);
  const mergeDelegations = async (variables: MergeDelegationsMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('MergeDelegations returned no data');
    return data.mergeDelegations;
  };
  return { mergeDelegations, loading };
}
