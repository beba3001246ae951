import { setMaxListeners } from 'node:events';
import { createPubSub, filter, pipe } from '@graphql-yoga/subscription';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { logger, type Logger } from './logger';
import { postgresTransport } from './pubsub.postgres';
import { Role } from './access';
import { AppError, ErrorCode, signInRequired } from './errors';

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
  /** A notification was added to a user's inbox (subscribers keep their own, by user id). */
  NOTIFICATION_ADDED: [key: string, payload: NotificationPayload];
};

export interface NotificationPayload {
  provinceId: number;
  id: string;
  userId: string;
  kind: string;
  subjectId: string;
  params: Record<string, unknown>;
  createdAt: string;
}

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

/** A local EventTarget: hundreds of listeners per key is the normal case, not a leak (Node's warning above 10 is lifted). */
function localTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}

const inMemoryPubSub = () => createPubSub<Topics>({ eventTarget: localTarget() });
export type AppPubSub = ReturnType<typeof inMemoryPubSub>;

/** How the event bus between instances is doing (metrics, logs). */
export interface EventBusStatus {
  /** Events travel between instances or processes (Redis or PostgreSQL); `connected`: that link is up. */
  shared: boolean;
  connected: boolean;
  /** Events that could not be sent to the other instances since the process started. */
  publishFailures: number;
  /** Times this instance learned it may have missed other instances' events. */
  gaps: number;
}

export interface PubSubHandle {
  pubsub: AppPubSub;
  status: () => EventBusStatus;
  /**
   * Called when this instance may have missed events from other instances (its Redis subscription was
   * cut, or another instance could not publish for a while): its live clients must catch up from the
   * database.
   */
  onGap: (listener: () => void) => () => void;
  close: () => Promise<void>;
}

/** The control channel on which an instance says "some of my events never left". */
const RESYNC_CHANNEL = 'coso:resync';

interface Envelope {
  /** The instance that published: it already delivered the event to its own subscribers. */
  o: string;
  d: unknown;
}

/**
 * What carries messages between instances (Redis, or PostgreSQL's LISTEN/NOTIFY). It reports when its
 * subscription comes back after being cut and when publishing works again, so the bus can tell clients
 * to catch up; it never throws from a publish it cannot make (the promise rejects, the bus counts it).
 */
export interface BusTransport {
  publish: (channel: string, message: string) => Promise<unknown>;
  subscribe: (channel: string) => void;
  unsubscribe: (channel: string) => void;
  connected: () => boolean;
  close: () => Promise<void>;
}

export interface TransportEvents {
  message: (channel: string, message: string) => void;
  /** The subscription is live again after a cut: messages sent meanwhile were lost. */
  subscriptionRestored: () => void;
  /** Publishing works (again). */
  publishReady: () => void;
  error: (error: Error) => void;
}

/**
 * Events shared by several API instances (or worker processes). A transport outage must never take an
 * instance down or silence it: each event reaches this instance's own subscribers directly (and is
 * skipped when it comes back through the transport), a failed publish is counted, never thrown, and
 * when the transport returns every instance is told to make its clients catch up.
 */
function sharedPubSub(makeTransport: (events: TransportEvents) => BusTransport, instanceId: string, log: Logger): PubSubHandle {
  const local = localTarget();
  const gapListeners = new Set<() => void>();
  const state = { publishFailures: 0, gaps: 0, unsentSinceReady: false };
  const channels = new Map<string, number>();

  const gap = (why: string) => {
    state.gaps += 1;
    log.warn({ why }, 'Live events from other instances may have been missed: clients are asked to catch up');
    for (const listener of gapListeners) listener();
  };

  let lastErrorLog = 0;
  const onError = (error: Error) => {
    // Clients report every failed reconnect attempt; one line every 10 s is enough to see an outage.
    if (Date.now() - lastErrorLog < 10_000) return;
    lastErrorLog = Date.now();
    log.warn({ err: error }, 'Event bus unreachable: live events stay on this instance until it returns');
  };

  const transport: BusTransport = makeTransport({
    error: onError,
    subscriptionRestored: () => gap('subscription to the event bus restored'),
    publishReady: () => {
      if (!state.unsentSinceReady) return;
      state.unsentSinceReady = false;
      transport.publish(RESYNC_CHANNEL, instanceId).catch(() => {
        state.unsentSinceReady = true;
      });
    },
    message: (channel, message) => {
      if (channel === RESYNC_CHANNEL) {
        if (message !== instanceId) gap('another instance could not publish for a while');
        return;
      }
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message) as Envelope;
      } catch {
        return;
      }
      if (envelope.o === instanceId) return;
      local.dispatchEvent(new CustomEvent(channel, { detail: envelope.d }));
    },
  });
  transport.subscribe(RESYNC_CHANNEL);

  const eventTarget: EventTarget = {
    addEventListener(type, callback, options) {
      local.addEventListener(type, callback, options);
      const count = channels.get(type) ?? 0;
      channels.set(type, count + 1);
      if (count === 0) transport.subscribe(type);
    },
    removeEventListener(type, callback, options) {
      local.removeEventListener(type, callback, options);
      const count = channels.get(type) ?? 0;
      if (count <= 1) {
        channels.delete(type);
        transport.unsubscribe(type);
      } else {
        channels.set(type, count - 1);
      }
    },
    dispatchEvent(event) {
      const detail: unknown = (event as CustomEvent).detail;
      local.dispatchEvent(new CustomEvent(event.type, { detail }));
      const envelope: Envelope = { o: instanceId, d: detail };
      transport.publish(event.type, JSON.stringify(envelope)).catch((error: unknown) => {
        state.publishFailures += 1;
        state.unsentSinceReady = true;
        onError(error instanceof Error ? error : new Error(String(error)));
      });
      return true;
    },
  };

  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    status: () => ({
      shared: true,
      connected: transport.connected(),
      publishFailures: state.publishFailures,
      gaps: state.gaps,
    }),
    onGap: (listener) => {
      gapListeners.add(listener);
      return () => gapListeners.delete(listener);
    },
    close: () => transport.close(),
  };
}

