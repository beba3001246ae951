import { fixedClock } from '../shared/clock';
import { logger } from '../shared/logger';
import { startTestProduct, type TestProduct } from '../../test/harness';
import { testDbConfig } from '../../test/database';
import { BINH_THUAN_2019, DEMO_ACCOUNTS_NOTE, DEMO_PROVINCES, DEMO_TODAY, seedDemo } from './demo';

const BT = BINH_THUAN_2019.provinceId;
const ALL_STATES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'RETURNED',
  'COMPLETED',
  'REPORTED',
  'REPORT_ACCEPTED',
  'CANCELLED',
];

describe('demo data', () => {
  let product: TestProduct;
  let provinceIds: Record<string, number>;

  /** Runs one read-only statement as the owner with the given provinces readable (RLS is forced). */
  async function read<T extends Record<string, unknown>>(provinces: number[], sql: string, params: unknown[] = []): Promise<T[]> {
    await product.owner.query('BEGIN');
    try {
      await product.owner.query(`SELECT set_config('app.read_provinces', $1, true)`, [`{${provinces.join(',')}}`]);
      const { rows } = await product.owner.query<T>(sql, params);
      return rows;
    } finally {
      await product.owner.query('ROLLBACK');
    }
  }

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock(DEMO_TODAY) });
    const started = Date.now();
    expect(await seedDemo(testDbConfig(product.ownerUrl), 'demo1234', logger)).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    const { rows } = await product.owner.query<{ id: number; code: string }>(
      'SELECT id, code FROM province WHERE code = ANY($1)',
      [DEMO_PROVINCES],
    );
    provinceIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => product.stop());

  it('gives Bình Thuận 2019 the roster of its report: 37 executive members, 21 agency staff, 29 subject (14 agency)', async () => {
    const [roster] = await read<{ executive: number; agency: number; total: number }>(
      [BT],
      `SELECT count(*) FILTER (WHERE executive_member)::int AS executive, count(*) FILTER (WHERE agency_staff)::int AS agency,
              count(*)::int AS total
       FROM cadre WHERE province_id = $1 AND term = 'Khóa XII 2017–2022'`,
      [BT],
    );
    expect(roster).toEqual({ executive: BINH_THUAN_2019.executiveTotal, agency: BINH_THUAN_2019.agencyTotal, total: 37 });

    // Subject in 2019 = not exempt for the whole year (the union of a cadre's exemptions covers 2019).
    const [subject] = await read<{ subject: number; agency_subject: number; exempt: number }>(
      [BT],
      `WITH covered AS (
         SELECT c.id, c.agency_staff,
                coalesce((SELECT sum(upper(r) - lower(r)) FROM unnest(
                  (SELECT range_agg(daterange(e.start_date, e.end_date, '[]')) FROM exemption e
                   WHERE e.province_id = c.province_id AND e.cadre_id = c.id)
                  * datemultirange(daterange('2019-01-01', '2019-12-31', '[]'))) AS r), 0) AS days
         FROM cadre c WHERE c.province_id = $1)
       SELECT count(*) FILTER (WHERE days < 365)::int AS subject,
              count(*) FILTER (WHERE days < 365 AND agency_staff)::int AS agency_subject,
              count(*) FILTER (WHERE days = 365)::int AS exempt
       FROM covered`,
      [BT],
    );
    expect(subject).toEqual({ subject: BINH_THUAN_2019.subject, agency_subject: BINH_THUAN_2019.agencySubject, exempt: 8 });
    const kinds = await read<{ kind: string }>([BT], 'SELECT DISTINCT kind FROM exemption WHERE province_id = $1 ORDER BY kind', [
      BT,
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(['LONG_SICK_LEAVE', 'LONG_STUDY', 'MATERNITY']);
    const [rule] = await read<{ required_days: number }>(
      [BT],
      'SELECT required_days FROM policy_rule WHERE province_id = $1 AND year = 2019',
      [BT],
    );
    expect(rule?.required_days).toBe(60);
  });

  it('counts 1,785 grassroots days in 2019, every subject cadre at 60 or more', async () => {
    const perCadre = await read<{ cadre_id: string; days: number }>(
      [BT],
      `WITH ranges AS (
         SELECT m.cadre_id,
                range_agg(daterange(coalesce(t.actual_start, t.start_date), coalesce(t.actual_end, t.end_date), '[]'))
                  * datemultirange(daterange('2019-01-01', '2019-12-31', '[]')) AS mr
         FROM trip t JOIN trip_member m ON m.province_id = t.province_id AND m.trip_id = t.id
         WHERE t.province_id = $1 AND t.state = 'REPORT_ACCEPTED' AND extract(year FROM t.start_date) = 2019
         GROUP BY m.cadre_id)
       SELECT cadre_id, (SELECT sum(upper(r) - lower(r)) FROM unnest(mr) AS r)::int AS days FROM ranges`,
      [BT],
    );
    expect(perCadre).toHaveLength(BINH_THUAN_2019.subject);
    const total = perCadre.reduce((n, r) => n + r.days, 0);
    expect(total).toBe(BINH_THUAN_2019.totalDays);
    expect(Math.min(...perCadre.map((r) => r.days))).toBeGreaterThanOrEqual(60);
    expect((total / perCadre.length).toFixed(2)).toBe('61.55');

    const states = await read<{ state: string }>([BT], 'SELECT DISTINCT state FROM trip WHERE province_id = $1', [BT]);
    expect(states.map((s) => s.state)).toEqual(['REPORT_ACCEPTED']);
    const [missingReports] = await read<{ n: number }>(
      [BT],
      `SELECT count(*)::int AS n FROM trip t WHERE t.province_id = $1
         AND NOT EXISTS (SELECT 1 FROM trip_report r WHERE r.province_id = t.province_id AND r.trip_id = t.id AND r.accepted_at IS NOT NULL)`,
      [BT],
    );
    expect(missingReports?.n).toBe(0);
  });

  it('reaches chapters under 17 of the 18 district-level units, all but Phú Quý, and records the good models', async () => {
    const district = await read<{ name: string; reached: boolean }>(
      [BT],
      `WITH RECURSIVE tree AS (
         SELECT id, id AS district, name AS district_name FROM unit
         WHERE province_id = $1 AND kind IN ('DISTRICT_UNION', 'AFFILIATED_UNION')
         UNION ALL
         SELECT u.id, tree.district, tree.district_name FROM unit u JOIN tree ON u.parent_id = tree.id AND u.province_id = $1)
       SELECT d.name, EXISTS (
         SELECT 1 FROM tree JOIN unit c ON c.province_id = $1 AND c.id = tree.id AND c.kind = 'CHAPTER'
         JOIN trip_destination td ON td.province_id = $1 AND td.unit_id = c.id
         JOIN trip t ON t.province_id = $1 AND t.id = td.trip_id AND t.kind = 'MEETING'
         WHERE tree.district = d.id) AS reached
       FROM unit d WHERE d.province_id = $1 AND d.kind IN ('DISTRICT_UNION', 'AFFILIATED_UNION') AND d.valid_to = '2025-06-30'`,
      [BT],
    );
    expect(district).toHaveLength(BINH_THUAN_2019.districtUnits);
    expect(district.filter((d) => d.reached)).toHaveLength(BINH_THUAN_2019.unitsReached);
    expect(district.filter((d) => !d.reached).map((d) => d.name)).toEqual([BINH_THUAN_2019.unreached]);
    expect(
      district.filter((d) => d.name.startsWith('Huyện') || d.name.startsWith('Thị') || d.name.startsWith('Thành')),
    ).toHaveLength(10);

    const models = await read<{ good_models: string }>(
      [BT],
      `SELECT r.good_models FROM trip_report r JOIN trip t ON t.province_id = r.province_id AND t.id = r.trip_id
       WHERE r.province_id = $1 AND t.kind = 'TOPIC' AND r.good_models <> ''`,
      [BT],
    );
    const text = models.map((m) => m.good_models).join('\n');
    expect(text).toMatch(/nuôi heo.*hoa lan/u);
    expect(text).toMatch(/ve chai/u);
    expect(text).toMatch(/homestay/u);
    const kinds = await read<{ kind: string }>([BT], 'SELECT DISTINCT kind FROM trip WHERE province_id = $1 ORDER BY kind', [BT]);
    expect(kinds.map((k) => k.kind)).toEqual(['COORDINATION', 'INSPECTION', 'MEETING', 'TOPIC']);
  });

  it('puts every trip state and kind in every current demo province, with consistent timelines', async () => {
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const states = await read<{ state: string }>(
        [id],
        'SELECT DISTINCT state FROM trip WHERE province_id = $1 ORDER BY state',
        [id],
      );
      expect({ code, states: states.map((s) => s.state) }).toEqual({ code, states: [...ALL_STATES].sort() });
      const kinds = await read<{ kind: string }>([id], 'SELECT DISTINCT kind FROM trip WHERE province_id = $1', [id]);
      expect(kinds).toHaveLength(4);
      const [counts] = await read<{ trips: number; cadres: number; late: number; merged: number; behind: number; done: number }>(
        [id],
        `WITH days AS (
           SELECT c.id,
                  coalesce((SELECT sum(t.end_date - t.start_date + 1) FROM trip t JOIN trip_member m ON m.province_id = t.province_id AND m.trip_id = t.id
                            WHERE m.cadre_id = c.id AND t.province_id = c.province_id AND t.state = 'REPORT_ACCEPTED'), 0)::int AS d
           FROM cadre c WHERE c.province_id = $1)
         SELECT (SELECT count(*)::int FROM trip WHERE province_id = $1) AS trips,
                (SELECT count(*)::int FROM cadre WHERE province_id = $1) AS cadres,
                (SELECT count(*)::int FROM trip WHERE province_id = $1 AND late_registration AND late_justification <> '') AS late,
                (SELECT count(*)::int FROM trip WHERE province_id = $1 AND delegation_id IS NOT NULL AND state = 'APPROVED') AS merged,
                (SELECT count(*)::int FROM days WHERE d < 0.75 * (SELECT coalesce(max(required_days), 60) FROM policy_rule WHERE province_id = $1 AND year = 2026)) AS behind,
                (SELECT count(*)::int FROM days WHERE d >= (SELECT coalesce(max(required_days), 60) FROM policy_rule WHERE province_id = $1 AND year = 2026)) AS done`,
        [id],
      );
      expect(counts.trips).toBeGreaterThanOrEqual(40);
      expect(counts.trips).toBeLessThanOrEqual(150);
      expect(counts.cadres).toBeGreaterThanOrEqual(15);
      expect(counts.late).toBeGreaterThanOrEqual(2);
      expect(counts.merged).toBe(2);
      expect(counts.behind).toBeGreaterThan(0);
      expect(counts.done).toBeGreaterThan(0);

      // Each trip's timeline ends in its state, in order, and has the state path's steps.
      const bad = await read<{ id: string }>(
        [id],
        `SELECT t.id FROM trip t
         WHERE t.province_id = $1 AND (
           (SELECT e.to_state FROM trip_event e WHERE e.province_id = t.province_id AND e.trip_id = t.id ORDER BY e.at DESC LIMIT 1) IS DISTINCT FROM t.state
           OR (SELECT e.event FROM trip_event e WHERE e.province_id = t.province_id AND e.trip_id = t.id ORDER BY e.at LIMIT 1) <> 'REGISTERED'
           OR (SELECT count(*) FROM trip_event e WHERE e.province_id = t.province_id AND e.trip_id = t.id) <> t.version
           OR (t.state IN ('REPORTED', 'REPORT_ACCEPTED') AND NOT EXISTS (SELECT 1 FROM trip_report r WHERE r.province_id = t.province_id AND r.trip_id = t.id))
           OR (t.state IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED') AND t.actual_end IS NULL)
           OR (t.state IN ('REJECTED', 'RETURNED', 'CANCELLED') AND coalesce(t.decision_note, '') = '')
           OR NOT EXISTS (SELECT 1 FROM trip_member m WHERE m.province_id = t.province_id AND m.trip_id = t.id AND m.is_lead AND m.cadre_id = t.lead_cadre_id)
           OR EXISTS (SELECT 1 FROM trip_destination d JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
                      WHERE d.province_id = t.province_id AND d.trip_id = t.id
                        AND (u.valid_from > t.start_date OR (u.valid_to IS NOT NULL AND u.valid_to < t.end_date))))`,
        [id],
      );
      expect({ code, bad }).toEqual({ code, bad: [] });

      // No cadre is in two live trips on the same day.
      const [overlaps] = await read<{ n: number }>(
        [id],
        `SELECT count(*)::int AS n FROM trip_member m1
         JOIN trip t1 ON t1.province_id = m1.province_id AND t1.id = m1.trip_id
         JOIN trip_member m2 ON m2.province_id = m1.province_id AND m2.cadre_id = m1.cadre_id AND m2.trip_id > m1.trip_id
         JOIN trip t2 ON t2.province_id = m2.province_id AND t2.id = m2.trip_id
         WHERE m1.province_id = $1 AND t1.state NOT IN ('REJECTED', 'CANCELLED') AND t2.state NOT IN ('REJECTED', 'CANCELLED')
           AND daterange(t1.start_date, t1.end_date, '[]') && daterange(t2.start_date, t2.end_date, '[]')`,
        [id],
      );
      expect(overlaps?.n).toBe(0);
    }
  });

  it('registers every trip sent for approval as the form asks: what it is for, what it should bring, inside its batch', async () => {
    const all = Object.values(provinceIds);
    const sent = await read<{ n: number }>(all, `SELECT count(*)::int AS n FROM trip WHERE state NOT IN ('DRAFT', 'CANCELLED')`);
    expect(sent[0].n).toBeGreaterThan(1000);
    // Purpose and expected output: 20 characters or more once trimmed (MIN_CONTENT_LENGTH), never the title again.
    const vague = await read<{ title: string; purpose: string; expected_output: string }>(
      all,
      `SELECT title, purpose, expected_output FROM trip
       WHERE state NOT IN ('DRAFT', 'CANCELLED')
         AND (char_length(btrim(purpose)) < 20 OR char_length(btrim(expected_output)) < 20
              OR vn_fold(purpose) = vn_fold(title) OR vn_fold(expected_output) = vn_fold(title))
       LIMIT 5`,
    );
    expect(vague).toEqual([]);
    const outside = await read<{ title: string }>(
      all,
      `SELECT t.title FROM trip t JOIN batch b ON b.province_id = t.province_id AND b.id = t.batch_id
       WHERE t.start_date < b.starts_on OR t.end_date > b.ends_on LIMIT 5`,
    );
    expect(outside).toEqual([]);
    const batched = await read<{ n: number }>(all, 'SELECT count(*)::int AS n FROM trip WHERE batch_id IS NOT NULL');
    expect(batched[0].n).toBeGreaterThan(0);
  });

  it('records exemptions as the roster asks: maternity for women or with a reason, long sick leave of 30 days or more', async () => {
    const all = Object.values(provinceIds);
    const odd = await read<{ kind: string; full_name: string }>(
      all,
      `SELECT e.kind, c.full_name FROM exemption e JOIN cadre c ON c.province_id = e.province_id AND c.id = e.cadre_id
       WHERE (e.kind = 'MATERNITY' AND c.gender <> 'FEMALE' AND char_length(btrim(e.note)) < 20)
          OR (e.kind = 'LONG_SICK_LEAVE' AND e.end_date - e.start_date + 1 < 30)`,
    );
    expect(odd).toEqual([]);
    const kinds = await read<{ n: number }>(
      all,
      `SELECT count(DISTINCT kind)::int AS n FROM exemption WHERE kind IN ('MATERNITY', 'LONG_SICK_LEAVE')`,
    );
    expect(kinds[0].n).toBe(2);
  });

  it('links the demo accounts: cadres for canbo, truongban, thuongtruc; a commune union for coso', async () => {
    const rows = await read<{ username: string; role: string; cadre_id: string | null; unit_id: string | null }>(
      Object.values(provinceIds),
      `SELECT username, role, cadre_id, unit_id FROM app_user ORDER BY username`,
    );
    expect(rows).toHaveLength(1 + DEMO_PROVINCES.length * 5);
    for (const code of DEMO_PROVINCES.map((c) => c.toLowerCase())) {
      const of = (prefix: string) => rows.find((r) => r.username === `${prefix}.${code}`)!;
      expect(of('admin').role).toBe('PROVINCE_ADMIN');
      expect(of('thuongtruc')).toMatchObject({ role: 'STANDING_BOARD', cadre_id: expect.any(String) });
      expect(of('truongban')).toMatchObject({ role: 'DEPARTMENT_HEAD', cadre_id: expect.any(String) });
      expect(of('canbo')).toMatchObject({ role: 'CADRE', cadre_id: expect.any(String) });
      expect(of('coso')).toMatchObject({ role: 'HOST_UNIT', unit_id: expect.any(String) });
    }
    // The department head has reports from their department waiting for acceptance.
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const [waiting] = await read<{ n: number }>(
        [id],
        `SELECT count(*)::int AS n FROM trip t JOIN cadre h ON h.province_id = t.province_id AND h.department_id = t.department_id
         JOIN app_user u ON u.cadre_id = h.id AND u.role = 'DEPARTMENT_HEAD'
         WHERE t.province_id = $1 AND t.state = 'REPORTED'`,
        [id],
      );
      expect(waiting?.n).toBeGreaterThan(0);
      const [hosted] = await read<{ n: number; kind: string }>(
        [id],
        `SELECT count(*)::int AS n, min(un.kind) AS kind FROM app_user u JOIN unit un ON un.province_id = u.province_id AND un.id = u.unit_id
         JOIN trip_destination d ON d.province_id = un.province_id AND d.unit_id = un.id
         WHERE u.province_id = $1 AND u.role = 'HOST_UNIT'`,
        [id],
      );
      expect(hosted).toMatchObject({ kind: 'COMMUNE_UNION' });
      expect(hosted.n).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every current demo province inspection plans with a team, visits, conclusions and corrective actions', async () => {
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const plans = await read<{ id: string; targets: number; bad_targets: number; teams: number }>(
        [id],
        `SELECT p.id,
                (SELECT count(*)::int FROM inspection_plan_target t WHERE t.province_id = p.province_id AND t.plan_id = p.id) AS targets,
                (SELECT count(*)::int FROM inspection_plan_target t JOIN unit u ON u.province_id = t.province_id AND u.id = t.unit_id
                 WHERE t.province_id = p.province_id AND t.plan_id = p.id
                   AND (u.kind <> 'COMMUNE_UNION' OR u.valid_from > '2026-01-01' OR u.valid_to IS NOT NULL)) AS bad_targets,
                (SELECT count(*)::int FROM inspection_team t WHERE t.province_id = p.province_id AND t.plan_id = p.id) AS teams
         FROM inspection_plan p WHERE p.province_id = $1 AND p.year = 2026`,
        [id],
      );
      expect(plans.length).toBeGreaterThanOrEqual(1);
      expect(plans.length).toBeLessThanOrEqual(2);
      for (const plan of plans) {
        expect(plan).toMatchObject({ bad_targets: 0, teams: 1 });
        expect(plan.targets).toBeGreaterThanOrEqual(3);
        expect(plan.targets).toBeLessThanOrEqual(6);
      }
      // Teams: the lead among 3–4 members, each from a different department.
      const teams = await read<{ members: number; depts: number; lead_in: boolean }>(
        [id],
        `SELECT count(*)::int AS members, count(DISTINCT c.department_id)::int AS depts, bool_or(c.id = t.lead_cadre_id) AS lead_in
         FROM inspection_team t JOIN inspection_team_member m ON m.province_id = t.province_id AND m.team_id = t.id
         JOIN cadre c ON c.province_id = m.province_id AND c.id = m.cadre_id
         WHERE t.province_id = $1 GROUP BY t.id`,
        [id],
      );
      for (const team of teams) {
        expect(team.lead_in).toBe(true);
        expect(team.members).toBeGreaterThanOrEqual(3);
        expect(team.members).toBeLessThanOrEqual(4);
        expect(team.depts).toBe(team.members);
      }
      // Visits go to the plan's targets with members of the team; conclusions follow the visit.
      const [visits] = await read<{ visits: number; stray: number; outsiders: number; conclusions: number; early: number }>(
        [id],
        `WITH v AS (SELECT t.* FROM trip t WHERE t.province_id = $1 AND t.inspection_team_id IS NOT NULL)
         SELECT (SELECT count(*)::int FROM v WHERE kind = 'INSPECTION') AS visits,
                (SELECT count(*)::int FROM v JOIN trip_destination d ON d.province_id = v.province_id AND d.trip_id = v.id
                 JOIN inspection_team tm ON tm.province_id = v.province_id AND tm.id = v.inspection_team_id
                 WHERE NOT EXISTS (SELECT 1 FROM inspection_plan_target pt WHERE pt.province_id = v.province_id
                                   AND pt.plan_id = tm.plan_id AND pt.unit_id = d.unit_id)) AS stray,
                (SELECT count(*)::int FROM v JOIN trip_member m ON m.province_id = v.province_id AND m.trip_id = v.id
                 WHERE NOT EXISTS (SELECT 1 FROM inspection_team_member tm WHERE tm.province_id = v.province_id
                                   AND tm.team_id = v.inspection_team_id AND tm.cadre_id = m.cadre_id)) AS outsiders,
                (SELECT count(*)::int FROM inspection_conclusion c WHERE c.province_id = $1) AS conclusions,
                (SELECT count(*)::int FROM inspection_conclusion c JOIN trip t ON t.province_id = c.province_id AND t.id = c.trip_id
                 WHERE c.province_id = $1 AND (c.concluded_on <= t.end_date OR t.state NOT IN ('COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
                   OR NOT EXISTS (SELECT 1 FROM trip_destination d WHERE d.province_id = t.province_id AND d.trip_id = t.id AND d.unit_id = c.unit_id))) AS early`,
        [id],
      );
      expect(visits).toMatchObject({ stray: 0, outsiders: 0, early: 0 });
      expect(visits.visits).toBeGreaterThanOrEqual(3);
      expect(visits.conclusions).toBeGreaterThanOrEqual(1);
      // Each conclusion has 1–3 actions on the inspected unit, their status consistent with their dates.
      const [actions] = await read<{ min: number; max: number; elsewhere: number; inconsistent: number; overdue_open: number }>(
        [id],
        `WITH per AS (
           SELECT c.id, count(a.id)::int AS n, count(*) FILTER (WHERE a.responsible_unit_id <> c.unit_id)::int AS elsewhere
           FROM inspection_conclusion c LEFT JOIN corrective_action a ON a.province_id = c.province_id AND a.conclusion_id = c.id
           WHERE c.province_id = $1 GROUP BY c.id)
         SELECT min(n) AS min, max(n) AS max, sum(elsewhere)::int AS elsewhere,
                (SELECT count(*)::int FROM corrective_action a JOIN inspection_conclusion c ON c.province_id = a.province_id AND c.id = a.conclusion_id
                 WHERE a.province_id = $1 AND (
                   (a.status = 'OPEN') <> (a.done_at IS NULL) OR (a.status = 'OPEN') <> (a.done_note IS NULL)
                   OR (a.status = 'VERIFIED') <> (a.verified_at IS NOT NULL) OR (a.status = 'VERIFIED') <> (a.verified_by IS NOT NULL)
                   OR a.verified_at < a.done_at OR a.due_on < c.concluded_on OR a.done_at::date < c.concluded_on
                   OR a.done_at > $2::date OR a.verified_at > $2::date)) AS inconsistent,
                (SELECT count(*)::int FROM corrective_action a WHERE a.province_id = $1 AND a.status = 'OPEN' AND a.due_on < $2) AS overdue_open
         FROM per`,
        [id, DEMO_TODAY],
      );
      expect({ code, elsewhere: actions.elsewhere, inconsistent: actions.inconsistent }).toEqual({
        code,
        elsewhere: 0,
        inconsistent: 0,
      });
      expect(actions.min).toBeGreaterThanOrEqual(1);
      expect(actions.max).toBeLessThanOrEqual(3);
      expect({ code, overdueOpen: actions.overdue_open >= 1 }).toEqual({ code, overdueOpen: true });
      // Higher-level teams the province's cadres joined.
      const external = await read<{ organiser: string; kind: string }>(
        [id],
        'SELECT organiser, kind FROM trip WHERE province_id = $1 AND organiser IS NOT NULL AND inspection_team_id IS NULL',
        [id],
      );
      expect(external.length).toBeGreaterThanOrEqual(1);
      expect(external.length).toBeLessThanOrEqual(2);
      for (const e of external) expect(['Trung ương Đoàn', 'Tỉnh ủy']).toContain(e.organiser);
      expect(new Set(external.map((e) => e.kind))).toEqual(new Set(['INSPECTION']));
    }

    const plans = await product.ok<{
      inspectionPlans: {
        nodes: Array<{
          title: string;
          targets: Array<{ name: string }>;
          teams: Array<{
            lead: { fullName: string };
            members: Array<{ fullName: string }>;
            visits: Array<{
              state: string;
              conclusions: Array<{ rating: string; actions: Array<{ status: string; overdue: boolean }> }>;
            }>;
          }>;
        }>;
      };
    }>(
      `{ inspectionPlans(year: 2026) { nodes { title targets { name } teams { lead { fullName } members { fullName }
         visits { state conclusions { rating actions { status overdue } } } } } } }`,
      {},
      await product.login('admin.ldg', 'demo1234'),
    );
    expect(plans.inspectionPlans.nodes.length).toBeGreaterThanOrEqual(1);
    const team = plans.inspectionPlans.nodes[0].teams[0];
    expect(team.members.map((m) => m.fullName)).toContain(team.lead.fullName);
    const actions = plans.inspectionPlans.nodes.flatMap((p) =>
      p.teams.flatMap((t) => t.visits.flatMap((v) => v.conclusions.flatMap((c) => c.actions))),
    );
    expect(actions.some((a) => a.status === 'OPEN' && a.overdue)).toBe(true);

    // The demo host commune was inspected: its account sees its own corrective actions.
    const coso = await product.ok<{
      correctiveActions: { nodes: Array<{ status: string; responsibleUnit: { name: string } }> };
    }>('{ correctiveActions { nodes { status responsibleUnit { name } } } }', {}, await product.login('coso.ldg', 'demo1234'));
    expect(coso.correctiveActions.nodes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(coso.correctiveActions.nodes.map((a) => a.responsibleUnit.name)).size).toBe(1);
  });

  it('records good models, searchable without diacritics, with Bình Thuận’s 2019 models on the trips that found them', async () => {
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const [models] = await read<{ n: number; fields: number; on_topic: number; replicated: number; rows_ok: boolean }>(
        [id],
        `SELECT count(*)::int AS n, count(DISTINCT g.field)::int AS fields,
                count(*) FILTER (WHERE t.kind = 'TOPIC' AND EXISTS (SELECT 1 FROM trip_destination d WHERE d.province_id = t.province_id
                                 AND d.trip_id = t.id AND d.unit_id = g.unit_id))::int AS on_topic,
                count(*) FILTER (WHERE g.replication <> 'IDENTIFIED')::int AS replicated,
                bool_and((g.replication = 'IDENTIFIED') = NOT EXISTS (SELECT 1 FROM good_model_replication r
                         WHERE r.province_id = g.province_id AND r.model_id = g.id)) AS rows_ok
         FROM good_model g LEFT JOIN trip t ON t.province_id = g.province_id AND t.id = g.trip_id
         WHERE g.province_id = $1`,
        [id],
      );
      expect(models.n).toBeGreaterThanOrEqual(4);
      expect(models.n).toBeLessThanOrEqual(8);
      expect(models.fields).toBeGreaterThanOrEqual(2);
      expect(models.on_topic).toBe(models.n);
      expect(models.replicated).toBeGreaterThanOrEqual(1);
      expect(models.rows_ok).toBe(true);
    }
    const bt = await read<{ name: string; unit: string; replication: string; trip_year: number; report: string }>(
      [BT],
      `SELECT g.name, u.name AS unit, g.replication, extract(year FROM t.start_date)::int AS trip_year, r.good_models AS report
       FROM good_model g JOIN unit u ON u.province_id = g.province_id AND u.id = g.unit_id
       JOIN trip t ON t.province_id = g.province_id AND t.id = g.trip_id
       JOIN trip_report r ON r.province_id = t.province_id AND r.trip_id = t.id
       WHERE g.province_id = $1 ORDER BY g.name`,
      [BT],
    );
    expect(bt).toHaveLength(6);
    for (const m of bt) expect(m.trip_year).toBe(2019);
    expect(bt.find((m) => /ve chai/u.test(m.name))).toMatchObject({
      unit: 'Chi đoàn Thôn 1 Bình Thạnh',
      replication: 'REPLICATED',
    });
    expect(bt.find((m) => /nuôi heo/u.test(m.name))?.report).toMatch(/hoa lan/u);
    expect(bt.find((m) => /homestay/iu.test(m.name))?.unit).toBe('Đoàn xã Tam Thanh');
    expect(bt.find((m) => /bí thư chi đoàn kiêm thôn đội trưởng/iu.test(m.name))).toBeDefined();
    expect(bt.find((m) => /vùng giáo/u.test(m.name))).toBeDefined();

    const found = await product.ok<{ goodModels: { totalCount: number; nodes: Array<{ name: string; field: string }> } }>(
      '{ goodModels(search: "mo hinh lan") { totalCount nodes { name field } } }',
      {},
      await product.login('canbo.ldg', 'demo1234'),
    );
    expect(found.goodModels.nodes.map((n) => n.name)).toContain('Mô hình trồng hoa lan của thanh niên');
  });

  it('raises recommendations with every status, some overdue, one answered to the demo host commune', async () => {
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const [recs] = await read<{ n: number; statuses: string[]; overdue: number; bad: number }>(
        [id],
        `SELECT count(*)::int AS n, array_agg(DISTINCT status ORDER BY status) AS statuses,
                count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_on < $2)::int AS overdue,
                count(*) FILTER (WHERE
                  (status = 'IN_PROGRESS' AND (department_id IS NULL OR due_on IS NULL))
                  OR (status IN ('ANSWERED', 'CLOSED')) <> (answered_at IS NOT NULL AND answered_by IS NOT NULL AND answer IS NOT NULL)
                  OR answered_at < created_at OR answered_at > $2::date OR created_at > $2::date
                  OR (answered_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = answered_by AND u.province_id = $1)))::int AS bad
         FROM recommendation WHERE province_id = $1`,
        [id, DEMO_TODAY],
      );
      expect(recs.n).toBeGreaterThanOrEqual(5);
      expect(recs.n).toBeLessThanOrEqual(10);
      expect(recs.statuses).toEqual(['ANSWERED', 'CLOSED', 'IN_PROGRESS', 'OPEN']);
      expect(recs.overdue).toBeGreaterThanOrEqual(1);
      expect(recs.bad).toBe(0);
    }
    const overdue = await product.ok<{ recommendations: { nodes: Array<{ status: string; overdue: boolean }> } }>(
      '{ recommendations(overdueOnly: true) { nodes { status overdue } } }',
      {},
      await product.login('admin.ldg', 'demo1234'),
    );
    expect(overdue.recommendations.nodes.length).toBeGreaterThanOrEqual(1);
    for (const r of overdue.recommendations.nodes) expect(r).toEqual({ status: 'IN_PROGRESS', overdue: true });

    const host = await product.ok<{ recommendations: { nodes: Array<{ status: string; answer: string | null }> } }>(
      '{ recommendations { nodes { status answer } } }',
      {},
      await product.login('coso.ldg', 'demo1234'),
    );
    expect(host.recommendations.nodes.some((r) => r.status === 'ANSWERED' && (r.answer ?? '').length > 10)).toBe(true);
  });

  it('keeps hosts’ feedback on visits, mostly within the rules, with a breach or two per province', async () => {
    for (const code of DEMO_PROVINCES) {
      const id = provinceIds[code];
      const [fb] = await read<{ n: number; breaches: number; silent: number; unconfirmed: number; host: number }>(
        [id],
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE f.breach)::int AS breaches,
                count(*) FILTER (WHERE f.breach AND f.comment = '')::int AS silent,
                count(*) FILTER (WHERE t.state NOT IN ('APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED')
                  OR NOT EXISTS (SELECT 1 FROM trip_destination d WHERE d.province_id = t.province_id AND d.trip_id = t.id AND d.unit_id = f.unit_id))::int AS unconfirmed,
                count(*) FILTER (WHERE f.created_by IN (SELECT id FROM app_user WHERE role = 'HOST_UNIT'))::int AS host
         FROM host_feedback f JOIN trip t ON t.province_id = f.province_id AND t.id = f.trip_id
         WHERE f.province_id = $1`,
        [id],
      );
      expect(fb.breaches).toBeGreaterThanOrEqual(1);
      expect(fb.breaches).toBeLessThanOrEqual(2);
      expect(fb.n).toBeGreaterThan(fb.breaches * 2);
      expect(fb).toMatchObject({ silent: 0, unconfirmed: 0 });
      expect(fb.host).toBeGreaterThanOrEqual(1);
    }
    const breaches = await product.ok<{
      hostFeedback: { nodes: Array<{ breach: boolean; comment: string; trip: { title: string } }> };
    }>(
      '{ hostFeedback(breachesOnly: true) { nodes { breach comment trip { title } } } }',
      {},
      await product.login('admin.ldg', 'demo1234'),
    );
    expect(breaches.hostFeedback.nodes.length).toBeGreaterThanOrEqual(1);
    for (const f of breaches.hostFeedback.nodes) expect(f.breach).toBe(true);
    expect(breaches.hostFeedback.nodes.map((f) => f.comment).join('\n')).toMatch(/hội nghị|đưa đón/u);
  });

  it('does nothing the second time', async () => {
    const count = async () =>
      (
        await read<{ users: number; trips: number; units: number; plans: number; models: number }>(
          [...Object.values(provinceIds), BT],
          `SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM trip) AS trips, (SELECT count(*)::int FROM unit) AS units,
                  (SELECT count(*)::int FROM inspection_plan) AS plans, (SELECT count(*)::int FROM good_model) AS models,
                  (SELECT count(*)::int FROM recommendation) AS recommendations, (SELECT count(*)::int FROM host_feedback) AS feedback`,
        )
      )[0];
    const before = await count();
    expect(await seedDemo(testDbConfig(product.ownerUrl), 'demo1234', logger)).toBe(false);
    expect(await count()).toEqual(before);
  });

  it('signs in as canbo.ldg, and lets Lâm Đồng (not Hà Nội) read Bình Thuận history', async () => {
    const token = await product.login('canbo.ldg', 'demo1234');
    const me = await product.ok<{ me: { username: string; role: string; province: { code: string } } }>(
      '{ me { username role province { code } } }',
      {},
      token,
    );
    expect(me.me).toEqual({ username: 'canbo.ldg', role: 'CADRE', province: { code: 'LDG' } });

    const TRIPS =
      'query ($p: Int) { trips(first: 5, filter: { provinceId: $p }) { totalCount nodes { provinceId title state } } }';
    const ldg = await product.ok<{
      trips: { totalCount: number; nodes: Array<{ provinceId: number; title: string; state: string }> };
    }>(TRIPS, { p: BT }, await product.login('admin.ldg', 'demo1234'));
    expect(ldg.trips.totalCount).toBeGreaterThan(300);
    expect(ldg.trips.nodes).toHaveLength(5);
    for (const n of ldg.trips.nodes) expect(n).toMatchObject({ provinceId: BT, state: 'REPORT_ACCEPTED' });

    const hni = await product.ok<{ trips: { totalCount: number } }>(
      TRIPS,
      { p: BT },
      await product.login('admin.hni', 'demo1234'),
    );
    expect(hni.trips.totalCount).toBe(0);
  });

  it('prints one readable line per account type', () => {
    const note = DEMO_ACCOUNTS_NOTE('demo1234');
    const lines = note.split('\n');
    expect(lines[0]).toContain('demo1234');
    for (const prefix of [
      'trunguong',
      'admin.<mã tỉnh>',
      'thuongtruc.<mã tỉnh>',
      'truongban.<mã tỉnh>',
      'canbo.<mã tỉnh>',
      'coso.<mã tỉnh>',
    ]) {
      const line = lines.find((l) => l.trimStart().startsWith(prefix));
      expect(line).toMatch(new RegExp(`^ {4}${prefix.replace(/\./g, '\\.')} {2,}\\S`));
    }
    expect(note).toMatch(/ldg \(Lâm Đồng.*hni \(Hà Nội\).*hcm.*dng.*qti/u);
  });
});
