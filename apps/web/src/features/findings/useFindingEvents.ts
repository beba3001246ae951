import { useSubscription } from '@apollo/client/react';
import { App } from 'antd';
import { useViewerCan } from '@/features/shell';
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
 * Only those `me.can` lets follow these events subscribe (host units get none from the API).
 */
export function useFindingEvents(kinds: readonly FindingKind[], queryNames: readonly string[]): void {
  const { t } = useFindingsTranslation();
  const { notification } = App.useApp();
  const refetch = useRefetchLoaded(queryNames);
  const { can, me } = useViewerCan();

  useSubscription(FindingEventsSubscription, {
    skip: !can?.followFindingEvents,
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
