import { AppError, ErrorCode } from '../../shared/errors';
import { publishScoped, type TripEventPayload } from '../../shared/pubsub';
import type { Context } from '../../context';
import type { TripActor } from './trip.service';

/** The acting user of a request, as trip operations (and modules built on trips) take it. */
export function actorOf(ctx: Context): TripActor {
  const viewer = ctx.viewer;
  if (!viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Bạn cần đăng nhập để tiếp tục.');
  const own = viewer.provinceId;
  return {
    manager: ctx.tx.manager,
    viewer,
    provinceId: own !== null && ctx.scope.writable.includes(own) ? own : null,
    today: ctx.deps.clock.today(),
    loaders: ctx.loaders,
    emit: (event: TripEventPayload) =>
      ctx.tx.afterCommit(() => {
        publishScoped(ctx.deps.pubsub, 'TRIP_EVENT', event.provinceId, event);
        publishScoped(ctx.deps.pubsub, 'COMPLIANCE_INPUT', event.provinceId, {
          provinceId: event.provinceId,
          year: event.year,
          cadreIds: event.memberIds,
          origin: ctx.deps.instanceId,
        });
      }),
  };
}
