import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance engine in SQL: per cadre and policy year, counted days are the size of the union of
 * the cadre's counting trip ranges clipped to the province-year's window (a day counts once), and the
 * requirement is prorated by the days of the window the cadre is subject and not exempt. Security
 * invoker: row-level security still decides which provinces a caller sees.
 */
export class Compliance1764300000003 implements MigrationInterface {
  name = 'Compliance1764300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX trip_title_trgm_idx ON trip USING gin (title_folded gin_trgm_ops);

      CREATE FUNCTION multirange_days(m datemultirange) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT coalesce(sum(upper(r) - lower(r)), 0)::int FROM unnest(m) AS r $$;

      -- Host level of a unit kind, lowest number = closest to the members.
      CREATE FUNCTION host_level(kind text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE kind WHEN 'CHAPTER' THEN 1 WHEN 'COMMUNE_UNION' THEN 2 WHEN 'GRASSROOTS_UNION' THEN 2
          WHEN 'DISTRICT_UNION' THEN 3 WHEN 'AFFILIATED_UNION' THEN 3 ELSE 4 END
      $$;

      -- Composite result types rather than RETURNS TABLE: output names would shadow column names.
      CREATE TYPE province_rule_row AS (province_id integer, required_base integer, ws date, we date, report_required boolean,
        report_due_days integer, min_district integer, min_commune integer, min_chapter integer);
      CREATE FUNCTION province_rules(p_year integer, p_provinces integer[]) RETURNS SETOF province_rule_row
        LANGUAGE sql STABLE AS $$
        SELECT p.id, coalesce(r.required_days, 60), coalesce(r.window_start, make_date(p_year, 1, 1)),
               coalesce(r.window_end, make_date(p_year, 12, 31)), coalesce(r.report_required, true),
               coalesce(r.report_due_days, 10), r.min_days_district, r.min_days_commune, r.min_days_chapter
        FROM province p LEFT JOIN policy_rule r ON r.province_id = p.id AND r.year = p_year
        WHERE p.id = ANY (p_provinces)
      $$;

      CREATE TYPE cadre_compliance_row AS (
        province_id integer, cadre_id uuid, department_id uuid, agency_staff boolean, executive_member boolean,
        window_start date, window_end date, window_days integer, required_base integer,
        available_days integer, required_days integer, counted_days integer,
        topic_days integer, coordination_days integer, inspection_days integer, meeting_days integer,
        district_days integer, commune_days integer, chapter_days integer, hardship_days integer,
        upcoming_days integer, late_trips integer, overdue_reports integer, levels_met boolean,
        status text, projected_days integer);
      CREATE FUNCTION cadre_compliance(p_year integer, p_today date, p_provinces integer[]) RETURNS SETOF cadre_compliance_row
        LANGUAGE sql STABLE AS $$
        WITH subject AS (
          SELECT c.province_id, c.id AS cadre_id, c.department_id, c.agency_staff, c.executive_member,
                 ru.required_base, ru.ws, ru.we, ru.report_required, ru.report_due_days, ru.min_district, ru.min_commune, ru.min_chapter,
                 daterange(ru.ws, ru.we, '[]') AS win,
                 daterange(greatest(c.subject_from, ru.ws), least(coalesce(c.subject_to, ru.we), ru.we), '[]') AS active
          FROM cadre c JOIN province_rules(p_year, p_provinces) ru ON ru.province_id = c.province_id
          WHERE c.subject_from <= ru.we AND (c.subject_to IS NULL OR c.subject_to >= ru.ws)
        ),
        exempt AS (
          SELECT e.province_id, e.cadre_id, range_agg(daterange(e.start_date, e.end_date, '[]')) AS m
          FROM exemption e JOIN subject s ON s.province_id = e.province_id AND s.cadre_id = e.cadre_id
          WHERE e.start_date <= s.we AND e.end_date >= s.ws
          GROUP BY e.province_id, e.cadre_id
        ),
        trips AS (
          SELECT m.province_id, m.cadre_id, t.kind, t.state, t.late_registration,
                 daterange(coalesce(t.actual_start, t.start_date), coalesce(t.actual_end, t.end_date), '[]') * s.win AS r,
                 coalesce(t.actual_end, t.end_date) AS ended, s.report_required, s.report_due_days,
                 dest.level, dest.hardship,
                 t.state IN ('REPORTED', 'REPORT_ACCEPTED') OR (t.state = 'COMPLETED' AND NOT s.report_required) AS counts
          FROM subject s
          JOIN trip_member m ON m.province_id = s.province_id AND m.cadre_id = s.cadre_id
          JOIN trip t ON t.province_id = m.province_id AND t.id = m.trip_id
          CROSS JOIN LATERAL (
            SELECT min(host_level(u.kind)) AS level, bool_or(u.remote OR u.border OR u.island) AS hardship
            FROM trip_destination d JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
            WHERE d.province_id = t.province_id AND d.trip_id = t.id
          ) dest
          WHERE t.state IN ('APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
            AND daterange(coalesce(t.actual_start, t.start_date), coalesce(t.actual_end, t.end_date), '[]') && s.win
        ),
        per_cadre AS (
          SELECT province_id, cadre_id,
            multirange_days(range_agg(r) FILTER (WHERE counts)) AS counted,
            multirange_days(range_agg(r) FILTER (WHERE counts AND kind = 'TOPIC')) AS topic,
            multirange_days(range_agg(r) FILTER (WHERE counts AND kind = 'COORDINATION')) AS coordination,
            multirange_days(range_agg(r) FILTER (WHERE counts AND kind = 'INSPECTION')) AS inspection,
            multirange_days(range_agg(r) FILTER (WHERE counts AND kind = 'MEETING')) AS meeting,
            multirange_days(range_agg(r) FILTER (WHERE counts AND level = 3)) AS district,
            multirange_days(range_agg(r) FILTER (WHERE counts AND level = 2)) AS commune,
            multirange_days(range_agg(r) FILTER (WHERE counts AND level = 1)) AS chapter,
            multirange_days(range_agg(r) FILTER (WHERE counts AND hardship)) AS hardship,
            multirange_days(range_agg(r) FILTER (WHERE state = 'APPROVED' AND lower(r) > p_today)) AS upcoming,
            count(*) FILTER (WHERE late_registration)::int AS late,
            count(*) FILTER (WHERE state = 'COMPLETED' AND report_required AND ended + report_due_days < p_today)::int AS overdue
          FROM trips GROUP BY province_id, cadre_id
        ),
        figures AS (
          SELECT s.province_id, s.cadre_id, s.department_id, s.agency_staff, s.executive_member, s.ws, s.we,
                 (s.we - s.ws + 1) AS window_days, s.required_base,
                 multirange_days(datemultirange(s.active) - coalesce(x.m, '{}'::datemultirange)) AS available,
                 coalesce(pc.counted, 0) AS counted, coalesce(pc.topic, 0) AS topic, coalesce(pc.coordination, 0) AS coordination,
                 coalesce(pc.inspection, 0) AS inspection, coalesce(pc.meeting, 0) AS meeting,
                 coalesce(pc.district, 0) AS district, coalesce(pc.commune, 0) AS commune, coalesce(pc.chapter, 0) AS chapter,
                 coalesce(pc.hardship, 0) AS hardship, coalesce(pc.upcoming, 0) AS upcoming,
                 coalesce(pc.late, 0) AS late, coalesce(pc.overdue, 0) AS overdue,
                 s.min_district, s.min_commune, s.min_chapter,
                 CASE WHEN p_today < s.ws THEN 0 WHEN p_today >= s.we THEN s.we - s.ws + 1 ELSE p_today - s.ws + 1 END AS elapsed
          FROM subject s
          LEFT JOIN exempt x ON x.province_id = s.province_id AND x.cadre_id = s.cadre_id
          LEFT JOIN per_cadre pc ON pc.province_id = s.province_id AND pc.cadre_id = s.cadre_id
        ),
        judged AS (
          SELECT f.*,
            CASE WHEN f.available = 0 THEN 0 ELSE ceil(f.required_base::numeric * f.available / f.window_days)::int END AS required,
            (f.district >= coalesce(f.min_district, 0) AND f.commune >= coalesce(f.min_commune, 0)
              AND f.chapter >= coalesce(f.min_chapter, 0)) AS levels_ok
          FROM figures f
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
        FROM judged j
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION cadre_compliance(integer, date, integer[]);
      DROP TYPE cadre_compliance_row;
      DROP FUNCTION province_rules(integer, integer[]);
      DROP TYPE province_rule_row;
      DROP FUNCTION host_level(text);
      DROP FUNCTION multirange_days(datemultirange);
      DROP INDEX trip_title_trgm_idx;
    `);
  }
}
