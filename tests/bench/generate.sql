-- Deterministic benchmark data for the compliance engine (tests/bench/run.ts runs this as the owner).
--
-- For each of the 34 ACTIVE provinces: a unit tree (provincial agency, 4 departments + the office,
-- 10 district unions valid until the 2025-06-30 reform with 2 chapters each, 20 commune unions valid
-- from 2025-07-01 with 3 chapters each), 80 cadres, 4 exemptions, policy rules for 2024–2026, and per
-- year 1,920 trips (each cadre leads 24; about half have a companion, a sixth a second one: ~40 trips
-- per cadre per year) with their trip_member and trip_destination rows.
--
-- Identifiers are md5 of a readable key; every other value comes from random() after setseed() on a
-- serial plan, so two runs produce the same rows. States are drawn relative to a fixed date
-- (2026-11-28), not to the clock.

SELECT setseed(0.20261128);
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT set_config('app.write_provinces', (SELECT array_agg(id ORDER BY id)::text FROM province WHERE status = 'ACTIVE'), true),
       set_config('app.read_provinces', (SELECT array_agg(id ORDER BY id)::text FROM province WHERE status = 'ACTIVE'), true);

CREATE TEMP TABLE bench_p ON COMMIT DROP AS
  SELECT id AS p, row_number() OVER (ORDER BY id)::int AS pn FROM province WHERE status = 'ACTIVE' ORDER BY id;

-- Units ---------------------------------------------------------------------------------------------
INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from)
SELECT p, md5('u:' || p || ':agency')::uuid, NULL, 'PROVINCIAL_AGENCY', 'Cơ quan Tỉnh đoàn', DATE '2015-01-01'
FROM bench_p ORDER BY p;

INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from)
SELECT p, md5('u:' || p || ':dept:' || j)::uuid, md5('u:' || p || ':agency')::uuid,
       CASE WHEN j = 5 THEN 'OFFICE' ELSE 'DEPARTMENT' END,
       (ARRAY['Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng'])[j],
       DATE '2015-01-01'
FROM bench_p, generate_series(1, 5) j ORDER BY p, j;

INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from, valid_to, remote, border, island)
SELECT p, md5('u:' || p || ':dist:' || x)::uuid, md5('u:' || p || ':agency')::uuid, 'DISTRICT_UNION',
       'Huyện đoàn số ' || x, DATE '2015-01-01', DATE '2025-06-30', random() < 0.2, random() < 0.1, random() < 0.03
FROM bench_p, generate_series(1, 10) x ORDER BY p, x;

INSERT INTO unit (province_id, id, parent_id, kind, name, commune_code, valid_from, remote, border, island)
SELECT p, md5('u:' || p || ':comm:' || x)::uuid, md5('u:' || p || ':agency')::uuid, 'COMMUNE_UNION',
       'Đoàn xã số ' || x, lpad((p * 100 + x)::text, 5, '0'), DATE '2025-07-01', random() < 0.2, random() < 0.1, random() < 0.03
FROM bench_p, generate_series(1, 20) x ORDER BY p, x;

INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from, valid_to, remote)
SELECT p, md5('u:' || p || ':dch:' || x || ':' || j)::uuid, md5('u:' || p || ':dist:' || x)::uuid, 'CHAPTER',
       'Chi đoàn ' || j || ' – Huyện đoàn số ' || x, DATE '2015-01-01', DATE '2025-06-30', random() < 0.15
FROM bench_p, generate_series(1, 10) x, generate_series(1, 2) j ORDER BY p, x, j;

INSERT INTO unit (province_id, id, parent_id, kind, name, valid_from, remote)
SELECT p, md5('u:' || p || ':cch:' || x || ':' || j)::uuid, md5('u:' || p || ':comm:' || x)::uuid, 'CHAPTER',
       'Chi đoàn thôn ' || j || ' – xã số ' || x, DATE '2025-07-01', random() < 0.15
FROM bench_p, generate_series(1, 20) x, generate_series(1, 3) j ORDER BY p, x, j;

-- Cadres --------------------------------------------------------------------------------------------
INSERT INTO cadre (province_id, id, full_name, gender, position, department_id, agency_staff, executive_member, term,
                   subject_from, subject_to)
