import { useApolloClient, useSubscription } from '@apollo/client/react';
import { App } from 'antd';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TripEventType, TripEventsSubscription as TripEventsData } from '@/gql/graphql';
import { TripEventsSubscription } from './live.operations';

export type LiveEvent = TripEventsData['tripEvents'];

/** How many recent events the feed keeps while the app is open. */
const FEED_SIZE = 100;

/** The lists that show trips by state: they fetch again when a trip changes. */
const LIST_QUERIES = new Set(['ApprovalQueue', 'ApprovedTrips', 'MyTrips', 'Incoming']);

/** Events worth interrupting someone for; edits and settlement changes only go to the feed. */
const NOTIFIED: ReadonlySet<TripEventType> = new Set([
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'RETURNED',
  'CANCELLED',
  'COMPLETED',
  'REPORTED',
  'REPORT_ACCEPTED',
  'MERGED',
]);

interface LiveEventsValue {
  events: readonly LiveEvent[];
  /** False for host units, whom the API sends no trip events (their notifications come on their own subscription). */
  enabled: boolean;
}

const LiveEventsContext = createContext<LiveEventsValue>({ events: [], enabled: false });

export function useLiveEvents(): LiveEventsValue {
  return useContext(LiveEventsContext);
}

interface LiveEventsProviderProps {
  enabled: boolean;
  /** The viewer's own name: their own actions are not announced back to them. */
  viewerName?: string;
  children: ReactNode;
}

/**
 * Listens to the province's trip events for the whole signed-in session: announces them, keeps the
 * "Hoạt động mới" feed, and makes the trip lists on screen fetch again.
 */
export function LiveEventsProvider({ enabled, viewerName, children }: LiveEventsProviderProps) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [events, setEvents] = useState<LiveEvent[]>([]);

  useSubscription(TripEventsSubscription, {
    skip: !enabled,
    onData: ({ data }) => {
      const event = data.data?.tripEvents;
      if (!event) return;
      setEvents((previous) => [event, ...previous].slice(0, FEED_SIZE));
      void client.refetchQueries({
        include: 'active',
        onQueryUpdated: (query) =>
          LIST_QUERIES.has(query.queryName ?? '') ||
          (query.queryName === 'TripDetail' && (query.variables as { id?: string }).id === event.tripId),
      });
      if (NOTIFIED.has(event.event) && event.actorName !== viewerName) {
        notification.info({
          key: `${event.tripId}:${event.event}`,
          title: t(`live.event.${event.event}`, { actor: event.actorName, title: event.title }),
          description: t('live.openTrip'),
          placement: 'bottomRight',
          duration: 6,
          onClick: () => void navigate(`/trips/${event.tripId}`),
          className: 'live-notification',
        });
      }
    },
  });

  return <LiveEventsContext value={{ events, enabled }}>{children}</LiveEventsContext>;
}
