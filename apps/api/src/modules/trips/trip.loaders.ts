import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Delegation, TripDestination, TripMember, TripReport, TripTimelineEntry } from './trip.entity';

const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
};

export const createTripLoaders = (manager: EntityManager) => ({
  membersByTrip: new DataLoader<string, TripMember[]>(async (tripIds) =>
    groupBy(tripIds, await manager.find(TripMember, { where: { tripId: In([...tripIds]) } }), (m) => m.tripId),
  ),
  destinationsByTrip: new DataLoader<string, TripDestination[]>(async (tripIds) =>
    groupBy(tripIds, await manager.find(TripDestination, { where: { tripId: In([...tripIds]) } }), (d) => d.tripId),
  ),
  timelineByTrip: new DataLoader<string, TripTimelineEntry[]>(async (tripIds) =>
    groupBy(
      tripIds,
      await manager.find(TripTimelineEntry, { where: { tripId: In([...tripIds]) }, order: { at: 'ASC' } }),
      (e) => e.tripId,
    ),
  ),
  reportByTrip: new DataLoader<string, TripReport | null>(async (tripIds) => {
    const rows = await manager.find(TripReport, { where: { tripId: In([...tripIds]) } });
    return tripIds.map((id) => rows.find((r) => r.tripId === id) ?? null);
  }),
  delegationById: new DataLoader<string, Delegation | null>(async (ids) => {
    const rows = await manager.find(Delegation, { where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((d) => d.id === id) ?? null);
  }),
});
export type TripLoaders = ReturnType<typeof createTripLoaders>;
