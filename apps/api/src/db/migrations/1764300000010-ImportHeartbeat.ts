import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running import says it is alive every few seconds. An import whose process stopped (restart,
 * crash) rolled its transaction back and wrote nothing; without a heartbeat its job would read
 * "running" forever.
 */
export class ImportHeartbeat1764300000010 implements MigrationInterface {
  name = 'ImportHeartbeat1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP COLUMN heartbeat_at`);
  }
}
