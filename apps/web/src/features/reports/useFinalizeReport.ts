import { useMutation } from '@apollo/client/react';
import { AnnualReportQuery, FinalizeReportMutation } from './reports.operations';

/** Issues the report under its number; the page then shows the frozen version. */
export function useFinalizeReport() {
  return useMutation(FinalizeReportMutation, {
    update(cache, { data }, { variables }) {
      if (!data || !variables) return;
      cache.writeQuery({
        query: AnnualReportQuery,
        variables: { year: variables.year, provinceId: variables.provinceId },
        data: { annualReport: data.finalizeReport },
      });
    },
  });
}