SELECT p, md5('c:' || p || ':' || k)::uuid,
       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'])[f]
         || ' ' || (ARRAY['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang'])[m]
         || ' ' || (ARRAY['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh',
                          'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang',
                          'Tuấn', 'Vy', 'Yến'])[g],
       CASE WHEN m = 2 THEN 'FEMALE' ELSE 'MALE' END,
       CASE WHEN k % 10 = 9 THEN 'Ủy viên Ban Chấp hành' WHEN k % 5 = 0 THEN 'Trưởng ban' ELSE 'Chuyên viên' END,
       CASE WHEN k % 10 = 9 THEN NULL ELSE md5('u:' || p || ':dept:' || (k % 5 + 1))::uuid END,
       k % 10 <> 9, k % 10 = 9 OR k % 4 = 0, '2022–2027',
       CASE k WHEN 77 THEN DATE '2026-03-01' WHEN 78 THEN DATE '2025-09-01' ELSE DATE '2015-01-01' END,
       CASE WHEN k = 79 THEN DATE '2025-12-31' END
FROM (
  SELECT p, k, 1 + floor(random() * 16)::int AS f, 1 + floor(random() * 8)::int AS m, 1 + floor(random() * 29)::int AS g
  FROM bench_p, generate_series(0, 79) k ORDER BY p, k
) n;

INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, note, approved_by)
SELECT p, md5('e:' || p || ':' || e.k)::uuid, md5('c:' || p || ':' || e.k)::uuid, e.kind, e.s, e.t, 'Dữ liệu đo hiệu năng',
       'Ban Thường vụ Tỉnh đoàn'
FROM bench_p, (VALUES
  (10, 'MATERNITY', DATE '2026-02-01', DATE '2026-07-31'),
  (20, 'LONG_STUDY', DATE '2025-09-01', DATE '2026-03-31'),
  (30, 'LONG_SICK_LEAVE', DATE '2024-04-01', DATE '2024-06-30'),
  (40, 'OTHER', DATE '2026-01-01', DATE '2026-12-31')
) e(k, kind, s, t) ORDER BY p, e.k;

INSERT INTO policy_rule (province_id, year, required_days, window_start, window_end, min_days_district, min_days_commune,
                         min_days_chapter, report_required, report_due_days)
SELECT p, y, 60, make_date(y, 1, 1), CASE WHEN pn % 5 = 0 THEN make_date(y, 11, 30) ELSE make_date(y, 12, 31) END,
       NULL, CASE WHEN pn % 3 = 0 THEN 10 END, CASE WHEN pn % 3 = 0 THEN 5 END, pn % 7 <> 0, 10
FROM bench_p, generate_series(2024, 2026) y ORDER BY p, y;

-- Trips ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE g ON COMMIT DROP AS
SELECT p, y, i, k, md5('t:' || p || ':' || y || ':' || i)::uuid AS id,
       CASE WHEN r_kind < 0.40 THEN 'TOPIC' WHEN r_kind < 0.60 THEN 'COORDINATION' WHEN r_kind < 0.75 THEN 'INSPECTION'
            ELSE 'MEETING' END AS kind,
       s, s + floor(r_dur * (1.5 + (k % 9) * 0.4))::int AS e,
       r_state, r_c1, r_c1k, r_c2, r_c2k, r_dest, r_dest2, r_lvl, r_late, r_cost
FROM (
  SELECT p, y, i, i % 80 AS k,
         make_date(y, 1, 2) + floor(random() * 358)::int AS s,
         random() AS r_kind, random() AS r_dur, random() AS r_state, random() AS r_c1, random() AS r_c1k,
         random() AS r_c2, random() AS r_c2k, random() AS r_dest, random() AS r_dest2, random() AS r_lvl,
         random() AS r_late, random() AS r_cost
  FROM bench_p, generate_series(2024, 2026) y, generate_series(0, 1919) i ORDER BY p, y, i
) r;

INSERT INTO trip (province_id, id, kind, state, title, purpose, lead_cadre_id, department_id, start_date, end_date,
                  actual_start, actual_end, estimated_cost, actual_cost, settlement, late_registration, late_justification,
                  created_at, updated_at, submitted_at)
