import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useRefetchLoaded } from '@/shared/paging/refetchLoaded';

/**
 * A mutation that changes which rows some lists hold (a row added, removed, or moved to another
 * filter): once the server has answered, the named queries on screen fetch again, keeping the rows
 * the user loaded with "Xem thêm". A mutation that only changes a row returns it and needs none of
 * this: normalization updates every list that shows it.
 */
export function useListMutation<TData, TVariables extends OperationVariables>(
  mutation: TypedDocumentNode<TData, TVariables>,
  lists: readonly string[],
) {
  const [mutate, result] = useMutation(mutation);
  const refetchLists = useRefetchLoaded(lists);
  const run = (async (...args: Parameters<typeof mutate>) => {
    const answer = await mutate(...args);
    // The change is made: a list that fails to reload is not a failure of the form that made it.
    await refetchLists().catch(() => undefined);
    return answer;
  }) as typeof mutate;
  return [run, result] as const;
}
