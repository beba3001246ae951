import { publishScoped } from '../../shared/pubsub';
import type { Context } from '../../context';
import { viewerOf } from '../tenancy/actor';
import { writableProvince } from '../tenancy/tenancy';

/** Publishes a finding event for the viewer's province once the request's changes are committed. */
export function announceFinding(ctx: Context, kind: string, id: string, title: string): void {
  const viewer = viewerOf(ctx);
  const provinceId = writableProvince(viewer, ctx.scope);
  const at = new Date().toISOString();
  ctx.tx.afterCommit(() =>
    publishScoped(ctx.deps.pubsub, 'FINDING_EVENT', provinceId, {
      provinceId,
      kind,
      id,
      title,
      actorName: viewer.fullName,
      at,
    }),
  );
}
