import type { DataSource } from 'typeorm';
import type { Env } from './env';
import type { AppPubSub, PubSubHandle } from './shared/pubsub';
import type { ProvinceDirectory } from './modules/tenancy/province.service';
import type { ScopedTransaction, Scope, Viewer } from './modules/tenancy/tenancy';
import type { TokenService } from './modules/accounts/auth.service';
import type { SignInGuard } from './modules/accounts/auth.throttle';
import type { Clock } from './shared/clock';
import type { ComplianceCache } from './modules/compliance/compliance.service';
import { createUnitLoaders, type UnitLoaders } from './modules/units/unit.loaders';
import { createRosterLoaders, type RosterLoaders } from './modules/roster/roster.loaders';
import { createPlanningLoaders, type PlanningLoaders } from './modules/planning/planning.loaders';
import {
  createTripLoaders,
  createTripRelationsLoader,
  type TripLoaders,
  type TripRelationsLoader,
} from './modules/trips/trip.loaders';
import { createInspectionLoaders, type InspectionLoaders } from './modules/inspections/inspection.loaders';
import { createFindingLoaders, type FindingLoaders } from './modules/findings/finding.loaders';
import { createRulesLoaders, type RulesLoaders } from './modules/rules/rules.loaders';
import { createAccountLoaders, type AccountLoaders } from './modules/accounts/account.loaders';

/** What lives as long as the process: built once by the composition root. */
export interface AppDeps {
  env: Env;
  dataSource: DataSource;
  provinces: ProvinceDirectory;
  pubsub: AppPubSub;
  /** The bus between instances: its health, and word that this instance may have missed events. */
  eventBus: Pick<PubSubHandle, 'status' | 'onGap'>;
  tokens: TokenService;
  signIns: SignInGuard;
  clock: Clock;
  /** This API process, among the instances sharing the event bus. */
  instanceId: string;
  complianceCache: ComplianceCache;
}

/** Per-request loaders, each bound to the request's transaction (built from the modules' *.loaders.ts). */
export type Loaders = UnitLoaders &
  RosterLoaders &
  AccountLoaders &
  RulesLoaders &
  PlanningLoaders &
  TripLoaders &
  TripRelationsLoader &
  InspectionLoaders &
  FindingLoaders;

export interface Context {
  requestId: string;
  deps: AppDeps;
  tx: ScopedTransaction;
  readonly viewer: Viewer | null;
  readonly scope: Scope;
  loaders: Loaders;
  /** The client's address (behind TRUST_PROXY, as the proxy reports it); null outside HTTP. */
  clientAddress: string | null;
}

/** A WebSocket subscription's context: who is listening; each event is read in its own transaction. */
export interface SubscriptionContext {
  requestId: string;
  deps: AppDeps;
  viewer: Viewer | null;
  scope: Scope;
}

export function createLoaders(tx: ScopedTransaction): Loaders {
  const manager = tx.manager;
  const loaders = {
    ...createUnitLoaders(manager),
    ...createRosterLoaders(manager),
    ...createAccountLoaders(manager),
    ...createRulesLoaders(manager),
    ...createPlanningLoaders(manager),
    ...createTripLoaders(manager),
    ...createInspectionLoaders(manager),
    ...createFindingLoaders(manager),
  };
  return { ...loaders, ...createTripRelationsLoader(manager, loaders) };
}

export function createContext(
  requestId: string,
  deps: AppDeps,
  tx: ScopedTransaction,
  clientAddress: string | null = null,
): Context {
  return {
    requestId,
    clientAddress,
    deps,
    tx,
    get viewer() {
      return tx.viewer;
    },
    get scope() {
      return tx.scope;
    },
    loaders: createLoaders(tx),
  };
}
