import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ready for Citus (infra/citus): accounts are a reference table (central accounts have no province and
 * usernames are unique across provinces), and Citus refuses foreign keys from a reference table to a
 * distributed one. An account's links to its cadre and to its host unit are therefore checked by
 * triggers instead of foreign keys, with the same effect on one server: the linked row must exist in
 * the account's province, and a linked cadre or unit cannot be deleted.
 *
 * The checks read through row-level security, like every query of the API: an account is written in
 * the writer's own province, whose cadres and units the writer reads.
 */
export class CitusReady1764300000007 implements MigrationInterface {
  name = 'CitusReady1764300000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_province_id_cadre_id_fkey,
        DROP CONSTRAINT app_user_province_id_unit_id_fkey;

      CREATE FUNCTION app_user_links_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.cadre_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM cadre c WHERE c.province_id = NEW.province_id AND c.id = NEW.cadre_id) THEN
          RAISE EXCEPTION 'account % links to cadre % which is not in province %', NEW.id, NEW.cadre_id, NEW.province_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'app_user_cadre_link', TABLE = 'app_user';
        END IF;
        IF NEW.unit_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.province_id = NEW.province_id AND u.id = NEW.unit_id) THEN
          RAISE EXCEPTION 'account % links to unit % which is not in province %', NEW.id, NEW.unit_id, NEW.province_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'app_user_unit_link', TABLE = 'app_user';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER app_user_links AFTER INSERT OR UPDATE OF province_id, cadre_id, unit_id ON app_user
        FOR EACH ROW EXECUTE FUNCTION app_user_links_check();

      -- The other side of the link: a cadre or unit that an account points at stays.
      CREATE FUNCTION app_user_link_target_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.province_id = OLD.province_id AND NEW.id = OLD.id THEN
          RETURN NULL;
        END IF;
        IF (TG_TABLE_NAME = 'cadre' AND EXISTS (
              SELECT 1 FROM app_user a WHERE a.province_id = OLD.province_id AND a.cadre_id = OLD.id))
          OR (TG_TABLE_NAME = 'unit' AND EXISTS (
              SELECT 1 FROM app_user a WHERE a.province_id = OLD.province_id AND a.unit_id = OLD.id)) THEN
          RAISE EXCEPTION '% % is linked to an account', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'app_user_' || TG_TABLE_NAME || '_link',
              TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER cadre_account_link AFTER DELETE OR UPDATE OF province_id, id ON cadre
        FOR EACH ROW EXECUTE FUNCTION app_user_link_target_removed();
      CREATE CONSTRAINT TRIGGER unit_account_link AFTER DELETE OR UPDATE OF province_id, id ON unit
        FOR EACH ROW EXECUTE FUNCTION app_user_link_target_removed();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER unit_account_link ON unit;
      DROP TRIGGER cadre_account_link ON cadre;
      DROP FUNCTION app_user_link_target_removed();
      DROP TRIGGER app_user_links ON app_user;
      DROP FUNCTION app_user_links_check();
      ALTER TABLE app_user
        ADD FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id),
        ADD FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id);
    `);
  }
}
