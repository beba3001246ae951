import { useMutation } from '@apollo/client/react';
import { useListMutation } from '@/shared/apollo/useListMutation';
import {
  ConcludeInspectionMutation,
  CreateInspectionPlanMutation,
  CreateInspectionTeamMutation,
  MarkCorrectiveActionDoneMutation,
  RecordExternalInspectionMutation,
  ScheduleInspectionVisitMutation,
  VerifyCorrectiveActionMutation,
} from './inspections.operations';

// Each mutation answers with the object it changed, so normalization updates every row that shows it;
// one that adds rows (a plan, its team or visits, a conclusion's actions) fetches those lists again.

export const useCreateInspectionPlan = () => useListMutation(CreateInspectionPlanMutation, ['InspectionPlans']);
export const useCreateInspectionTeam = () => useListMutation(CreateInspectionTeamMutation, ['InspectionPlans']);
export const useScheduleInspectionVisit = () => useListMutation(ScheduleInspectionVisitMutation, ['InspectionPlans']);
export const useConcludeInspection = () => useListMutation(ConcludeInspectionMutation, ['InspectionPlans', 'CorrectiveActions']);
export const useMarkCorrectiveActionDone = () => useListMutation(MarkCorrectiveActionDoneMutation, ['CorrectiveActions']);
export const useVerifyCorrectiveAction = () => useMutation(VerifyCorrectiveActionMutation);
export const useRecordExternalInspection = () => useMutation(RecordExternalInspectionMutation);
