import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exemptions of different kinds may overlap (a long sick leave inside a period of long study is one
 * ordinary record each); the exempt days are their union. The same kind overlapping itself stays
 * refused. A trip during an exemption becomes a rule of the province-year: warn (the default), block
 * or not checked, since a cadre on partial leave may still go.
 */
export class ExemptionKinds1764300000014 implements MigrationInterface {
  name = 'ExemptionKinds1764300000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE exemption DROP CONSTRAINT exemption_province_id_cadre_id_daterange_excl,
        ADD CONSTRAINT exemption_same_kind_excl
          EXCLUDE USING gist (province_id WITH =, cadre_id WITH =, kind WITH =, daterange(start_date, end_date, '[]') WITH &&);
      ALTER TABLE policy_rule ADD COLUMN check_exempt_trip text NOT NULL DEFAULT 'WARN'
        CHECK (check_exempt_trip IN ('BLOCK', 'WARN', 'OFF'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy_rule DROP COLUMN check_exempt_trip;
      ALTER TABLE exemption DROP CONSTRAINT exemption_same_kind_excl,
        ADD CONSTRAINT exemption_province_id_cadre_id_daterange_excl
          EXCLUDE USING gist (province_id WITH =, cadre_id WITH =, daterange(start_date, end_date, '[]') WITH &&);
    `);
  }
}
