import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Trip } from '../trips/trip.entity';

export const createFindingLoaders = (manager: EntityManager) => ({
  replicationUnitIdsByModel: new DataLoader<string, string[]>(async (modelIds) => {
    const rows: Array<{ model_id: string; unit_id: string }> = await manager.query(
      'SELECT model_id, unit_id FROM good_model_replication WHERE model_id = ANY($1)',
      [modelIds],
    );
    return modelIds.map((id) => rows.filter((r) => r.model_id === id).map((r) => r.unit_id));
  }),
  /** The units that already gave their feedback on each trip. */
  feedbackUnitIdsByTrip: new DataLoader<string, string[]>(async (tripIds) => {
    const rows: Array<{ trip_id: string; unit_id: string }> = await manager.query(
      'SELECT trip_id, unit_id FROM host_feedback WHERE trip_id = ANY($1)',
      [tripIds],
    );
    return tripIds.map((id) => rows.filter((r) => r.trip_id === id).map((r) => r.unit_id));
  }),
  tripById: new DataLoader<string, Trip | null>(async (ids) => {
    const rows = await manager.find(Trip, { where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((t) => t.id === id) ?? null);
  }),
});
export type FindingLoaders = ReturnType<typeof createFindingLoaders>;
