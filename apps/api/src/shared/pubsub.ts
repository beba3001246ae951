import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

/**
 * The one registry of subscription topics. Every topic is keyed by province id; events for central
 * users travel on the `ALL` key of the same topic, so a subscriber only ever listens to keys its
 * scope allows.
 */
export type Topics = {
  TRIP_EVENT: [key: string, payload: TripEventPayload];
  /** Something that changes compliance figures happened (a trip or an exemption changed). */
  COMPLIANCE_INPUT: [key: string, payload: ComplianceInputPayload];
  /** Coalesced: the figures of these cadres (and their province) changed; at most a few a second. */
  COMPLIANCE_CHANGED: [key: string, payload: ComplianceInputPayload];
  /** Inspections, conclusions, corrective actions, recommendations, good models, host feedback. */
  FINDING_EVENT: [key: string, payload: FindingEventPayload];
  /** An account was locked: every instance closes that user's live connections (key `ALL`). */
  ACCOUNT_DISABLED: [key: string, payload: { userId: string }];
  /** An import job's progress, and its outcome (with the file's problems) when it ends. */
  IMPORT_PROGRESS: [key: string, payload: ImportProgressPayload];
};

export interface ImportProgressPayload {
  provinceId: number;
  id: string;
  kind: string;
  status: string;
  phase: string;
  fileName: string;
  percent: number;
  processedRows: number;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  problemCount: number;
  problems: Array<{ sheet: string; row: number | null; column: string | null; message: string }>;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface FindingEventPayload {
  provinceId: number;
  kind: string;
  id: string;
  title: string;
  actorName: string;
  at: string;
}

export interface ComplianceInputPayload {
  provinceId: number;
  year: number;
  cadreIds: string[];
  /** The API instance where the change happened: only it coalesces and announces the change. */
  origin?: string;
}

export interface TripEventPayload {
  provinceId: number;
  tripId: string;
  kind: string;
  event: string;
  state: string;
  title: string;
  cadreId: string;
  cadreName: string;
  actorId: string;
  /** Everyone in the delegation (lead included): whose days may change. */
  memberIds: string[];
  year: number;
  actorName: string;
  at: string;
}

export const CENTRAL_KEY = 'ALL';

/**
 * In memory: one EventTarget, where every subscriber of a province listens on that province's key.
 * Hundreds of listeners per key is the normal case, not a leak: Node's warning above 10 is lifted.
 */
const inMemoryPubSub = () => {
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<Topics>({ eventTarget });
};
export type AppPubSub = ReturnType<typeof inMemoryPubSub>;

export interface PubSubHandle {
  pubsub: AppPubSub;
  close: () => Promise<void>;
}

/**
 * In memory for one instance; through Redis (REDIS_URL) when several API instances serve the same
 * province, so an event made on one reaches subscribers of every other.
 */
export function createAppPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) return { pubsub: inMemoryPubSub(), close: async () => undefined };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export function publishScoped<K extends keyof Topics>(
  pubsub: AppPubSub,
  topic: K,
  provinceId: number,
  payload: Topics[K][1],
): void {
  const publish = (key: string) =>
    (pubsub.publish as (topic: K, key: string, payload: Topics[K][1]) => void)(topic, key, payload);
  publish(String(provinceId));
  publish(CENTRAL_KEY);
}
