import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Batch, Topic } from './planning.entity';

export const createPlanningLoaders = (manager: EntityManager) => ({
  topicById: new DataLoader<string, Topic | null>(async (ids) => {
    const rows = await manager.find(Topic, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
  batchById: new DataLoader<string, Batch | null>(async (ids) => {
    const rows = await manager.find(Batch, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((b) => [b.id, b]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
});
export type PlanningLoaders = ReturnType<typeof createPlanningLoaders>;
