import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation department creates and links its province's accounts (a cadre's own account, a
 * host unit's account). Central accounts stay out of the API's reach.
 */
export class AccountAdmin1764300000002 implements MigrationInterface {
  name = 'AccountAdmin1764300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY app_user_insert ON app_user FOR INSERT
        WITH CHECK (province_id = ANY (app_writable()) AND role <> 'CENTRAL');
      CREATE POLICY app_user_update ON app_user FOR UPDATE
        USING (province_id = ANY (app_writable())) WITH CHECK (province_id = ANY (app_writable()) AND role <> 'CENTRAL');
      GRANT INSERT (id, province_id, username, password_hash, full_name, role, cadre_id, unit_id) ON app_user TO coso_api;
      GRANT UPDATE (full_name, role, active, cadre_id, unit_id, password_hash) ON app_user TO coso_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE INSERT, UPDATE ON app_user FROM coso_api;
      DROP POLICY app_user_update ON app_user;
      DROP POLICY app_user_insert ON app_user;
    `);
  }
}
