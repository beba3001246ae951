import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTableSql } from './1764300000001-Organisation';

/**
 * Inspections (plans, teams, conclusions, corrective actions), and what the grassroots tell the
 * province: good models, recommendations that need an answer, and hosts' feedback on visits.
 */
export class Findings1764300000004 implements MigrationInterface {
  name = 'Findings1764300000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_plan (
        province_id integer NOT NULL REFERENCES province (id),
        id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2015 AND 2100),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 300),
        subject text NOT NULL CHECK (subject IN ('MEMBER_DEVELOPMENT', 'UNION_FUNDS', 'ENTRUSTED_LOANS',
          'ORGANISATION', 'MOVEMENT', 'OTHER')),
        description text NOT NULL DEFAULT '',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        CHECK (ends_on >= starts_on)
      );
      CREATE TABLE inspection_plan_target (
        province_id integer NOT NULL,
        plan_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        PRIMARY KEY (province_id, plan_id, unit_id),
        FOREIGN KEY (province_id, plan_id) REFERENCES inspection_plan (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id)
      );
      CREATE TABLE inspection_team (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        plan_id uuid NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        lead_cadre_id uuid NOT NULL,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, plan_id) REFERENCES inspection_plan (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, lead_cadre_id) REFERENCES cadre (province_id, id)
      );
      CREATE TABLE inspection_team_member (
        province_id integer NOT NULL,
        team_id uuid NOT NULL,
        cadre_id uuid NOT NULL,
        PRIMARY KEY (province_id, team_id, cadre_id),
        FOREIGN KEY (province_id, team_id) REFERENCES inspection_team (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, cadre_id) REFERENCES cadre (province_id, id)
      );

      -- A team's visit is an inspection trip; a central or provincial team's is one with its organiser.
      ALTER TABLE trip ADD COLUMN inspection_team_id uuid,
        ADD COLUMN organiser text CHECK (organiser IS NULL OR length(btrim(organiser)) BETWEEN 2 AND 200),
        ADD FOREIGN KEY (province_id, inspection_team_id) REFERENCES inspection_team (province_id, id);
      CREATE INDEX trip_team_idx ON trip (province_id, inspection_team_id) WHERE inspection_team_id IS NOT NULL;

      CREATE TABLE inspection_conclusion (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        trip_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        findings text NOT NULL CHECK (length(btrim(findings)) >= 10),
        rating text NOT NULL CHECK (rating IN ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')),
        concluded_on date NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        UNIQUE (province_id, trip_id, unit_id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id),
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id)
      );
      CREATE TABLE corrective_action (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        conclusion_id uuid NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) >= 5),
        responsible_unit_id uuid NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'VERIFIED')),
        done_note text,
        done_at timestamptz,
        verified_at timestamptz,
        verified_by uuid REFERENCES app_user (id),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, conclusion_id) REFERENCES inspection_conclusion (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, responsible_unit_id) REFERENCES unit (province_id, id)
      );
      CREATE INDEX corrective_action_due_idx ON corrective_action (province_id, status, due_on);

      CREATE TABLE good_model (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 3 AND 300),
        name_folded text GENERATED ALWAYS AS (vn_fold(name || ' ' || description)) STORED,
        unit_id uuid NOT NULL,
        field text NOT NULL CHECK (field IN ('ECONOMY', 'VOLUNTEERING', 'RELIGIOUS_AREA', 'ETHNIC_MINORITY',
          'ORGANISATION', 'CULTURE_SPORTS', 'CHILDREN', 'OTHER')),
        description text NOT NULL DEFAULT '',
        trip_id uuid,
        replication text NOT NULL DEFAULT 'IDENTIFIED' CHECK (replication IN ('IDENTIFIED', 'REPLICATING', 'REPLICATED')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id)
      );
      CREATE INDEX good_model_search_idx ON good_model USING gin (name_folded gin_trgm_ops);
      CREATE TABLE good_model_replication (
        province_id integer NOT NULL,
        model_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        since date NOT NULL,
        PRIMARY KEY (province_id, model_id, unit_id),
        FOREIGN KEY (province_id, model_id) REFERENCES good_model (province_id, id) ON DELETE CASCADE,
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id)
      );

      CREATE TABLE recommendation (
        province_id integer NOT NULL,
        id uuid NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) >= 10),
        text_folded text GENERATED ALWAYS AS (vn_fold(text)) STORED,
        trip_id uuid,
        unit_id uuid NOT NULL,
        department_id uuid,
        due_on date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')),
        answer text,
        answered_at timestamptz,
        answered_by uuid REFERENCES app_user (id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id),
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id),
        FOREIGN KEY (province_id, department_id) REFERENCES unit (province_id, id),
        CHECK (status NOT IN ('ANSWERED', 'CLOSED') OR answer IS NOT NULL)
      );
      CREATE INDEX recommendation_status_idx ON recommendation (province_id, status, due_on);

      CREATE TABLE host_feedback (
        province_id integer NOT NULL,
        trip_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        no_conference boolean NOT NULL,
        no_district_escort boolean NOT NULL,
        no_cost boolean NOT NULL,
        comment text NOT NULL DEFAULT '',
        breach boolean GENERATED ALWAYS AS (NOT (no_conference AND no_district_escort AND no_cost)) STORED,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (province_id, trip_id, unit_id),
        FOREIGN KEY (province_id, trip_id) REFERENCES trip (province_id, id),
        FOREIGN KEY (province_id, unit_id) REFERENCES unit (province_id, id)
      );
    `);
    for (const table of [
      'inspection_plan',
      'inspection_plan_target',
      'inspection_team',
      'inspection_team_member',
      'inspection_conclusion',
      'corrective_action',
      'good_model',
      'good_model_replication',
      'recommendation',
      'host_feedback',
    ]) {
      await q.query(tenantTableSql(table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE host_feedback, recommendation, good_model_replication, good_model, corrective_action,
        inspection_conclusion;
      ALTER TABLE trip DROP COLUMN organiser, DROP COLUMN inspection_team_id;
      DROP TABLE inspection_team_member, inspection_team, inspection_plan_target, inspection_plan;
    `);
  }
}
