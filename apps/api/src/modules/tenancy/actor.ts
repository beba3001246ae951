import type { EntityManager } from 'typeorm';
import type { Clock } from '../../shared/clock';
import { signInRequired } from '../../shared/errors';
import type { Scope, ScopedTransaction, Viewer } from './tenancy';

/** Who acts in a request, and where: what a service that writes takes as its first argument. */
export interface Actor {
  manager: EntityManager;
  viewer: Viewer;
  /** The province written to; null for read-only viewers (central, a merged province). */
  provinceId: number | null;
  today: string;
}

/** The parts of a request an actor is made from (the composition root's Context has them). */
export interface ActorSource {
  tx: Pick<ScopedTransaction, 'manager'>;
  viewer: Viewer | null;
  scope: Scope;
  deps: { clock: Pick<Clock, 'today'> };
}

/** The signed-in user of a request; a signed-out caller is refused. */
export function viewerOf(request: Pick<ActorSource, 'viewer'>): Viewer {
  if (!request.viewer) throw signInRequired();
  return request.viewer;
}

/** The signed-in user of a request as an actor; a signed-out caller is refused. */
export function actorOf(request: ActorSource): Actor {
  const viewer = viewerOf(request);
  const own = viewer.provinceId;
  return {
    manager: request.tx.manager,
    viewer,
    provinceId: own !== null && request.scope.writable.includes(own) ? own : null,
    today: request.deps.clock.today(),
  };
}
