import { useMutation } from '@apollo/client/react';
import { useListMutation } from '@/shared/apollo/useListMutation';
import {
  AnswerRecommendationMutation,
  AssignRecommendationMutation,
  CloseRecommendationMutation,
  CreateGoodModelMutation,
  CreateRecommendationMutation,
  SetGoodModelReplicationMutation,
  SubmitHostFeedbackMutation,
} from './findings.operations';

// Each mutation answers with the object it changed, so normalization updates every card that shows it;
// one that adds rows or moves them between the board's columns fetches those lists again.

const RECOMMENDATION_LISTS = ['Recommendations', 'RecommendationCounts'];

export const useCreateRecommendation = () => useListMutation(CreateRecommendationMutation, RECOMMENDATION_LISTS);
export const useAssignRecommendation = () => useListMutation(AssignRecommendationMutation, RECOMMENDATION_LISTS);
export const useAnswerRecommendation = () => useListMutation(AnswerRecommendationMutation, RECOMMENDATION_LISTS);
export const useCloseRecommendation = () => useListMutation(CloseRecommendationMutation, RECOMMENDATION_LISTS);

export const useCreateGoodModel = () => useListMutation(CreateGoodModelMutation, ['GoodModels']);
export const useSetGoodModelReplication = () => useMutation(SetGoodModelReplicationMutation);

/** The visit's card shows what was sent once the dialog closes. */
export const useSubmitHostFeedback = () => useListMutation(SubmitHostFeedbackMutation, ['HostOwnFeedback']);
