import type { AcceptTripReportMutationVariables } from '@/gql/graphql';
import { AcceptTripReportMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useAcceptTripReport() {
  const [mutate, { loading }] = useListMutation(AcceptTripReportMutation, TRIP_LISTS);
  const acceptTripReport = async (variables: AcceptTripReportMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('AcceptTripReport returned no data');
    return data.acceptTripReport;
  };
  return { acceptTripReport, loading };
}
