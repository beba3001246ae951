import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every tenant table gets the same treatment: forced row-level security by province. */
export const tenantTableSql = (table: string): string => `
  ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
  CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (province_id = ANY (app_readable()));
  CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (province_id = ANY (app_writable()));
  CREATE POLICY ${table}_update ON ${table} FOR UPDATE
    USING (province_id = ANY (app_writable())) WITH CHECK (province_id = ANY (app_writable()));
  CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (province_id = ANY (app_writable()));
  GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coso_api;
`;

/**
 * The organisation (unit tree with validity dates, roster, exemptions), the rules per province and
 * year, planning (batches, topics, department plans) and trips with their members, destinations,
 * timeline and report. Keys start with province_id and references between tenant tables include it,
 * so no row can point into another province.
 */
export class Organisation1764300000001 implements MigrationInterface {
  name = 'Organisation1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      CREATE TABLE unit (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        parent_id uuid,
        kind text NOT NULL CHECK (kind IN ('PROVINCIAL_AGENCY', 'DEPARTMENT', 'OFFICE', 'DISTRICT_UNION',
          'AFFILIATED_UNION', 'COMMUNE_UNION', 'GRASSROOTS_UNION', 'CHAPTER')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        name_folded text GENERATED ALWAYS AS (vn_fold(name)) STORED,
        commune_code text,
        valid_from date NOT NULL,
        valid_to date,
        remote boolean NOT NULL DEFAULT false,
        border boolean NOT NULL DEFAULT false,
        island boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, parent_id) REFERENCES unit (province_id, id),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );
      CREATE INDEX unit_parent_idx ON unit (province_id, parent_id);
      CREATE INDEX unit_kind_idx ON unit (province_id, kind);

      CREATE TABLE cadre (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        full_name text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 2 AND 120),
        name_folded text GENERATED ALWAYS AS (vn_fold(full_name)) STORED,
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        position text NOT NULL DEFAULT '',
        department_id uuid,
        agency_staff boolean NOT NULL DEFAULT false,
        executive_member boolean NOT NULL DEFAULT false,
        term text,
        subject_from date NOT NULL,
        subject_to date,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, department_id) REFERENCES unit (province_id, id),
        CHECK (subject_to IS NULL OR subject_to >= subject_from),
        CHECK (agency_staff OR executive_member)
      );
      CREATE INDEX cadre_department_idx ON cadre (province_id, department_id);

      ALTER TABLE app_user ADD COLUMN cadre_id uuid, ADD COLUMN unit_id uuid,
        ADD FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id),
        ADD FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id);
      CREATE UNIQUE INDEX app_user_cadre_idx ON app_user (province_id, cadre_id) WHERE cadre_id IS NOT NULL;
      GRANT SELECT (cadre_id, unit_id) ON app_user TO coso_api;

      CREATE TABLE exemption (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        cadre_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LONG_STUDY', 'LONG_SICK_LEAVE', 'MATERNITY', 'OTHER')),
        start_date date NOT NULL,
        end_date date NOT NULL,
        note text NOT NULL DEFAULT '',
        approved_by text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id) ON DELETE CASCADE,
        CHECK (end_date >= start_date),
        -- Long study exempts only from six months on (Hướng dẫn 03-HD/TWĐTN-BTC).
        CHECK (kind <> 'LONG_STUDY' OR end_date >= (start_date + interval '6 months' - interval '1 day')::date),
        EXCLUDE USING gist (province_id WITH =, cadre_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
      );

      CREATE TABLE policy_rule (
        province_id integer NOT NULL REFERENCES province (id),
        year integer NOT NULL CHECK (year BETWEEN 2015 AND 2100),
        required_days integer NOT NULL DEFAULT 60 CHECK (required_days BETWEEN 0 AND 366),
        window_start date NOT NULL,
        window_end date NOT NULL,
        min_days_district integer CHECK (min_days_district >= 0),
        min_days_commune integer CHECK (min_days_commune >= 0),
        min_days_chapter integer CHECK (min_days_chapter >= 0),
        report_required boolean NOT NULL DEFAULT true,
        report_due_days integer NOT NULL DEFAULT 10 CHECK (report_due_days BETWEEN 0 AND 365),
        check_late_registration text NOT NULL DEFAULT 'WARN' CHECK (check_late_registration IN ('BLOCK', 'WARN', 'OFF')),
        check_double_booking text NOT NULL DEFAULT 'BLOCK' CHECK (check_double_booking IN ('BLOCK', 'WARN', 'OFF')),
        check_host_load text NOT NULL DEFAULT 'WARN' CHECK (check_host_load IN ('BLOCK', 'WARN', 'OFF')),
        host_load_max_per_week integer NOT NULL DEFAULT 2 CHECK (host_load_max_per_week >= 1),
        check_topic_overlap text NOT NULL DEFAULT 'WARN' CHECK (check_topic_overlap IN ('BLOCK', 'WARN', 'OFF')),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id),
        PRIMARY KEY (province_id, year),
        CHECK (window_end >= window_start
          AND extract(year FROM window_start) = year AND extract(year FROM window_end) = year)
      );

      CREATE TABLE batch (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        number integer NOT NULL CHECK (number BETWEEN 1 AND 12),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        registration_deadline date NOT NULL,
        PRIMARY KEY (province_id, id),
        UNIQUE (province_id, year, quarter, number),
        CHECK (ends_on >= starts_on AND registration_deadline <= ends_on
          AND extract(year FROM starts_on) = year AND extract(quarter FROM starts_on) = quarter)
      );

      CREATE TABLE topic (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        year integer NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 300),
        title_folded text GENERATED ALWAYS AS (vn_fold(title)) STORED,
        description text NOT NULL DEFAULT '',
        department_id uuid NOT NULL,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, department_id) REFERENCES unit (province_id, id)
      );
      CREATE INDEX topic_year_idx ON topic (province_id, year);

      CREATE TABLE quarterly_plan (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        department_id uuid NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
        note text NOT NULL DEFAULT '',
        submitted_at timestamptz,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (province_id, id),
        UNIQUE (province_id, department_id, year, quarter),
        FOREIGN KEY (province_id, department_id) REFERENCES unit (province_id, id)
      );

      CREATE TABLE delegation (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        host_unit_id uuid NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, host_unit_id) REFERENCES unit (province_id, id)
      );

      CREATE TABLE trip (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TOPIC', 'COORDINATION', 'INSPECTION', 'MEETING')),
        state text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED',
          'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED', 'CANCELLED')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 300),
        title_folded text GENERATED ALWAYS AS (vn_fold(title)) STORED,
        purpose text NOT NULL DEFAULT '',
        expected_output text NOT NULL DEFAULT '',
        topic_id uuid,
        lead_cadre_id uuid NOT NULL,
        department_id uuid,
        batch_id uuid,
        plan_id uuid,
        delegation_id uuid,
        start_date date NOT NULL,
        end_date date NOT NULL,
        actual_start date,
        actual_end date,
        travel_order_no text,
        estimated_cost bigint CHECK (estimated_cost >= 0),
        actual_cost bigint CHECK (actual_cost >= 0),
        settlement text NOT NULL DEFAULT 'NONE' CHECK (settlement IN ('NONE', 'PENDING', 'SETTLED')),
        late_registration boolean NOT NULL DEFAULT false,
        late_justification text,
        decision_note text,
        warnings jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, topic_id) REFERENCES topic (province_id, id),
        FOREIGN KEY (province_id, lead_cadre_id) REFERENCES cadre (province_id, id),
        FOREIGN KEY (province_id, department_id) REFERENCES unit (province_id, id),
        FOREIGN KEY (province_id, batch_id) REFERENCES batch (province_id, id),
        FOREIGN KEY (province_id, plan_id) REFERENCES quarterly_plan (province_id, id),
        FOREIGN KEY (province_id, delegation_id) REFERENCES delegation (province_id, id),
        CHECK (end_date >= start_date),
        CHECK (actual_end IS NULL OR actual_end >= actual_start),
        CHECK (NOT late_registration OR length(btrim(coalesce(late_justification, ''))) > 0)
      );
      CREATE INDEX trip_dates_idx ON trip (province_id, start_date, id);
      CREATE INDEX trip_state_idx ON trip (province_id, state);
      CREATE INDEX trip_created_idx ON trip (province_id, created_at, id);
      CREATE INDEX trip_lead_idx ON trip (province_id, lead_cadre_id);
      CREATE INDEX trip_department_idx ON trip (province_id, department_id);

      CREATE TABLE trip_member (
        province_id integer NOT NULL,
        trip_id uuid NOT NULL,
        cadre_id uuid NOT NULL,
        is_lead boolean NOT NULL DEFAULT false,
        PRIMARY KEY (province_id, trip_id, cadre_id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id)
      );
      CREATE INDEX trip_member_cadre_idx ON trip_member (province_id, cadre_id);

      CREATE TABLE trip_destination (
        province_id integer NOT NULL,
        trip_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        PRIMARY KEY (province_id, trip_id, unit_id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id)
      );
      CREATE INDEX trip_destination_unit_idx ON trip_destination (province_id, unit_id);

      CREATE TABLE trip_event (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        trip_id uuid NOT NULL,
        event text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_id uuid REFERENCES app_user (id),
        actor_name text NOT NULL,
        note text,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id) ON DELETE CASCADE
      );
      CREATE INDEX trip_event_trip_idx ON trip_event (province_id, trip_id, at);

      CREATE TABLE trip_report (
        province_id integer NOT NULL,
        trip_id uuid NOT NULL,
        findings text NOT NULL,
        difficulties text NOT NULL DEFAULT '',
        members_concerns text NOT NULL DEFAULT '',
        good_models text NOT NULL DEFAULT '',
        recommendations text NOT NULL DEFAULT '',
        details jsonb NOT NULL DEFAULT '{}',
        due_on date NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES app_user (id),
        late boolean NOT NULL DEFAULT false,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user (id),
        PRIMARY KEY (province_id, trip_id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id) ON DELETE CASCADE
      );

      -- A retried create or submit finds its first answer here instead of acting twice.
      CREATE TABLE idempotency_key (
        province_id integer NOT NULL REFERENCES province (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        key text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
        operation text NOT NULL,
        result_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, user_id, key)
      );
    `);
    for (const table of [
      'unit',
      'cadre',
      'exemption',
      'policy_rule',
      'batch',
      'topic',
      'quarterly_plan',
      'delegation',
      'trip',
      'trip_member',
      'trip_destination',
      'trip_event',
      'trip_report',
      'idempotency_key',
    ]) {
      await q.query(tenantTableSql(table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key, trip_report, trip_event, trip_destination, trip_member, trip,
        delegation, quarterly_plan, topic, batch, policy_rule, exemption;
      ALTER TABLE app_user DROP COLUMN unit_id, DROP COLUMN cadre_id;
      DROP TABLE cadre, unit;
    `);
  }
}
