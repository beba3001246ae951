import { ScopedTransaction } from '../tenancy/tenancy';
import { publishScoped } from '../../shared/pubsub';
import { logger } from '../../shared/logger';
import type { AppDeps } from '../../context';
import type { CorrectiveAction } from './inspection.entity';

/**
 * Announces corrective actions the day they become overdue. Each action is claimed by one UPDATE, so
 * with several instances each lateness is announced once.
 */
export async function announceOverdueActions(deps: AppDeps): Promise<number> {
  const provinceIds = deps.provinces.all.map((p) => p.id);
  const tx = await ScopedTransaction.openSystem(deps.dataSource, provinceIds);
  try {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [Array<Pick<CorrectiveAction, 'provinceId' | 'id' | 'description'>>, number] = await tx.manager.query(
      `UPDATE corrective_action SET overdue_announced_at = now()
       WHERE status <> 'VERIFIED' AND due_on < $1 AND overdue_announced_at IS NULL
       RETURNING province_id AS "provinceId", id, description`,
      [deps.clock.today()],
    );
    const at = new Date().toISOString();
    for (const r of rows) {
      tx.afterCommit(() =>
        publishScoped(deps.pubsub, 'FINDING_EVENT', r.provinceId, {
          provinceId: r.provinceId,
          kind: 'ACTION_OVERDUE',
          id: r.id,
          title: r.description,
          actorName: 'Hệ thống',
          at,
        }),
      );
    }
    await tx.commit();
    return rows.length;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

export function startOverdueWatcher(deps: AppDeps, everyMs = 10 * 60_000): () => void {
  const run = () =>
    void announceOverdueActions(deps).catch((error: unknown) => logger.warn({ err: error }, 'Overdue check failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  setTimeout(run, 5_000).unref();
  return () => clearInterval(timer);
}
