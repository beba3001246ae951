import { publishScoped } from '../../shared/pubsub';
import type { Context } from '../../context';

/** Publishes a finding event for the viewer's province once the request's changes are committed. */
export function announceFinding(ctx: Context, kind: string, id: string, title: string): void {
  const provinceId = ctx.viewer!.provinceId!;
  const at = new Date().toISOString();
  ctx.tx.afterCommit(() =>
    publishScoped(ctx.deps.pubsub, 'FINDING_EVENT', provinceId, {
      provinceId,
      kind,
      id,
      title,
      actorName: ctx.viewer!.fullName,
      at,
    }),
  );
}
