import { useListMutation } from '@/shared/apollo/useListMutation';
import { CreateCalendarFeedMutation, RevokeCalendarFeedMutation } from './transfer.operations';

/** The card shows the feed the viewer has, or none, once the server has answered. */
export const useCreateCalendarFeed = () => useListMutation(CreateCalendarFeedMutation, ['MyCalendarFeeds']);
export const useRevokeCalendarFeed = () => useListMutation(RevokeCalendarFeedMutation, ['MyCalendarFeeds']);
