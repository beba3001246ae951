import { publishScoped, type TripEventPayload } from '../../shared/pubsub';
import type { Context } from '../../context';
import { actorOf } from '../tenancy/actor';
import type { TripActor } from './trip.service';
import { publishNotification } from '../notifications/notification.service';

/** The request's actor as trip operations (and modules built on trips) take it: with its loaders and live events. */
export function tripActorOf(ctx: Context): TripActor {
  return {
    ...actorOf(ctx),
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
    notify: (notification) => ctx.tx.afterCommit(() => publishNotification(ctx.deps.pubsub, notification)),
  };
}
