import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHANGES_TRACKED = ['trip', 'trip_member', 'trip_destination', 'exemption', 'cadre', 'policy_rule', 'unit'];

/**
 * Compliance at national scale. Each trip keeps the host level and hardship of its destinations
 * (maintained by triggers, whoever writes), the engine runs set-based with hash joins, and every change
 * that can move a province's figures bumps that province's compliance version, so computed figures
 * can be reused until the next change.
 */
export class ComplianceSpeed1764300000005 implements MigrationInterface {
  name = 'ComplianceSpeed1764300000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trip ADD COLUMN host_level smallint, ADD COLUMN hardship boolean NOT NULL DEFAULT false;

      CREATE FUNCTION trip_refresh_destinations(p_province integer, p_trips uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE trip t SET host_level = x.level, hardship = coalesce(x.hardship, false)
        FROM (
          SELECT tt.id, min(host_level(u.kind)) AS level, bool_or(u.remote OR u.border OR u.island) AS hardship
          FROM unnest(p_trips) AS tt(id)
          LEFT JOIN trip_destination d ON d.province_id = p_province AND d.trip_id = tt.id
          LEFT JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
          GROUP BY tt.id
        ) x
        WHERE t.province_id = p_province AND t.id = x.id
          AND (t.host_level IS DISTINCT FROM x.level OR t.hardship IS DISTINCT FROM coalesce(x.hardship, false))
      $$;

      CREATE FUNCTION trip_destination_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT province_id, array_agg(DISTINCT trip_id) AS trips FROM changed GROUP BY province_id LOOP
          PERFORM trip_refresh_destinations(r.province_id, r.trips);
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER trip_destination_inserted AFTER INSERT ON trip_destination
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trip_destination_changed();
      CREATE TRIGGER trip_destination_deleted AFTER DELETE ON trip_destination
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trip_destination_changed();

      CREATE FUNCTION unit_flags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT d.province_id, array_agg(DISTINCT d.trip_id) AS trips
          FROM changed c JOIN trip_destination d ON d.province_id = c.province_id AND d.unit_id = c.id
          GROUP BY d.province_id
        LOOP
          PERFORM trip_refresh_destinations(r.province_id, r.trips);
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER unit_flags_updated AFTER UPDATE ON unit
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION unit_flags_changed();

      UPDATE trip t SET host_level = x.level, hardship = coalesce(x.hardship, false)
      FROM (
        SELECT d.province_id, d.trip_id, min(host_level(u.kind)) AS level, bool_or(u.remote OR u.border OR u.island) AS hardship
        FROM trip_destination d JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
        GROUP BY d.province_id, d.trip_id
      ) x
      WHERE t.province_id = x.province_id AND t.id = x.trip_id;

      CREATE TABLE compliance_version (
        province_id integer PRIMARY KEY REFERENCES province (id),
        version bigint NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE compliance_version ENABLE ROW LEVEL SECURITY;
      ALTER TABLE compliance_version FORCE ROW LEVEL SECURITY;
      CREATE POLICY compliance_version_read ON compliance_version FOR SELECT USING (province_id = ANY (app_readable()));
      CREATE POLICY compliance_version_insert ON compliance_version FOR INSERT WITH CHECK (province_id = ANY (app_writable()));
      CREATE POLICY compliance_version_update ON compliance_version FOR UPDATE
        USING (province_id = ANY (app_writable())) WITH CHECK (province_id = ANY (app_writable()));
      GRANT SELECT, INSERT, UPDATE ON compliance_version TO coso_api;

      -- Deferred to commit, once per province and transaction: the version row is locked last and
      -- briefly, never while a transaction still waits for the rows it edits.
      CREATE FUNCTION compliance_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        p integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.province_id ELSE NEW.province_id END;
      BEGIN
        IF current_setting('app.compliance_touched_' || p, true) = 'on' THEN
          RETURN NULL;
        END IF;
        PERFORM set_config('app.compliance_touched_' || p, 'on', true);
        INSERT INTO compliance_version AS v (province_id) VALUES (p)
        ON CONFLICT (province_id) DO UPDATE SET version = v.version + 1, changed_at = now();
        RETURN NULL;
      END $$;
    `);
    for (const table of CHANGES_TRACKED) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER ${table}_compliance AFTER INSERT OR UPDATE OR DELETE ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION compliance_touched();
      `);
    }
    await q.query(`
CREATE OR REPLACE FUNCTION cadre_compliance(p_year integer, p_today date, p_provinces integer[]) RETURNS SETOF cadre_compliance_row
  LANGUAGE sql STABLE
  -- Set-based: every step is one pass over the window's rows, joined by hash; nested loops let a
  -- misestimate under row-level security recompute an aggregate once per cadre.
  SET enable_nestloop = off SET enable_mergejoin = off SET jit = off
AS $$
  WITH ru AS MATERIALIZED (SELECT * FROM province_rules(p_year, p_provinces)),
  s AS MATERIALIZED (
    SELECT c.province_id, c.id AS cadre_id, c.department_id, c.agency_staff, c.executive_member,
      ru.required_base, ru.ws, ru.we, ru.report_required, ru.report_due_days, ru.min_district, ru.min_commune, ru.min_chapter,
      daterange(ru.ws, ru.we, '[]') AS win,
      daterange(greatest(c.subject_from, ru.ws), least(coalesce(c.subject_to, ru.we), ru.we), '[]') AS active
    FROM cadre c JOIN ru ON ru.province_id = c.province_id
    WHERE c.province_id = ANY (p_provinces) AND c.subject_from <= ru.we AND (c.subject_to IS NULL OR c.subject_to >= ru.ws)
  ),
  x AS MATERIALIZED (
    SELECT e.province_id, e.cadre_id, range_agg(daterange(e.start_date, e.end_date, '[]')) AS m
    FROM exemption e JOIN ru ON ru.province_id = e.province_id
    WHERE e.province_id = ANY (p_provinces) AND e.start_date <= ru.we AND e.end_date >= ru.ws
    GROUP BY e.province_id, e.cadre_id
  ),
  t AS MATERIALIZED (
    SELECT t.province_id, t.id, t.kind, t.state, t.late_registration, coalesce(t.actual_end, t.end_date) AS ended,
      daterange(coalesce(t.actual_start, t.start_date), coalesce(t.actual_end, t.end_date), '[]') * daterange(ru.ws, ru.we, '[]') AS r,
      t.state IN ('REPORTED', 'REPORT_ACCEPTED') OR (t.state = 'COMPLETED' AND NOT ru.report_required) AS counts,
      ru.report_required, ru.report_due_days, t.host_level AS level, t.hardship
    FROM trip t JOIN ru ON ru.province_id = t.province_id
    WHERE t.province_id = ANY (p_provinces) AND t.state IN ('APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
      AND t.start_date BETWEEN ru.ws - 366 AND ru.we
      AND coalesce(t.actual_start, t.start_date) <= ru.we AND coalesce(t.actual_end, t.end_date) >= ru.ws
  ),
  pc AS MATERIALIZED (
    SELECT m.province_id, m.cadre_id,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts)) AS counted,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'TOPIC')) AS topic,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'COORDINATION')) AS coordination,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'INSPECTION')) AS inspection,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'MEETING')) AS meeting,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 3)) AS district,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 2)) AS commune,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 1)) AS chapter,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.hardship)) AS hardship,
      multirange_days(range_agg(t.r) FILTER (WHERE t.state = 'APPROVED' AND lower(t.r) > p_today)) AS upcoming,
      count(*) FILTER (WHERE t.late_registration)::int AS late,
      count(*) FILTER (WHERE t.state = 'COMPLETED' AND t.report_required AND t.ended + t.report_due_days < p_today)::int AS overdue
    FROM t
    JOIN trip_member m ON m.province_id = t.province_id AND m.trip_id = t.id
    WHERE m.province_id = ANY (p_provinces)
    GROUP BY m.province_id, m.cadre_id
  ),
  f AS (
    SELECT s.*, (s.we - s.ws + 1) AS window_days,
      multirange_days(datemultirange(s.active) - coalesce(x.m, '{}'::datemultirange)) AS available,
      coalesce(pc.counted, 0) AS counted, coalesce(pc.topic, 0) AS topic, coalesce(pc.coordination, 0) AS coordination,
      coalesce(pc.inspection, 0) AS inspection, coalesce(pc.meeting, 0) AS meeting, coalesce(pc.district, 0) AS district,
      coalesce(pc.commune, 0) AS commune, coalesce(pc.chapter, 0) AS chapter, coalesce(pc.hardship, 0) AS hardship,
      coalesce(pc.upcoming, 0) AS upcoming, coalesce(pc.late, 0) AS late, coalesce(pc.overdue, 0) AS overdue,
      CASE WHEN p_today < s.ws THEN 0 WHEN p_today >= s.we THEN s.we - s.ws + 1 ELSE p_today - s.ws + 1 END AS elapsed
    FROM s
    LEFT JOIN x ON x.province_id = s.province_id AND x.cadre_id = s.cadre_id
    LEFT JOIN pc ON pc.province_id = s.province_id AND pc.cadre_id = s.cadre_id
  ),
  j AS (
    SELECT f.*,
      CASE WHEN f.available = 0 THEN 0 ELSE ceil(f.required_base::numeric * f.available / f.window_days)::int END AS required,
      (f.district >= coalesce(f.min_district, 0) AND f.commune >= coalesce(f.min_commune, 0)
        AND f.chapter >= coalesce(f.min_chapter, 0)) AS levels_ok
    FROM f
  )
  SELECT j.province_id, j.cadre_id, j.department_id, j.agency_staff, j.executive_member, j.ws, j.we, j.window_days,
    j.required_base, j.available, j.required, j.counted, j.topic, j.coordination, j.inspection, j.meeting,
    j.district, j.commune, j.chapter, j.hardship, j.upcoming, j.late, j.overdue, j.levels_ok,
    CASE
      WHEN j.available = 0 THEN 'EXEMPT'
      WHEN j.counted >= j.required AND j.levels_ok THEN 'MET'
      WHEN p_today > j.we THEN 'BEHIND'
      WHEN j.counted::numeric >= j.required::numeric * j.elapsed / j.window_days THEN 'ON_TRACK'
      WHEN j.counted::numeric >= 0.7 * j.required * j.elapsed / j.window_days THEN 'AT_RISK'
      ELSE 'BEHIND'
    END,
    CASE WHEN j.elapsed = 0 THEN j.counted + j.upcoming
         ELSE least(j.window_days, greatest(j.counted + j.upcoming, round(j.counted::numeric * j.window_days / j.elapsed)::int))
    END
  FROM j
$$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of CHANGES_TRACKED) {
      await q.query(`DROP TRIGGER ${table}_compliance ON ${table};`);
    }
    await q.query(`
      DROP FUNCTION compliance_touched();
      DROP TABLE compliance_version;
      DROP TRIGGER unit_flags_updated ON unit;
      DROP FUNCTION unit_flags_changed();
      DROP TRIGGER trip_destination_deleted ON trip_destination;
      DROP TRIGGER trip_destination_inserted ON trip_destination;
      DROP FUNCTION trip_destination_changed();
      DROP FUNCTION trip_refresh_destinations(integer, uuid[]);
      ALTER TABLE trip DROP COLUMN hardship, DROP COLUMN host_level;
    `);
  }
}
