import { useMutation } from '@apollo/client/react';
import { useListMutation } from '@/shared/apollo/useListMutation';
import {
  CreateAccountMutation,
  CreateCadreMutation,
  CreateExemptionMutation,
  CreateUnitMutation,
  DeleteExemptionMutation,
  ImportCommunesMutation,
  SetAccountActiveMutation,
  SetPolicyRuleMutation,
  UpdateCadreMutation,
  UpdateUnitMutation,
} from './organisation.operations';
import {
  CreateBatchMutation,
  CreateTopicMutation,
  SetBatchActiveMutation,
  SetTopicActiveMutation,
  UpdateBatchMutation,
  UpdateTopicMutation,
} from './planning.operations';

// Each mutation answers with the object it changed, so normalization updates every row that shows it;
// one that adds or removes rows also fetches the lists holding them again (`useListMutation`).

export const useCreateCadre = () => useListMutation(CreateCadreMutation, ['Roster']);
export const useUpdateCadre = () => useMutation(UpdateCadreMutation);
/** The roster row counts a cadre's exemptions. */
export const useCreateExemption = () => useListMutation(CreateExemptionMutation, ['Roster']);
export const useDeleteExemption = () => useListMutation(DeleteExemptionMutation, ['Roster']);

export const useCreateAccount = () => useListMutation(CreateAccountMutation, ['AccountsPage']);
export const useSetAccountActive = () => useMutation(SetAccountActiveMutation);

/** The units page keeps the tree of children it has opened and reloads it itself after a change. */
export const useCreateUnit = () => useMutation(CreateUnitMutation);
export const useUpdateUnit = () => useMutation(UpdateUnitMutation);
export const useImportCommunes = () => useMutation(ImportCommunesMutation);

export const useSetPolicyRule = () => useMutation(SetPolicyRuleMutation);

export const useCreateBatch = () => useListMutation(CreateBatchMutation, ['Planning']);
export const useUpdateBatch = () => useMutation(UpdateBatchMutation);
export const useSetBatchActive = () => useMutation(SetBatchActiveMutation);
export const useCreateTopic = () => useListMutation(CreateTopicMutation, ['Planning']);
export const useUpdateTopic = () => useMutation(UpdateTopicMutation);
export const useSetTopicActive = () => useMutation(SetTopicActiveMutation);