/** Redis pub/sub: for deployments with Redis (several instances, large ones). */
function redisTransport(redisUrl: string): (events: TransportEvents) => BusTransport {
  return (events) => {
    // Commands are not queued while Redis is away: a publish fails at once (counted) rather than piling up.
    const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // Subscriptions are restored by the client itself when it reconnects.
    const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const state = { subscribed: false, lostSubscription: false };
    publishClient.on('error', events.error);
    subscribeClient.on('error', events.error);
    subscribeClient.on('close', () => {
      if (state.subscribed) state.lostSubscription = true;
    });
    subscribeClient.on('ready', () => {
      state.subscribed = true;
      if (state.lostSubscription) {
        state.lostSubscription = false;
        events.subscriptionRestored();
      }
    });
    publishClient.on('ready', events.publishReady);
    subscribeClient.on('message', events.message);
    return {
      publish: (channel, message) => publishClient.publish(channel, message),
      subscribe: (channel) => void subscribeClient.subscribe(channel).catch(() => undefined),
      unsubscribe: (channel) => void subscribeClient.unsubscribe(channel).catch(() => undefined),
      connected: () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
      close: async () => {
        publishClient.disconnect();
        subscribeClient.disconnect();
      },
    };
  };
}

/** How the bus reaches other instances: Redis when there is one, else the database itself. */
export interface EventBusOptions {
  redisUrl?: string;
  /** A direct connection string (not through a transaction pooler: LISTEN needs a session). */
  postgresUrl?: string;
  instanceId?: string;
  log?: Logger;
}

/**
 * In memory for one process alone (schema emission, unit tests); through Redis (REDIS_URL) or else
 * PostgreSQL's LISTEN/NOTIFY when several API processes or instances serve the same provinces, so an
 * event made in one reaches subscribers of every other.
 */
export function createAppPubSub(options: EventBusOptions = {}): PubSubHandle {
  const { instanceId = randomUUID(), log = logger } = options;
  if (options.redisUrl) return sharedPubSub(redisTransport(options.redisUrl), instanceId, log);
  if (options.postgresUrl) return sharedPubSub(postgresTransport(options.postgresUrl), instanceId, log);
  return {
    pubsub: inMemoryPubSub(),
    status: () => ({ shared: false, connected: true, publishFailures: 0, gaps: 0 }),
    onGap: () => () => undefined,
    close: async () => undefined,
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

/** Who listens, as a topic's keys need it (the tenancy's Viewer is one). */
export interface Listener {
  role: Role;
  provinceId: number | null;
}

/**
 * The other half of `publishScoped`: a topic's events on the one key the listener may read, central
 * users on the central key (every province's events), a province's users on their province's key
 * (their merged predecessors are read-only, so nothing is published for them). Who may subscribe at
 * all is the field's @Access, which type-graphql checks before this runs. `where` keeps the events
 * the subscription asked for (a year, an import job).
 */
export function subscribeScoped<K extends keyof Topics>(
  pubsub: AppPubSub,
  topic: K,
  listener: Listener | null,
  where?: (payload: Topics[K][1]) => boolean,
): AsyncIterable<Topics[K][1]> {
  if (!listener) throw signInRequired();
  if (listener.role !== Role.CENTRAL && listener.provinceId === null) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền theo dõi sự kiện này.');
  }
  const key = listener.role === Role.CENTRAL ? CENTRAL_KEY : String(listener.provinceId);
  const events = (pubsub.subscribe as (topic: K, key: string) => AsyncIterable<Topics[K][1]>)(topic, key);
  return where ? pipe(events, filter(where)) : events;
}
