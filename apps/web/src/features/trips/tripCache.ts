import type { ApolloCache } from '@apollo/client';

/**
 * A trip that changes state leaves some filtered lists and joins others: drop every cached trip
 * list so the lists on screen fetch again, instead of guessing which filters still match.
 */
export function evictTripLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'trips' });
  cache.gc();
}
