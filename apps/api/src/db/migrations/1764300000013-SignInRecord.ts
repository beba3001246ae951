import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins are no longer counted on the account (which let anyone lock out a known account, and
 * told a real name from an unknown one): the API throttles them by address and name outside the
 * database. A successful sign-in records its time, in the request's own transaction.
 */
export class SignInRecord1764300000013 implements MigrationInterface {
  name = 'SignInRecord1764300000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_record_login(uuid, boolean);
      DROP FUNCTION auth_find_user(text);
      ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until, ADD COLUMN last_sign_in_at timestamptz;

      CREATE FUNCTION auth_find_user(p_username text)
        RETURNS TABLE (id uuid, password_hash text, active boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT id, password_hash, active FROM app_user WHERE username = lower(p_username) $$;

      CREATE FUNCTION auth_record_sign_in(p_user uuid) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ UPDATE app_user SET last_sign_in_at = now() WHERE id = p_user AND active $$;

      REVOKE ALL ON FUNCTION auth_find_user(text), auth_record_sign_in(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_user(text), auth_record_sign_in(uuid) TO coso_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_record_sign_in(uuid);
      DROP FUNCTION auth_find_user(text);
      ALTER TABLE app_user DROP COLUMN last_sign_in_at,
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz;

      CREATE FUNCTION auth_find_user(p_username text)
        RETURNS TABLE (id uuid, password_hash text, active boolean, locked_until timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT id, password_hash, active, locked_until FROM app_user WHERE username = lower(p_username) $$;

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
    `);
  }
}
