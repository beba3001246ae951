import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Unit } from './unit.entity';

export const createUnitLoaders = (manager: EntityManager) => ({
  unitById: new DataLoader<string, Unit | null>(async (ids) => {
    const rows = await manager.find(Unit, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
});
export type UnitLoaders = ReturnType<typeof createUnitLoaders>;
