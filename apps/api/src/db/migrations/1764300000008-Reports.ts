import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTableSql } from './1764300000001-Organisation';

/**
 * The annual "1+2" report of a province: narrative paragraphs edited as a draft, then a final version
 * whose figures are frozen so later changes to trips or the roster cannot alter an issued report.
 */
export class Reports1764300000008 implements MigrationInterface {
  name = 'Reports1764300000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report (
        province_id integer NOT NULL REFERENCES province (id),
        year integer NOT NULL CHECK (year BETWEEN 2015 AND 2100),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'FINAL')),
        narrative jsonb NOT NULL DEFAULT '{}',
        figures jsonb,
        number text CHECK (number IS NULL OR number ~ '^[0-9]{1,6}$'),
        issued_on date,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finalized_by uuid REFERENCES app_user (id),
        finalized_at timestamptz,
        PRIMARY KEY (province_id, year),
        CHECK ((status = 'FINAL') = (figures IS NOT NULL AND number IS NOT NULL AND issued_on IS NOT NULL))
      );
    `);
    await q.query(tenantTableSql('report'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report');
  }
}
