import { useMutation } from '@apollo/client/react';
import { AnnualReportQuery, SaveReportNarrativeMutation } from './reports.operations';

/** Saves the draft's paragraphs; the page's query then shows the saved version without a refetch. */
export function useSaveReportNarrative() {
  return useMutation(SaveReportNarrativeMutation, {
    update(cache, { data }, { variables }) {
      if (!data || !variables) return;
      cache.writeQuery({
        query: AnnualReportQuery,
        variables: { year: variables.input.year, provinceId: variables.input.provinceId },
        data: { annualReport: data.saveReportNarrative },
      });
    },
  });
}
