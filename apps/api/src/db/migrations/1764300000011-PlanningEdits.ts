import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batches and topics the organisation department can correct and close. A version guards against two
 * people saving over each other; a closed batch or topic is no longer offered for new registrations,
 * while the trips that already use it keep it.
 */
export class PlanningEdits1764300000011 implements MigrationInterface {
  name = 'PlanningEdits1764300000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE batch ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN active boolean NOT NULL DEFAULT true;
      ALTER TABLE topic ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN active boolean NOT NULL DEFAULT true;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE topic DROP COLUMN active, DROP COLUMN version;
      ALTER TABLE batch DROP COLUMN active, DROP COLUMN version;
    `);
  }
}
