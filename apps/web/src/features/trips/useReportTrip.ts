import { useMutation } from '@apollo/client/react';
import type { ReportTripMutationVariables } from '@/gql/graphql';
import { ReportTripMutation } from './trip.mutations';
import { evictTripLists } from './tripCache';

export function useReportTrip() {
  const [mutate, { loading }] = useMutation(ReportTripMutation, { update: evictTripLists });
  const reportTrip = async (variables: ReportTripMutationVariables) => {
    const { data } = await mutate({ variables });
    if (!data) throw new Error('ReportTrip returned no data');
    return data.reportTrip;
  };
  return { reportTrip, loading };
}
