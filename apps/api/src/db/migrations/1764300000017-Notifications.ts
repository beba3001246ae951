import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's notification inbox. A reminder exists once per object and period (the unique key), so
 * daily runs on any number of instances create it once. A user reads and marks read only their own;
 * the system (no user set, every province) writes them, as may a decision made in the province.
 */
export class Notifications1764300000017 implements MigrationInterface {
  name = 'Notifications1764300000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL CHECK (kind ~ '^[A-Z_]{3,40}$'),
        subject_id uuid NOT NULL,
        period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        PRIMARY KEY (province_id, id),
        UNIQUE (province_id, user_id, kind, subject_id, period)
      );
      CREATE INDEX notification_inbox_idx ON notification (user_id, created_at DESC, id DESC);
      CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

      ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
      ALTER TABLE notification FORCE ROW LEVEL SECURITY;
      -- A user sees their own, in the provinces they read; the system (no user) every one of its scope.
      CREATE POLICY notification_read ON notification FOR SELECT
        USING (province_id = ANY (app_readable()) AND (user_id = app_user_id() OR app_user_id() IS NULL));
      CREATE POLICY notification_insert ON notification FOR INSERT WITH CHECK (province_id = ANY (app_writable()));
      CREATE POLICY notification_update ON notification FOR UPDATE
        USING (province_id = ANY (app_readable()) AND user_id = app_user_id())
        WITH CHECK (province_id = ANY (app_readable()) AND user_id = app_user_id());
      GRANT SELECT, INSERT ON notification TO coso_api;
      GRANT UPDATE (read_at) ON notification TO coso_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification');
  }
}
