import PgBoss from 'pg-boss';
import { Client } from 'pg';
import type { AppDeps } from '../../context';
import { logger } from '../../shared/logger';
import { runDailyReminders } from './notification.service';

/** pg-boss keeps its tables here, apart from the product's. */
export const JOB_SCHEMA = 'pgboss';
export const DAILY_REMINDERS_QUEUE = 'daily-reminders';
/** Every morning at 07:00, Vietnamese time. */
export const DAILY_REMINDERS_CRON = '0 7 * * *';
export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';
/** pg-boss's own queue for cron: scheduled jobs are sent through it (created by the owner, like ours). */
const CRON_QUEUE = '__pgboss__send-it';

/** The queues the product uses, with their retry and expiry: created by the owner at migration. */
const QUEUES: PgBoss.Queue[] = [
  { name: CRON_QUEUE },
  { name: DAILY_REMINDERS_QUEUE, retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
];

/**
 * As the owner: creates or migrates pg-boss's schema and the product's queues, then grants the API's
 * group role what working the queues needs and nothing else (no CREATE: the app role makes no tables,
 * queue partitions included).
 */
export async function installJobQueue(ownerUrl: string, appGroup = 'coso_api'): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
    max: 2,
    application_name: 'coso-migrate-jobs',
  });
  boss.on('error', (error) => logger.warn({ err: error }, 'Job queue error during installation'));
  await boss.start();
  try {
    for (const queue of QUEUES) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // One starter at a time: concurrent GRANTs on one object fail ("tuple concurrently updated").
    await client.query(`
      BEGIN;
      SELECT pg_advisory_xact_lock(1764300001);
      REVOKE ALL ON SCHEMA ${JOB_SCHEMA} FROM PUBLIC;
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${appGroup};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${appGroup};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${appGroup};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appGroup};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT USAGE, SELECT ON SEQUENCES TO ${appGroup};
      -- Creating and deleting queues makes tables: the owner's work, never the API's.
      REVOKE ALL ON FUNCTION ${JOB_SCHEMA}.create_queue(text, json), ${JOB_SCHEMA}.delete_queue(text) FROM PUBLIC;
      COMMIT;
    `);
  } finally {
    await client.end();
  }
}

export interface JobQueue {
  /** Queues the daily reminders now (as the schedule would). */
  sendDailyReminders: () => Promise<string | null>;
  stop: () => Promise<void>;
}

/**
 * As the API's weak role, on a direct connection (pg-boss holds sessions and advisory locks, which a
 * transaction pooler would break): checks the schema is installed (no migration), keeps the daily
 * schedule, and works the queue. pg-boss makes sure each scheduled run is sent once across instances;
 * the reminders' unique key makes a retried or doubled run harmless.
 */
export async function startJobQueue(deps: AppDeps, url: string): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    migrate: false,
    supervise: true,
    schedule: true,
    max: 3,
    application_name: 'coso-api-jobs',
  });
  boss.on('error', (error) => logger.warn({ err: error }, 'Job queue error'));
  await boss.start();
  try {
    await boss.schedule(DAILY_REMINDERS_QUEUE, DAILY_REMINDERS_CRON, {}, { tz: JOB_TIMEZONE });
    await boss.work(DAILY_REMINDERS_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await runDailyReminders(deps);
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  return {
    sendDailyReminders: () => boss.send(DAILY_REMINDERS_QUEUE, {}),
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
