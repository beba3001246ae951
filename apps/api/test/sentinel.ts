import { publishScoped } from '../src/shared/pubsub';
import type { TestProduct } from './harness';

/** The title of the trip events tests send only to learn that a subscription is live. */
export const SENTINEL = 'SENTINEL';
const NONE = '00000000-0000-4000-8000-000000000000';

/**
 * A subscription is registered some time after the socket is acknowledged: sends sentinel trip events of
 * a province through the product's own bus until `heard` says the subscriber got one (never a fixed sleep).
 */
export async function untilLive(product: TestProduct, provinceId: number, heard: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200 && !heard(); i += 1) {
    publishScoped(product.deps.pubsub, 'TRIP_EVENT', provinceId, {
      provinceId,
      tripId: NONE,
      kind: 'TOPIC',
      event: 'UPDATED',
      state: 'DRAFT',
      title: SENTINEL,
      cadreId: NONE,
      cadreName: SENTINEL,
      actorId: NONE,
      memberIds: [],
      year: 2026,
      actorName: SENTINEL,
      at: new Date().toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return heard();
}
