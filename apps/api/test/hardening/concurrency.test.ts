import { randomUUID } from 'node:crypto';
import { Role } from '../../src/shared/access';
import { fixedClock } from '../../src/shared/clock';
import { startTestProduct, type GqlResponse, type TestProduct } from '../harness';
import { buildCadre, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../factories';

const DECISION_PAIRS = 700;
const REPORT_PAIRS = 250;
const RULE_PAIRS = 50;
/** Pairs in flight at once: enough to overlap, few enough for two cores and the pool. */
const PARALLEL_PAIRS = 6;

const DECIDE = `mutation ($id: ID!, $v: Int!, $d: Decision!, $r: String) {
  decideTrips(decision: $d, reason: $r, trips: [{ id: $id, version: $v }]) { id state version } }`;
const ACCEPT =
  'mutation ($id: ID!, $v: Int!, $n: String) { acceptTripReport(id: $id, version: $v, note: $n) { id state version } }';
const SET_RULE = `mutation ($year: Int!, $v: Int!, $input: PolicyRuleInput!) {
  setPolicyRule(year: $year, version: $v, input: $input) { year version requiredDays } }`;

type Answer = GqlResponse<Record<string, unknown>>;

/** One pair's outcome: which side won; the loser must have been refused with CONFLICT. */
function winnerOf(pair: [Answer, Answer]): 0 | 1 | 'both' | 'neither' {
  const ok = pair.map((a) => !a.errors?.length && a.data != null);
  const conflicted = pair.map((a) => a.errors?.[0]?.extensions?.code === 'CONFLICT' && a.data == null);
  if (ok[0] && conflicted[1]) return 0;
  if (ok[1] && conflicted[0]) return 1;
  return ok[0] && ok[1] ? 'both' : 'neither';
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

describe('concurrent conflicting updates', () => {
  let product: TestProduct;
  let provinceId: number;
  let boards: Array<{ id: string; token: string }>;
  let admins: Array<{ id: string; token: string }>;
  let leadId: string;
  let unitId: string;

  /** `count` trips in `state`, made in one statement (reported ones with their report). */
  async function bulkTrips(count: number, state: 'SUBMITTED' | 'REPORTED'): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await inProvince(product.owner, provinceId, async () => {
      await product.owner.query(
        `INSERT INTO trip (province_id, id, kind, state, title, lead_cadre_id, start_date, end_date, actual_start, actual_end, submitted_at)
         SELECT $1, id, 'TOPIC', $3, 'Chuyến đi song song ' || ord, $4, DATE '2026-04-06', DATE '2026-04-07',
                CASE WHEN $3 = 'REPORTED' THEN DATE '2026-04-06' END, CASE WHEN $3 = 'REPORTED' THEN DATE '2026-04-07' END, now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
        [provinceId, ids, state, leadId],
      );
      await product.owner.query(
        `INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead) SELECT $1, id, $3, true FROM unnest($2::uuid[]) AS t(id)`,
        [provinceId, ids, leadId],
      );
      await product.owner.query(
        `INSERT INTO trip_destination (province_id, trip_id, unit_id) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS t(id)`,
        [provinceId, ids, unitId],
      );
      if (state === 'REPORTED') {
        await product.owner.query(
          `INSERT INTO trip_report (province_id, trip_id, findings, due_on) SELECT $1, id, 'Đoàn viên nắm được chủ trương', DATE '2026-04-21'
           FROM unnest($2::uuid[]) AS t(id)`,
          [provinceId, ids],
        );
      }
    });
    return ids;
  }

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-04-10'), poolSize: 8 });
    provinceId = await provinceIdOf(product.owner, 'HNI');
    unitId = (await buildUnit(product.owner, { provinceId })).id;
    leadId = (await buildCadre(product.owner, { provinceId })).id;
    const signIn = async (role: Role) => {
      const user = await buildUser(product.owner, { role, provinceId });
      return { id: user.id, token: await product.login(user.username) };
    };
    boards = [await signIn(Role.STANDING_BOARD), await signIn(Role.STANDING_BOARD)];
    admins = [await signIn(Role.PROVINCE_ADMIN), await signIn(Role.PROVINCE_ADMIN)];
  });
  afterAll(() => product.stop());

  it(`${DECISION_PAIRS} pairs of board members approving and returning the same submitted trip: one wins, one gets CONFLICT, the winner's decision stands`, async () => {
    const trips = await bulkTrips(DECISION_PAIRS, 'SUBMITTED');
    const outcomes = await inBatches(trips, PARALLEL_PAIRS, async (id) => {
      const pair = (await Promise.all([
        product.gql(DECIDE, { id, v: 1, d: 'APPROVE' }, boards[0].token),
        product.gql(DECIDE, { id, v: 1, d: 'RETURN', r: 'Bổ sung nội dung làm việc' }, boards[1].token),
      ])) as [Answer, Answer];
      return { id, winner: winnerOf(pair), pair };
    });
    const odd = outcomes.filter((o) => o.winner !== 0 && o.winner !== 1);
    expect(odd.slice(0, 3).map((o) => o.pair)).toEqual([]);

    const rows = await product.owner.query<{ id: string; state: string; version: number; note: string | null; events: string[] }>(
      `SELECT t.id, t.state, t.version, t.decision_note AS note,
              array(SELECT e.event FROM trip_event e WHERE e.province_id = t.province_id AND e.trip_id = t.id ORDER BY e.at) AS events
       FROM trip t WHERE t.id = ANY($1::uuid[])`,
      [trips],
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    const lost = outcomes.filter(({ id, winner }) => {
      const row = byId.get(id);
      const expected =
        winner === 0 ? { state: 'APPROVED', note: null } : { state: 'RETURNED', note: 'Bổ sung nội dung làm việc' };
      return (
        !row ||
        row.state !== expected.state ||
        row.note !== expected.note ||
        row.version !== 2 ||
        row.events.join() !== expected.state
      );
    });
    expect(lost.map((o) => ({ ...o, row: byId.get(o.id) }))).toEqual([]);
    // Both sides won some pairs: the race was real, not one user always first.
    expect(new Set(outcomes.map((o) => o.winner))).toEqual(new Set([0, 1]));
  }, 300_000);

  it(`${REPORT_PAIRS} pairs of board members accepting the same report: one wins, one gets CONFLICT, recorded once`, async () => {
    const trips = await bulkTrips(REPORT_PAIRS, 'REPORTED');
    const outcomes = await inBatches(trips, PARALLEL_PAIRS, async (id) => {
      const pair = (await Promise.all(boards.map((b, i) => product.gql(ACCEPT, { id, v: 1, n: `Chấp nhận ${i}` }, b.token)))) as [
        Answer,
        Answer,
      ];
      return { id, winner: winnerOf(pair), pair };
    });
    expect(outcomes.filter((o) => o.winner !== 0 && o.winner !== 1).slice(0, 3)).toEqual([]);

    const rows = await product.owner.query<{ id: string; state: string; accepted_by: string; notes: string[] }>(
      `SELECT t.id, t.state, r.accepted_by,
              array(SELECT e.note FROM trip_event e WHERE e.province_id = t.province_id AND e.trip_id = t.id AND e.event = 'REPORT_ACCEPTED') AS notes
       FROM trip t JOIN trip_report r ON r.province_id = t.province_id AND r.trip_id = t.id WHERE t.id = ANY($1::uuid[])`,
      [trips],
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    const lost = outcomes.filter(({ id, winner }) => {
      const row = byId.get(id);
      const w = winner as 0 | 1;
      return !row || row.state !== 'REPORT_ACCEPTED' || row.accepted_by !== boards[w].id || row.notes.join() !== `Chấp nhận ${w}`;
    });
    expect(lost.map((o) => ({ ...o, row: byId.get(o.id) }))).toEqual([]);
  }, 300_000);

  it(`${RULE_PAIRS} pairs of admins saving the same year's rule with the same version: one wins, the saved rule is the winner's`, async () => {
    const years = Array.from({ length: RULE_PAIRS }, (_, i) => 2030 + i);
    const input = (year: number, requiredDays: number) => ({
      requiredDays,
      windowStart: `${year}-01-01`,
      windowEnd: `${year}-12-31`,
      reportRequired: true,
      reportDueDays: 10,
      checkLateRegistration: 'WARN',
      checkDoubleBooking: 'BLOCK',
      checkHostLoad: 'WARN',
      hostLoadMaxPerWeek: 3,
      checkTopicOverlap: 'OFF',
    });
    // Each year twice: the first save (version 0) and an edit of version 1, both raced.
    for (const version of [0, 1]) {
      const outcomes = await inBatches(years, PARALLEL_PAIRS, async (year) => {
        const pair = (await Promise.all(
          admins.map((a, i) => product.gql(SET_RULE, { year, v: version, input: input(year, 60 + i + version * 10) }, a.token)),
        )) as [Answer, Answer];
        return { year, winner: winnerOf(pair), pair };
      });
      expect(outcomes.filter((o) => o.winner !== 0 && o.winner !== 1).slice(0, 3)).toEqual([]);
      const rows = await product.owner.query<{ year: number; required_days: number; version: number }>(
        'SELECT year, required_days, version FROM policy_rule WHERE province_id = $1 AND year = ANY($2::int[])',
        [provinceId, years],
      );
      const byYear = new Map(rows.rows.map((r) => [r.year, r]));
      const lost = outcomes.filter(({ year, winner }) => {
        const row = byYear.get(year);
        return !row || row.version !== version + 1 || row.required_days !== 60 + (winner as number) + version * 10;
      });
      expect(lost.map((o) => ({ ...o, row: byYear.get(o.year) }))).toEqual([]);
    }
  }, 300_000);
});

describe('an idempotency key replayed concurrently', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01'), poolSize: 8 });
  });
  afterAll(() => product.stop());

  it('creates the trip once when the same createTrip is sent 100 times at once', async () => {
    const provinceId = await provinceIdOf(product.owner, 'DNG');
    const unit = await buildUnit(product.owner, { provinceId });
    const cadre = await buildCadre(product.owner, { provinceId });
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId });
    await linkUser(product.owner, user.id, { cadreId: cadre.id });
    const token = await product.login(user.username);
    const title = `Chuyến đi gửi lặp ${randomUUID().slice(0, 8)}`;
    const variables = {
      key: `replay-${randomUUID()}`,
      input: {
        kind: 'TOPIC',
        title,
        purpose: 'Nắm tình hình sinh hoạt của đoàn viên tại cơ sở',
        expectedOutput: 'Báo cáo kết quả gửi Thường trực Tỉnh đoàn',
        leadCadreId: cadre.id,
        destinationIds: [unit.id],
        startDate: '2026-04-14',
        endDate: '2026-04-15',
      },
    };
    const CREATE = `mutation ($input: CreateTripInput!, $key: String) {
      createTrip(input: $input, submit: true, idempotencyKey: $key) { id state } }`;
    const answers = await Promise.all(Array.from({ length: 100 }, () => product.gql(CREATE, variables, token)));

    const ids = new Set(answers.map((a) => (a.data?.createTrip as { id: string } | undefined)?.id));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(ids.size).toBe(1);
    const [id] = [...ids];

    const count = async (sql: string, params: unknown[]) => (await product.owner.query<{ n: number }>(sql, params)).rows[0].n;
    expect(await count('SELECT count(*)::int AS n FROM trip WHERE province_id = $1 AND title = $2', [provinceId, title])).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM trip_event WHERE province_id = $1 AND trip_id = $2', [provinceId, id]),
    ).toBe(2);
    expect(
      await count('SELECT count(*)::int AS n FROM trip_member WHERE province_id = $1 AND trip_id = $2', [provinceId, id]),
    ).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM idempotency_key WHERE key = $1', [variables.key])).toBe(1);
  });
});
