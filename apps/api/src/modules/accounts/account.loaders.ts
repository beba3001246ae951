import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { User } from './user.entity';

export const createAccountLoaders = (manager: EntityManager) => ({
  accountByCadre: new DataLoader<string, User | null>(async (cadreIds) => {
    const rows = await manager.find(User, { where: { cadreId: In([...cadreIds]) } });
    return cadreIds.map((id) => rows.find((u) => u.cadreId === id) ?? null);
  }),
});
export type AccountLoaders = ReturnType<typeof createAccountLoaders>;
