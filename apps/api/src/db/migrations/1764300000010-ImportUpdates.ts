import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports that say they are alive and count what they changed. A running import writes a heartbeat
 * every few seconds: one whose process stopped (restart, crash) rolled its transaction back and wrote
 * nothing, and without a heartbeat its job would read "running" forever. A re-imported row whose code
 * exists now updates that record when the file says something new; the job counts those apart.
 */
export class ImportUpdates1764300000010 implements MigrationInterface {
  name = 'ImportUpdates1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE import_job ADD COLUMN updated_count integer NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP COLUMN updated_count, DROP COLUMN heartbeat_at`);
  }
}
