import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long sick leave exempts a cadre only from a minimum length the province sets for the year
 * (default 30 days, as in most provinces' plans); the rule of the exemption's start year applies.
 * Exemptions already recorded stay as they are.
 */
export class ExemptionEvidence1764300000018 implements MigrationInterface {
  name = 'ExemptionEvidence1764300000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy_rule
        ADD COLUMN sick_leave_min_days integer NOT NULL DEFAULT 30 CHECK (sick_leave_min_days BETWEEN 1 AND 365);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE policy_rule DROP COLUMN sick_leave_min_days');
  }
}
