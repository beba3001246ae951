import type { ReportTripMutationVariables } from '@/gql/graphql';
import { ReportTripMutation } from './trip.mutations';
import { useListMutation } from '@/shared/apollo/useListMutation';
import { TRIP_LISTS } from './tripCache';

export function useReportTrip() {
  const [mutate, { loading }] = useListMutation(ReportTripMutation, TRIP_LISTS);
  const reportTrip = async (variables: ReportTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('ReportTrip returned no data');
    return data.reportTrip;
  };
  return { reportTrip, loading };
}
