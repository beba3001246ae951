import { useMutation } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  UnreadNotificationCountQuery,
} from './notifications.operations';

/** The badge's count in the cache, moved by `change` (never below zero); nothing while it was never loaded. */
export function shiftUnreadCount(cache: ApolloCache, change: (count: number) => number): void {
  cache.updateQuery({ query: UnreadNotificationCountQuery }, (data) =>
    data ? { unreadNotificationCount: Math.max(0, change(data.unreadNotificationCount)) } : data,
  );
}

/** Marks one notification read: the item shows it at once from the answer, and the bell counts one fewer. */
export function useMarkRead() {
  const [mutate] = useMutation(MarkNotificationReadMutation);
  return (id: string) =>
    mutate({
      variables: { id },
      update: (cache, { data }) => {
        if (data) shiftUnreadCount(cache, (count) => count - 1);
      },
    });
}

/** Marks every notification read: the bell goes to zero and the lists on screen fetch again. */
export function useMarkAllRead() {
  return useMutation(MarkAllNotificationsReadMutation, {
    update: (cache) => shiftUnreadCount(cache, () => 0),
    refetchQueries: ['Notifications'],
  });
}
