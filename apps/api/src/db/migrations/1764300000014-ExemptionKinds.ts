import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine of 1764300000005 with per-kind and per-level days attributed once. */
export const ATTRIBUTED_ONCE = `
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
      coalesce(range_agg(t.r) FILTER (WHERE t.counts), '{}') AS counted,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'TOPIC'), '{}') AS topic,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'COORDINATION'), '{}') AS coordination,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'INSPECTION'), '{}') AS inspection,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.kind = 'MEETING'), '{}') AS meeting,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 3), '{}') AS district,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 2), '{}') AS commune,
      coalesce(range_agg(t.r) FILTER (WHERE t.counts AND t.level = 1), '{}') AS chapter,
      multirange_days(range_agg(t.r) FILTER (WHERE t.counts AND t.hardship)) AS hardship,
      multirange_days(range_agg(t.r) FILTER (WHERE t.state = 'APPROVED' AND lower(t.r) > p_today)) AS upcoming,
      count(*) FILTER (WHERE t.late_registration)::int AS late,
      count(*) FILTER (WHERE t.state = 'COMPLETED' AND t.report_required AND t.ended + t.report_due_days < p_today)::int AS overdue
    FROM t
    JOIN trip_member m ON m.province_id = t.province_id AND m.trip_id = t.id
    WHERE m.province_id = ANY (p_provinces)
    GROUP BY m.province_id, m.cadre_id
  ),
  -- A day on trips of several kinds or levels is attributed once, so the parts add up to the counted
  -- days: kinds in the order topic, coordination, inspection, meeting; levels closest to the members first.
  pd AS (
    SELECT pc.province_id, pc.cadre_id, multirange_days(pc.counted) AS counted,
      multirange_days(pc.topic) AS topic,
      multirange_days(pc.coordination - pc.topic) AS coordination,
      multirange_days(pc.inspection - pc.topic - pc.coordination) AS inspection,
      multirange_days(pc.meeting - pc.topic - pc.coordination - pc.inspection) AS meeting,
      multirange_days(pc.chapter) AS chapter,
      multirange_days(pc.commune - pc.chapter) AS commune,
      multirange_days(pc.district - pc.chapter - pc.commune) AS district,
      pc.hardship, pc.upcoming, pc.late, pc.overdue
    FROM pc
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
    LEFT JOIN pd pc ON pc.province_id = s.province_id AND pc.cadre_id = s.cadre_id
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
`;

/** As 1764300000005 left it: each kind and level counted its own days. */
const COUNTED_PER_KIND = `
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
`;

/**
 * Exemptions of different kinds may overlap (a long sick leave inside a period of long study is one
 * ordinary record each); the exempt days are their union. The same kind overlapping itself stays
 * refused. A trip during an exemption becomes a rule of the province-year: warn (the default), block
 * or not checked, since a cadre on partial leave may still go. Per-kind and per-level days attribute
 * a day once, so they add up to the counted days.
 */
export class ExemptionKinds1764300000014 implements MigrationInterface {
  name = 'ExemptionKinds1764300000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE exemption DROP CONSTRAINT exemption_province_id_cadre_id_daterange_excl,
        ADD CONSTRAINT exemption_same_kind_excl
          EXCLUDE USING gist (province_id WITH =, cadre_id WITH =, kind WITH =, daterange(start_date, end_date, '[]') WITH &&);
      ALTER TABLE policy_rule ADD COLUMN check_exempt_trip text NOT NULL DEFAULT 'WARN'
        CHECK (check_exempt_trip IN ('BLOCK', 'WARN', 'OFF'));
    `);
    await q.query(ATTRIBUTED_ONCE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(COUNTED_PER_KIND);
    await q.query(`
      ALTER TABLE policy_rule DROP COLUMN check_exempt_trip;
      ALTER TABLE exemption DROP CONSTRAINT exemption_same_kind_excl,
        ADD CONSTRAINT exemption_province_id_cadre_id_daterange_excl
          EXCLUDE USING gist (province_id WITH =, cadre_id WITH =, daterange(start_date, end_date, '[]') WITH &&);
    `);
  }
}
