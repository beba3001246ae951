import { useMutation } from '@apollo/client/react';
import type { AcceptTripReportMutationVariables } from '@/gql/graphql';
import { AcceptTripReportMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useAcceptTripReport() {
  const [mutate, { loading }] = useMutation(AcceptTripReportMutation, { update: evictTripLists });
  const acceptTripReport = async (variables: AcceptTripReportMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('AcceptTripReport returned no data');
    return data.acceptTripReport;
  };
  return { acceptTripReport, loading };
}
