import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Cadre, Exemption } from './cadre.entity';

export const createRosterLoaders = (manager: EntityManager) => ({
  cadreById: new DataLoader<string, Cadre | null>(async (ids) => {
    const rows = await manager.find(Cadre, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
  exemptionsByCadre: new DataLoader<string, Exemption[]>(async (cadreIds) => {
    const rows = await manager.find(Exemption, { where: { cadreId: In([...cadreIds]) }, order: { startDate: 'ASC' } });
    return cadreIds.map((id) => rows.filter((e) => e.cadreId === id));
  }),
});
export type RosterLoaders = ReturnType<typeof createRosterLoaders>;
