import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Unit } from './unit.entity';

export const createUnitLoaders = (manager: EntityManager) => ({
  unitById: new DataLoader<string, Unit | null>(async (ids) => {
    const rows = await manager.find(Unit, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
  childrenByParent: new DataLoader<string, Unit[]>(async (parentIds) => {
    const rows = await manager
      .createQueryBuilder(Unit, 'u')
      .where('u.parent_id = ANY(:parentIds)', { parentIds: [...parentIds] })
      .orderBy('u.name COLLATE "vi-x-icu"', 'ASC')
      .getMany();
    return parentIds.map((id) => rows.filter((u) => u.parentId === id));
  }),
});
export type UnitLoaders = ReturnType<typeof createUnitLoaders>;
