import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadProvinceCatalog } from '../../modules/tenancy/province.catalog';

/**
 * Provinces (shared reference data), accounts, and the tenancy primitives every tenant table's
 * row-level security policy uses. The API logs in as a member of `coso_api`, which owns nothing.
 */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coso_api') THEN
          CREATE ROLE coso_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$;
      GRANT USAGE ON SCHEMA public TO coso_api;

      -- The viewer's provinces, set per transaction by the API with set_config(..., true).
      -- No setting means an empty array: policies then return no rows and refuse every write.
      CREATE FUNCTION app_readable() RETURNS int[] LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('app.read_provinces', true), ''), '{}')::int[] $$;
      CREATE FUNCTION app_writable() RETURNS int[] LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('app.write_provinces', true), ''), '{}')::int[] $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

      -- Vietnamese text folded for search: lower case, no diacritics, đ -> d.
      CREATE FUNCTION vn_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT translate(lower(t),
          'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
          'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
      $$;

      CREATE TABLE province (
        id integer PRIMARY KEY,
        code text NOT NULL UNIQUE,
        gso_code text NOT NULL,
        name text NOT NULL,
        full_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PROVINCE', 'CITY')),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'MERGED')),
        successor_id integer REFERENCES province (id),
        merged_on date,
        CHECK ((status = 'MERGED') = (successor_id IS NOT NULL))
      );
      GRANT SELECT ON province TO coso_api;

      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        province_id integer REFERENCES province (id),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('CENTRAL', 'PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE', 'HOST_UNIT')),
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'CENTRAL') = (province_id IS NULL))
      );
      CREATE INDEX app_user_province_idx ON app_user (province_id);
      ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
      ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
      CREATE POLICY app_user_read ON app_user FOR SELECT
        USING (id = app_user_id() OR province_id = ANY (app_readable()));
      CREATE POLICY app_user_owner ON app_user TO CURRENT_USER USING (true) WITH CHECK (true);
      -- Password hashes are never readable by the API role: sign-in goes through auth_* below.
      GRANT SELECT (id, province_id, username, full_name, role, active, created_at) ON app_user TO coso_api;

      CREATE FUNCTION auth_find_user(p_username text)
        RETURNS TABLE (id uuid, password_hash text, active boolean, locked_until timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT id, password_hash, active, locked_until FROM app_user WHERE username = lower(p_username) $$;

      -- After 5 consecutive failures the account waits 30 s, doubling each further failure, up to 15 min.
      CREATE FUNCTION auth_record_login(p_user uuid, p_ok boolean) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE app_user SET
          failed_logins = CASE WHEN p_ok THEN 0 ELSE failed_logins + 1 END,
          locked_until = CASE
            WHEN p_ok OR failed_logins + 1 < 5 THEN NULL
            ELSE now() + least(interval '15 minutes', interval '30 seconds' * power(2, failed_logins + 1 - 5))
          END
        WHERE id = p_user
      $$;
      REVOKE ALL ON FUNCTION auth_find_user(text), auth_record_login(uuid, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_user(text), auth_record_login(uuid, boolean) TO coso_api;
      GRANT SELECT ON migrations TO coso_api;
    `);

    const provinces = loadProvinceCatalog();
    // Active provinces first: predecessors reference them.
    const ordered = [...provinces].sort((a, b) => Number(a.status === 'MERGED') - Number(b.status === 'MERGED'));
    for (const p of ordered) {
      await q.query(
        `INSERT INTO province (id, code, gso_code, name, full_name, kind, status, successor_id, merged_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.id, p.code, p.gsoCode, p.name, p.fullName, p.kind, p.status, p.successorId, p.mergedOn],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_record_login(uuid, boolean);
      DROP FUNCTION auth_find_user(text);
      DROP TABLE app_user;
      DROP TABLE province;
      DROP FUNCTION vn_fold(text);
      DROP FUNCTION app_user_id();
      DROP FUNCTION app_writable();
      DROP FUNCTION app_readable();
    `);
  }
}
