import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Trip } from '../trips/trip.entity';
import { CorrectiveAction, InspectionConclusion, InspectionPlan, InspectionTeam } from './inspection.entity';
import { teamMemberIds } from './inspection.service';

const group = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] =>
  keys.map((k) => rows.filter((r) => keyOf(r) === k));

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> => {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
};

export const createInspectionLoaders = (manager: EntityManager) => ({
  planById: new DataLoader<string, InspectionPlan | null>(async (ids) =>
    byId(ids, await manager.find(InspectionPlan, { where: { id: In([...ids]) } })),
  ),
  teamById: new DataLoader<string, InspectionTeam | null>(async (ids) =>
    byId(ids, await manager.find(InspectionTeam, { where: { id: In([...ids]) } })),
  ),
  conclusionById: new DataLoader<string, InspectionConclusion | null>(async (ids) =>
    byId(ids, await manager.find(InspectionConclusion, { where: { id: In([...ids]) } })),
  ),
  /** A host unit's account answers for its unit and every unit below it. */
  unitIdsUnder: new DataLoader<string, Set<string>>(async (roots) => {
    const rows: Array<{ root: string; id: string }> = await manager.query(
      `WITH RECURSIVE sub(root, id) AS (
         SELECT id, id FROM unit WHERE id = ANY($1)
         UNION SELECT sub.root, u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
       SELECT root, id FROM sub`,
      [roots],
    );
    return roots.map((root) => new Set(rows.filter((r) => r.root === root).map((r) => r.id)));
  }),
  targetIdsByPlan: new DataLoader<string, string[]>(async (planIds) => {
    const rows: Array<{ plan_id: string; unit_id: string }> = await manager.query(
      'SELECT plan_id, unit_id FROM inspection_plan_target WHERE plan_id = ANY($1)',
      [planIds],
    );
    return planIds.map((id) => rows.filter((r) => r.plan_id === id).map((r) => r.unit_id));
  }),
  teamsByPlan: new DataLoader<string, InspectionTeam[]>(async (planIds) =>
    group(planIds, await manager.find(InspectionTeam, { where: { planId: In([...planIds]) } }), (t) => t.planId),
  ),
  memberIdsByTeam: new DataLoader<string, string[]>(async (teamIds) => {
    const map = await teamMemberIds(manager, teamIds);
    return teamIds.map((id) => map.get(id) ?? []);
  }),
  visitsByTeam: new DataLoader<string, Trip[]>(async (teamIds) =>
    group(
      teamIds,
      await manager.find(Trip, { where: { inspectionTeamId: In([...teamIds]) }, order: { startDate: 'ASC' } }),
      (t) => t.inspectionTeamId ?? '',
    ),
  ),
  conclusionsByTrip: new DataLoader<string, InspectionConclusion[]>(async (tripIds) =>
    group(tripIds, await manager.find(InspectionConclusion, { where: { tripId: In([...tripIds]) } }), (c) => c.tripId),
  ),
  actionsByConclusion: new DataLoader<string, CorrectiveAction[]>(async (ids) =>
    group(
      ids,
      await manager.find(CorrectiveAction, { where: { conclusionId: In([...ids]) }, order: { dueOn: 'ASC' } }),
      (a) => a.conclusionId,
    ),
  ),
});
export type InspectionLoaders = ReturnType<typeof createInspectionLoaders>;
