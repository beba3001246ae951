import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
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
  accountByCadre: new DataLoader<string, User | null>(async (cadreIds) => {
    const rows = await manager.find(User, { where: { cadreId: In([...cadreIds]) } });
    return cadreIds.map((id) => rows.find((u) => u.cadreId === id) ?? null);
  }),
});
export type RosterLoaders = ReturnType<typeof createRosterLoaders>;
