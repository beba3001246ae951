import { createPubSub } from '@graphql-yoga/subscription';

/**
 * The one registry of subscription topics. Every topic is keyed by province id; events for central
 * users travel on the `ALL` key of the same topic, so a subscriber only ever listens to keys its
 * scope allows.
 */
export type Topics = {
  TRIP_EVENT: [key: string, payload: TripEventPayload];
};

export interface TripEventPayload {
  provinceId: number;
  tripId: string;
  kind: string;
  event: string;
  state: string;
  title: string;
  cadreId: string;
  cadreName: string;
  actorName: string;
  at: string;
}

export const CENTRAL_KEY = 'ALL';

export const createAppPubSub = () => createPubSub<Topics>();
export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function publishScoped<K extends keyof Topics>(
  pubsub: AppPubSub,
  topic: K,
  provinceId: number,
  payload: Topics[K][1],
): void {
  const publish = pubsub.publish as (topic: K, key: string, payload: Topics[K][1]) => void;
  publish(topic, String(provinceId), payload);
  publish(topic, CENTRAL_KEY, payload);
}