SELECT p, id, kind, st,
       'Chuyến ' || lower(kind) || ' số ' || i || ' năm ' || y, 'Làm việc với cơ sở',
       md5('c:' || p || ':' || k)::uuid,
       CASE WHEN k % 10 = 9 THEN NULL ELSE md5('u:' || p || ':dept:' || (k % 5 + 1))::uuid END,
       s, e,
       CASE WHEN st IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED') THEN s END,
       CASE WHEN st IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED') THEN e END,
       (500000 + floor(r_cost * 40) * 100000)::bigint,
       CASE WHEN st IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED') THEN (400000 + floor(r_cost * 40) * 95000)::bigint END,
       CASE WHEN st = 'REPORT_ACCEPTED' THEN 'SETTLED' WHEN st IN ('COMPLETED', 'REPORTED') THEN 'PENDING' ELSE 'NONE' END,
       r_late < 0.05, CASE WHEN r_late < 0.05 THEN 'Lịch làm việc thay đổi đột xuất' END,
       (s - 20)::timestamptz, (s - 20)::timestamptz, CASE WHEN st <> 'DRAFT' THEN (s - 15)::timestamptz END
FROM (
  SELECT g.*,
         CASE WHEN s > DATE '2026-11-28' THEN
                CASE WHEN r_state < 0.70 THEN 'APPROVED' WHEN r_state < 0.90 THEN 'SUBMITTED' ELSE 'DRAFT' END
              WHEN e >= DATE '2026-11-18' AND r_state < 0.5 THEN 'COMPLETED'
              WHEN r_state < 0.70 THEN 'REPORT_ACCEPTED' WHEN r_state < 0.82 THEN 'REPORTED' WHEN r_state < 0.90 THEN 'COMPLETED'
              WHEN r_state < 0.94 THEN 'CANCELLED' WHEN r_state < 0.97 THEN 'REJECTED' ELSE 'DRAFT' END AS st
  FROM g
) t ORDER BY p, y, i;

INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead)
SELECT p, id, md5('c:' || p || ':' || m.k)::uuid, m.lead
FROM g CROSS JOIN LATERAL (
  SELECT g.k, true
  UNION ALL SELECT (g.k + 1 + floor(g.r_c1k * 79)::int) % 80, false WHERE g.r_c1 < 0.5
  UNION ALL SELECT (g.k + 1 + floor(g.r_c2k * 79)::int) % 80, false WHERE g.r_c2 < 0.17
) m(k, lead)
ORDER BY p, y, i
ON CONFLICT DO NOTHING;

-- Destinations: unions valid at the start date (districts before the reform, communes after); meetings
-- go to a chapter, a third of the other trips too; about a third of trips visit a second union.
INSERT INTO trip_destination (province_id, trip_id, unit_id)
SELECT p, id, md5(d.key)::uuid
FROM g CROSS JOIN LATERAL (
  SELECT CASE WHEN g.s < DATE '2025-07-01' THEN
           CASE WHEN g.kind = 'MEETING' OR g.r_lvl < 0.3
                THEN 'u:' || g.p || ':dch:' || (1 + floor(g.r_dest * 10)::int) || ':' || (1 + floor(g.r_lvl * 10)::int % 2)
                ELSE 'u:' || g.p || ':dist:' || (1 + floor(g.r_dest * 10)::int) END
         ELSE
           CASE WHEN g.kind = 'MEETING' OR g.r_lvl < 0.3
                THEN 'u:' || g.p || ':cch:' || (1 + floor(g.r_dest * 20)::int) || ':' || (1 + floor(g.r_lvl * 10)::int % 3)
                ELSE 'u:' || g.p || ':comm:' || (1 + floor(g.r_dest * 20)::int) END
         END
  UNION ALL
  SELECT CASE WHEN g.s < DATE '2025-07-01' THEN 'u:' || g.p || ':dist:' || (1 + floor(g.r_dest2 / 0.35 * 10)::int)
              ELSE 'u:' || g.p || ':comm:' || (1 + floor(g.r_dest2 / 0.35 * 20)::int) END
  WHERE g.r_dest2 < 0.35
) d(key)
ORDER BY p, y, i
ON CONFLICT DO NOTHING;
