import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province-year rule: a standing-board member's own trip (as lead or member) is decided by another
 * member of the standing board. On by default, so every existing year gets it.
 */
export class OwnTripDecision1764300000012 implements MigrationInterface {
  name = 'OwnTripDecision1764300000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_rule ADD COLUMN own_trip_decided_by_other boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_rule DROP COLUMN own_trip_decided_by_other`);
  }
}
