import { useQuery, useSubscription } from '@apollo/client/react';
import { App } from 'antd';
import { ViewerQuery } from '@/features/trips/trip.operations';
import { FindingEventsSubscription } from './findings.operations';
import { useFindingsTranslation, type FindingsKey } from './findingsI18n';
import { useRefetchLoaded } from '@/shared/paging/refetchLoaded';

const KINDS = [
  'INSPECTION_PLANNED',
  'CONCLUSION',
  'ACTION_DONE',
  'ACTION_VERIFIED',
  'MODEL_FOUND',
  'RECOMMENDATION_RAISED',
  'RECOMMENDATION_ANSWERED',
  'HOST_RULE_BREACH',
] as const;

type FindingKind = (typeof KINDS)[number];

const isKind = (kind: string): kind is FindingKind => (KINDS as readonly string[]).includes(kind);

/**
 * Keeps a findings page current: on each event of the kinds it shows, the named queries on screen
 * fetch again, keeping the rows the user loaded, and a short notification says what happened (not
 * for the viewer's own actions).
 * Host units get no such events from the API, so they do not subscribe.
 */
export function useFindingEvents(kinds: readonly FindingKind[], queryNames: readonly string[]): void {
  const { t } = useFindingsTranslation();
  const { notification } = App.useApp();
  const refetch = useRefetchLoaded(queryNames);
  const { data: viewer } = useQuery(ViewerQuery);
  const me = viewer?.me;

  useSubscription(FindingEventsSubscription, {
    skip: !me || me.role === 'HOST_UNIT',
    onData: ({ data }) => {
      const event = data.data?.findingEvents;
      if (!event || !isKind(event.kind) || !kinds.includes(event.kind)) return;
      void refetch();
      if (event.actorName === me?.fullName) return;
      notification.info({
        key: `${event.kind}:${event.id}`,
        title: t(`findings.live.${event.kind}` as FindingsKey, { actor: event.actorName }),
        description: event.title,
        placement: 'bottomRight',
        duration: 6,
        className: 'live-notification',
      });
    },
  });
}
