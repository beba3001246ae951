import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Env } from './env';
import type { AppDeps } from './context';
import { createHttpApp, type HttpApp } from './app';
import { createSchema } from './schema';
import type { Clock } from './shared/clock';
import type { Logger } from './shared/logger';
import { createAppPubSub } from './shared/pubsub';
import { setCursorSecret } from './shared/pagination';
import { ProvinceDirectory } from './modules/tenancy/province.service';
import { TokenService, tokenSecret } from './modules/accounts/auth.service';
import { SignInGuard } from './modules/accounts/auth.throttle';
import { startComplianceNotifier } from './modules/compliance/compliance.events';
import { ComplianceCache } from './modules/compliance/compliance.service';
import { startOverdueWatcher } from './modules/inspections/inspection.events';
import { startJobQueue, type JobQueue } from './modules/notifications/notification.jobs';

export interface Server {
  deps: AppDeps;
  http: HttpApp;
  /** The job queue this process works (scheduled reminders); null when not started. */
  jobs: JobQueue | null;
  stop: () => Promise<void>;
}

/** The composition root: process-wide dependencies, the schema, background listeners, the HTTP app. */
export async function createServer(
  env: Env,
  dataSource: DataSource,
  clock: Clock,
  options: {
    logger?: Logger;
    /**
     * A direct connection to the database (not through a transaction pooler) for the event bus between
     * processes and instances when there is no Redis. Unset with no REDIS_URL: events stay in this process.
     */
    eventBusUrl?: string;
    /**
     * A direct connection to the database as the API role for the job queue (pg-boss: schedules and
     * works the daily reminders). Unset: no job queue in this process.
     */
    jobQueueUrl?: string;
    /** Start the job queue under NODE_ENV=test too (tests call the jobs directly otherwise). */
    startJobs?: boolean;
  } = {},
): Promise<Server> {
  const secret = await tokenSecret(env);
  setCursorSecret(secret);
  const instanceId = randomUUID();
  const eventBus = createAppPubSub({
    redisUrl: env.REDIS_URL,
    postgresUrl: options.eventBusUrl,
    instanceId,
    log: options.logger,
  });
  const { pubsub } = eventBus;
  const deps: AppDeps = {
    env,
    dataSource,
    provinces: await ProvinceDirectory.load(dataSource),
    pubsub,
    eventBus,
    tokens: new TokenService(secret, env.TOKEN_TTL),
    signIns: new SignInGuard(env.REDIS_URL),
    clock,
    instanceId,
    complianceCache: new ComplianceCache(),
  };
  const stopNotifier = startComplianceNotifier(pubsub, deps.instanceId);
  const stopOverdueWatcher = env.NODE_ENV === 'test' ? () => undefined : startOverdueWatcher(deps);
  const http = await createHttpApp(deps, await createSchema(pubsub), options.logger);
  let jobs: JobQueue | null = null;
  if (options.jobQueueUrl && (env.NODE_ENV !== 'test' || options.startJobs === true)) {
    try {
      jobs = await startJobQueue(deps, options.jobQueueUrl);
    } catch (error) {
      stopNotifier();
      stopOverdueWatcher();
      await http.close();
      await eventBus.close();
      deps.signIns.close();
      throw error;
    }
  }
  return {
    deps,
    http,
    jobs,
    stop: async () => {
      stopNotifier();
      stopOverdueWatcher();
      await jobs?.stop();
      await http.close();
      await eventBus.close();
      deps.signIns.close();
    },
  };
}
