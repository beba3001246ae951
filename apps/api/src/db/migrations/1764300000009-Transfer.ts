import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTableSql } from './1764300000001-Organisation';

/**
 * Import, export and calendar feeds. Units and cadres get the codes the province's spreadsheets use
 * (unique in the province), imported trips a key made of their natural identity, so importing the same
 * file twice changes nothing. Import jobs keep their progress and problems; calendar feeds are private
 * links whose token only exists as a hash.
 */
export class Transfer1764300000009 implements MigrationInterface {
  name = 'Transfer1764300000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE unit ADD COLUMN code text CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$');
      CREATE UNIQUE INDEX unit_code_idx ON unit (province_id, code) WHERE code IS NOT NULL;
      CREATE INDEX unit_commune_code_idx ON unit (province_id, commune_code) WHERE commune_code IS NOT NULL;
      ALTER TABLE cadre ADD COLUMN code text CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$');
      CREATE UNIQUE INDEX cadre_code_idx ON cadre (province_id, code) WHERE code IS NOT NULL;
      -- Lead cadre, kind, dates and destinations of an imported trip, hashed: its identity in the file.
      ALTER TABLE trip ADD COLUMN import_key text;
      CREATE UNIQUE INDEX trip_import_key_idx ON trip (province_id, import_key) WHERE import_key IS NOT NULL;

      CREATE TABLE import_job (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('UNITS', 'ROSTER', 'TRIPS')),
        status text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'INVALID', 'DONE', 'ERROR')),
        file_name text NOT NULL CHECK (length(file_name) <= 255),
        file_hash text NOT NULL,
        file_size integer NOT NULL CHECK (file_size >= 0),
        phase text NOT NULL DEFAULT 'READING',
        percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        processed_rows integer NOT NULL DEFAULT 0,
        total_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        skipped_count integer NOT NULL DEFAULT 0,
        problem_count integer NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]',
        message text,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (province_id, id)
      );
      CREATE INDEX import_job_created_idx ON import_job (province_id, created_at DESC);

      CREATE TABLE calendar_feed (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        cadre_id uuid,
        unit_id uuid,
        -- A random 256-bit token's hash: unique within the province (Citus keys carry province_id), and
        -- found across provinces through its own index.
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (province_id, id),
        UNIQUE (province_id, token_hash),
        FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id),
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id),
        CHECK ((cadre_id IS NULL) <> (unit_id IS NULL))
      );
      CREATE INDEX calendar_feed_token_idx ON calendar_feed (token_hash);
      CREATE INDEX calendar_feed_owner_idx ON calendar_feed (province_id, created_by) WHERE revoked_at IS NULL;
    `);
    await q.query(tenantTableSql('import_job'));
    await q.query(tenantTableSql('calendar_feed'));
    await q.query(`
      -- A calendar application asks with the link's token only, no account: this finds the feed (live,
      -- and its account still active) and nothing else. The caller then reads in that province's scope.
      CREATE POLICY calendar_feed_owner ON calendar_feed FOR SELECT TO CURRENT_USER USING (true);
      CREATE FUNCTION calendar_feed_lookup(p_token_hash text)
        RETURNS TABLE (province_id integer, feed_id uuid, cadre_id uuid, unit_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT f.province_id, f.id, f.cadre_id, f.unit_id
          FROM calendar_feed f JOIN app_user a ON a.id = f.created_by
          WHERE f.token_hash = p_token_hash AND f.revoked_at IS NULL AND a.active
        $$;
      REVOKE ALL ON FUNCTION calendar_feed_lookup(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION calendar_feed_lookup(text) TO coso_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION calendar_feed_lookup(text);
      DROP TABLE calendar_feed, import_job;
      DROP INDEX trip_import_key_idx;
      ALTER TABLE trip DROP COLUMN import_key;
      DROP INDEX cadre_code_idx;
      ALTER TABLE cadre DROP COLUMN code;
      DROP INDEX unit_commune_code_idx, unit_code_idx;
      ALTER TABLE unit DROP COLUMN code;
    `);
  }
}
