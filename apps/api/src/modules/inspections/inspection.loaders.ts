import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Trip } from '../trips/trip.entity';
import { CorrectiveAction, InspectionConclusion, InspectionTeam } from './inspection.entity';
import { teamMemberIds } from './inspection.service';

const group = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] =>
  keys.map((k) => rows.filter((r) => keyOf(r) === k));

export const createInspectionLoaders = (manager: EntityManager) => ({
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
