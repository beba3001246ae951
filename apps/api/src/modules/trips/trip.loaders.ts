import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { entityFromJson } from '../../db/hydrate';
import { Cadre } from '../roster/cadre.entity';
import type { RosterLoaders } from '../roster/roster.loaders';
import { Topic } from '../planning/planning.entity';
import type { PlanningLoaders } from '../planning/planning.loaders';
import { Unit } from '../units/unit.entity';
import type { UnitLoaders } from '../units/unit.loaders';
import { Delegation, TripDestination, TripMember, TripReport, TripTimelineEntry, type Trip } from './trip.entity';

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

/**
 * Everything a trip's card names, for a page of trips in one statement: members, destinations, the lead
 * and members (with their departments), the topic. The rows prime the loaders the trip's fields read
 * (`membersByTrip`, `cadreById`, `unitById`, …), which then answer without asking the database: a list
 * of trips costs this one statement instead of one per relation and level.
 */
export function createTripRelationsLoader(
  manager: EntityManager,
  loaders: Pick<TripLoaders, 'membersByTrip' | 'destinationsByTrip'> &
    Pick<RosterLoaders, 'cadreById'> &
    Pick<UnitLoaders, 'unitById'> &
    Pick<PlanningLoaders, 'topicById'>,
) {
  return {
    tripRelations: new DataLoader<Trip, true, string>(
      async (trips) => {
        const rows: Array<{ kind: 'member' | 'destination' | 'cadre' | 'unit' | 'topic'; row: Record<string, unknown> }> =
          await manager.query(
            `WITH tr AS (
               SELECT t.province_id, t.id, t.lead_cadre_id, t.department_id, t.topic_id
               FROM trip t JOIN unnest($1::int[], $2::uuid[]) AS k(province_id, id) USING (province_id, id)),
             m AS (SELECT m.* FROM trip_member m JOIN tr ON m.province_id = tr.province_id AND m.trip_id = tr.id),
             d AS (SELECT d.* FROM trip_destination d JOIN tr ON d.province_id = tr.province_id AND d.trip_id = tr.id),
             c AS (SELECT c.* FROM cadre c WHERE (c.province_id, c.id) IN (
               SELECT province_id, cadre_id FROM m UNION SELECT province_id, lead_cadre_id FROM tr))
             SELECT 'member' AS kind, to_jsonb(m.*) AS row FROM m
             UNION ALL SELECT 'destination', to_jsonb(d.*) FROM d
             UNION ALL SELECT 'cadre', to_jsonb(c.*) FROM c
             UNION ALL SELECT 'unit', to_jsonb(u.*) FROM unit u WHERE (u.province_id, u.id) IN (
               SELECT province_id, unit_id FROM d UNION SELECT province_id, department_id FROM tr
               UNION SELECT province_id, department_id FROM c)
             UNION ALL SELECT 'topic', to_jsonb(p.*) FROM topic p WHERE (p.province_id, p.id) IN (SELECT province_id, topic_id FROM tr)`,
            [trips.map((t) => t.provinceId), trips.map((t) => t.id)],
          );
        const members = new Map<string, TripMember[]>(trips.map((t) => [t.id, []]));
        const destinations = new Map<string, TripDestination[]>(trips.map((t) => [t.id, []]));
        for (const { kind, row } of rows) {
          if (kind === 'member') {
            const member = entityFromJson(manager, TripMember, row);
            members.get(member.tripId)?.push(member);
          } else if (kind === 'destination') {
            const destination = entityFromJson(manager, TripDestination, row);
            destinations.get(destination.tripId)?.push(destination);
          } else if (kind === 'cadre') {
            const cadre = entityFromJson(manager, Cadre, row);
            loaders.cadreById.prime(cadre.id, cadre);
          } else if (kind === 'unit') {
            const unit = entityFromJson(manager, Unit, row);
            loaders.unitById.prime(unit.id, unit);
          } else {
            const topic = entityFromJson(manager, Topic, row);
            loaders.topicById.prime(topic.id, topic);
          }
        }
        for (const [tripId, list] of members) loaders.membersByTrip.prime(tripId, list);
        for (const [tripId, list] of destinations) loaders.destinationsByTrip.prime(tripId, list);
        return trips.map(() => true as const);
      },
      { cacheKeyFn: (trip) => trip.id },
    ),
  };
}
export type TripRelationsLoader = ReturnType<typeof createTripRelationsLoader>;
