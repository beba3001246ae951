import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { publishScoped } from '../../shared/pubsub';
import { directAppUrl } from '../../db/database';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { testDbConfig } from '../../../test/database';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';
import { scopeStatement } from '../tenancy/tenancy';
import { runDailyReminders } from './notification.service';
import { DAILY_REMINDERS_CRON, DAILY_REMINDERS_QUEUE, JOB_SCHEMA, JOB_TIMEZONE } from './notification.jobs';

const TODAY = '2026-04-20';
const NONE = '00000000-0000-4000-8000-000000000000';
const SENTINEL = 'SENTINEL';

const FIELDS = 'id kind subjectId link tripTitle dueOn startDate days cadreName reason message createdAt readAt';
const INBOX = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }`;
const UNREAD = 'query { unreadNotificationCount }';
const MARK = `mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const MARK_ALL = 'mutation { markAllNotificationsRead }';
const DECIDE = `mutation ($trips: [TripVersionInput!]!, $decision: Decision!, $reason: String) {
  decideTrips(trips: $trips, decision: $decision, reason: $reason) { id state } }`;
const ADDED = `subscription { notificationAdded { ${FIELDS} } }`;

interface Person {
  id: string;
  token: string;
}
interface Message {
  id: string;
  kind: string;
  subjectId: string;
  tripTitle: string | null;
  reason: string | null;
  message: string;
  link: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One live `notificationAdded` subscription and what it received. */
class Inbox {
  readonly received: Message[] = [];
  readonly errors: unknown[] = [];
  private readonly client: Client;

  constructor(wsUrl: string, token: string) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    this.client.subscribe<{ notificationAdded: Message }>(
      { query: ADDED },
      {
        next: (result: FormattedExecutionResult<{ notificationAdded: Message }>) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          if (result.data?.notificationAdded) this.received.push(result.data.notificationAdded);
        },
        error: (error) => this.errors.push(error),
        complete: () => undefined,
      },
    );
  }

  real(): Message[] {
    return this.received.filter((m) => m.tripTitle !== SENTINEL);
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}

describe('notifications: daily reminders, decisions, the inbox and live delivery', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let office: { id: string };
  let commune: { id: string };
  let cadre: Person & { cadreId: string };
  let bystander: Person & { cadreId: string };
  let head: Person;
  let board: Person;
  let host: Person;
  let otherHost: Person;
  let otherProvinceBoard: Person;

  const reminders = (today = TODAY, on = product) => runDailyReminders({ ...on.deps, clock: fixedClock(today) });

  /** Who got what about one trip: [username-free user id, kind] pairs, sorted. */
  const recipientsOf = async (subjectId: string): Promise<Array<[string, string]>> =>
    inProvince(product.owner, ldg, async () => {
      const { rows } = await product.owner.query<{ user_id: string; kind: string }>(
        'SELECT user_id, kind FROM notification WHERE subject_id = $1 ORDER BY user_id, kind',
        [subjectId],
      );
      return rows.map((r): [string, string] => [r.user_id, r.kind]);
    });
  const sorted = (pairs: Array<[string, string]>) => [...pairs].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

  const trip = (attrs: { state: string; startDate: string; endDate: string; leadCadreId?: string; destinationId?: string }) =>
    buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: attrs.leadCadreId ?? cadre.cadreId,
      destinationId: attrs.destinationId ?? commune.id,
      state: attrs.state,
      startDate: attrs.startDate,
      endDate: attrs.endDate,
    });

  const submittedOn = (tripId: string, day: string) =>
    inProvince(product.owner, ldg, () =>
      product.owner.query(
        `UPDATE trip SET submitted_at = ($2::date + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' WHERE id = $1`,
        [tripId, day],
      ),
    );

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock(TODAY) });
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    office = await buildUnit(product.owner, { provinceId: ldg, kind: 'DEPARTMENT', name: 'Ban Tổ chức', parentId: agency.id });
    const otherDepartment = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });
    const elsewhere = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh', parentId: agency.id });

    const person = async (role: Role, provinceId: number, link: { departmentId?: string; unitId?: string } = {}) => {
      const user = await buildUser(product.owner, { role, provinceId });
      let cadreId = '';
      if (link.departmentId) {
        cadreId = (await buildCadre(product.owner, { provinceId, departmentId: link.departmentId })).id;
        await linkUser(product.owner, user.id, { cadreId });
      }
      if (link.unitId) await linkUser(product.owner, user.id, { unitId: link.unitId });
      return { id: user.id, token: await product.login(user.username), cadreId };
    };
    cadre = await person(Role.CADRE, ldg, { departmentId: office.id });
    bystander = await person(Role.CADRE, ldg, { departmentId: office.id });
    head = await person(Role.DEPARTMENT_HEAD, ldg, { departmentId: office.id });
    // The head of another department hears nothing of this one's reports.
    await person(Role.DEPARTMENT_HEAD, ldg, { departmentId: otherDepartment.id });
    board = await person(Role.STANDING_BOARD, ldg, { departmentId: office.id });
    host = await person(Role.HOST_UNIT, ldg, { unitId: commune.id });
    otherHost = await person(Role.HOST_UNIT, ldg, { unitId: elsewhere.id });
    otherProvinceBoard = await person(Role.STANDING_BOARD, hni);
  });
  afterAll(() => product.stop());

  it('reminds the lead cadre of a report due within 3 days, once per due date', async () => {
    const dueIn3 = await trip({ state: 'APPROVED', startDate: '2026-04-12', endDate: '2026-04-13' }); // due 23/04
    const dueIn5 = await trip({ state: 'APPROVED', startDate: '2026-04-14', endDate: '2026-04-15' }); // due 25/04
    await reminders();
    expect(await recipientsOf(dueIn3.id)).toEqual([[cadre.id, 'REPORT_DUE_SOON']]);
    expect(await recipientsOf(dueIn5.id)).toEqual([]);
    const { notifications } = await product.ok(INBOX, { first: 50 }, cadre.token);
    expect(notifications.nodes.find((n: Message) => n.subjectId === dueIn3.id)).toMatchObject({
      kind: 'REPORT_DUE_SOON',
      link: `/trips/${dueIn3.id}`,
      tripTitle: dueIn3.title,
      dueOn: '2026-04-23',
      days: 3,
      readAt: null,
      message: `Báo cáo chuyến đi "${dueIn3.title}" đến hạn ngày 23/04/2026, còn 3 ngày.`,
    });
    // The next days, the same due date reminds no more.
    await reminders('2026-04-21');
    expect(await recipientsOf(dueIn3.id)).toEqual([[cadre.id, 'REPORT_DUE_SOON']]);
  });

  it('tells the lead cadre of an overdue report, and the department head once it is 7 days overdue', async () => {
    const late5 = await trip({ state: 'COMPLETED', startDate: '2026-04-04', endDate: '2026-04-05' }); // due 15/04
    const late11 = await trip({ state: 'APPROVED', startDate: '2026-03-29', endDate: '2026-03-30' }); // due 09/04
    const reported = await trip({ state: 'REPORTED', startDate: '2026-03-29', endDate: '2026-03-30' });
    await reminders();
    expect(await recipientsOf(late5.id)).toEqual([[cadre.id, 'REPORT_OVERDUE']]);
    expect(await recipientsOf(late11.id)).toEqual(
      sorted([
        [cadre.id, 'REPORT_OVERDUE'],
        [head.id, 'REPORT_OVERDUE'],
      ]),
    );
    expect(await recipientsOf(reported.id)).toEqual([]);
    const { notifications } = await product.ok(INBOX, { first: 50 }, head.token);
    expect(notifications.nodes.find((n: Message) => n.subjectId === late11.id)).toMatchObject({
      kind: 'REPORT_OVERDUE',
      dueOn: '2026-04-09',
      days: 11,
      cadreName: expect.any(String),
    });
  });

  it('tells the standing board and the lead cadre of a submitted trip whose start date has passed', async () => {
    const pending = await trip({ state: 'SUBMITTED', startDate: '2026-04-18', endDate: '2026-04-19' });
    const upcoming = await trip({ state: 'SUBMITTED', startDate: '2026-04-25', endDate: '2026-04-26' });
    await reminders();
    expect(await recipientsOf(pending.id)).toEqual(
      sorted([
        [board.id, 'PENDING_PAST_START'],
        [cadre.id, 'PENDING_PAST_START'],
      ]),
    );
    expect(await recipientsOf(upcoming.id)).toEqual([]);
  });

  it('reminds the standing board of a registration waiting more than 5 days, weekly', async () => {
    const waiting = await trip({ state: 'SUBMITTED', startDate: '2026-05-10', endDate: '2026-05-11' });
    const recent = await trip({ state: 'SUBMITTED', startDate: '2026-05-10', endDate: '2026-05-11' });
    await submittedOn(waiting.id, '2026-04-10');
    await submittedOn(recent.id, '2026-04-16');
    await reminders();
    expect(await recipientsOf(waiting.id)).toEqual([[board.id, 'REGISTRATION_WAITING']]);
    expect(await recipientsOf(recent.id)).toEqual([]);
    // Later the same week: nothing more; the next week: once more.
    await reminders('2026-04-22');
    expect(await recipientsOf(waiting.id)).toHaveLength(1);
    await reminders('2026-04-27');
    expect(await recipientsOf(waiting.id)).toEqual([
      [board.id, 'REGISTRATION_WAITING'],
      [board.id, 'REGISTRATION_WAITING'],
    ]);
  });

  it('tells the host unit of an approved delegation arriving within 3 days', async () => {
    const arriving = await trip({ state: 'APPROVED', startDate: '2026-04-23', endDate: '2026-04-23' });
    const later = await trip({ state: 'APPROVED', startDate: '2026-04-28', endDate: '2026-04-28' });
    await reminders();
    expect(await recipientsOf(arriving.id)).toEqual([[host.id, 'DELEGATION_ARRIVING']]);
    expect(await recipientsOf(later.id)).toEqual([]);
    const { notifications } = await product.ok(INBOX, { first: 50 }, otherHost.token);
    expect(notifications.totalCount).toBe(0);
  });

  it('creates nothing for others: a bystander and another province’s board see an empty inbox', async () => {
    for (const who of [bystander, otherProvinceBoard]) {
      expect((await product.ok(INBOX, { first: 50 }, who.token)).notifications.totalCount).toBe(0);
      expect((await product.ok(UNREAD, {}, who.token)).unreadNotificationCount).toBe(0);
    }
    // Nor can they mark someone else's notification read.
    const { notifications } = await product.ok(INBOX, { first: 1 }, cadre.token);
    const theirs = notifications.nodes[0] as Message;
    const res = await product.gql(MARK, { id: theirs.id }, bystander.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOTIFICATION_NOT_FOUND', field: 'id' });
  });

  it('row-level security, not only the API, keeps each inbox to its owner', async () => {
    const app = new PgClient({ connectionString: directAppUrl(testDbConfig(product.ownerUrl)) });
    await app.connect();
    const asUser = async (userId: string, provinces: number[], sql: string) => {
      await app.query('BEGIN');
      try {
        await app.query(scopeStatement(userId, { readable: provinces, writable: provinces }));
        return (await app.query<{ n: number }>(sql)).rows[0]?.n;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    const count = 'SELECT count(*)::int AS n FROM notification';
    const markAll = 'WITH m AS (UPDATE notification SET read_at = now() RETURNING 1) SELECT count(*)::int AS n FROM m';
    try {
      expect(await asUser(cadre.id, [ldg], count)).toBeGreaterThan(0);
      expect(await asUser(bystander.id, [ldg], count)).toBe(0);
      expect(await asUser(bystander.id, [ldg], markAll)).toBe(0);
      // Their own, but in a province outside the scope: none.
      expect(await asUser(cadre.id, [hni], count)).toBe(0);
      await expect(asUser(cadre.id, [ldg], 'DELETE FROM notification')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('running the day again creates nothing new', async () => {
    await reminders();
    expect(await reminders()).toEqual({});
  });

  it('creates each reminder once when two instances run the day at the same time', async () => {
    const second = await startTestProduct({ sameDatabaseAs: product, clock: fixedClock(TODAY) });
    try {
      const trips = await Promise.all(
        ['2026-04-15', '2026-04-16', '2026-04-17'].map((startDate) =>
          trip({ state: 'SUBMITTED', startDate, endDate: startDate }),
        ),
      );
      const [a, b] = await Promise.all([reminders(TODAY, product), reminders(TODAY, second)]);
      // Board and lead cadre for each trip: six in all, made by one run or the other, never both.
      expect((a.PENDING_PAST_START ?? 0) + (b.PENDING_PAST_START ?? 0)).toBe(6);
      for (const t of trips) {
        expect(await recipientsOf(t.id)).toEqual(
          sorted([
            [board.id, 'PENDING_PAST_START'],
            [cadre.id, 'PENDING_PAST_START'],
          ]),
        );
      }
    } finally {
      await second.stop();
    }
  });

  it('pages the inbox newest first, counts unread, marks one and then all read', async () => {
    const first = await product.ok(INBOX, { first: 3 }, cadre.token);
    const total = first.notifications.totalCount as number;
    expect(total).toBeGreaterThan(5);
    expect(first.notifications.nodes).toHaveLength(3);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const seen: Array<{ id: string; createdAt: string }> = [...first.notifications.nodes];
    let after = first.notifications.pageInfo.endCursor as string | null;
    while (after) {
      const page = await product.ok(INBOX, { first: 3, after }, cadre.token);
      seen.push(...page.notifications.nodes);
      after = page.notifications.pageInfo.hasNextPage ? page.notifications.pageInfo.endCursor : null;
    }
    expect(new Set(seen.map((n) => n.id)).size).toBe(total);
    const times = seen.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    expect((await product.ok(UNREAD, {}, cadre.token)).unreadNotificationCount).toBe(total);
    const { markNotificationRead } = await product.ok(MARK, { id: seen[0].id }, cadre.token);
    expect(markNotificationRead).toMatchObject({ id: seen[0].id, readAt: expect.any(String) });
    expect((await product.ok(UNREAD, {}, cadre.token)).unreadNotificationCount).toBe(total - 1);
    expect((await product.ok(INBOX, { first: 50, unreadOnly: true }, cadre.token)).notifications.totalCount).toBe(total - 1);
    // Marking it again changes nothing.
    expect((await product.ok(MARK, { id: seen[0].id }, cadre.token)).markNotificationRead.readAt).toBe(
      markNotificationRead.readAt,
    );

    expect((await product.ok(MARK_ALL, {}, cadre.token)).markAllNotificationsRead).toBe(total - 1);
    expect((await product.ok(UNREAD, {}, cadre.token)).unreadNotificationCount).toBe(0);
    expect((await product.ok(INBOX, { first: 50 }, cadre.token)).notifications.totalCount).toBe(total);
    // Another user's unread notifications stay unread.
    expect((await product.ok(UNREAD, {}, board.token)).unreadNotificationCount).toBeGreaterThan(0);
  });

  describe('live', () => {
    const inboxes: Inbox[] = [];
    afterAll(() => Promise.all(inboxes.map((i) => i.dispose())));

    /** Sentinel notifications for `userId` through the product's bus until the inbox hears one. */
    const untilLive = async (inbox: Inbox, userId: string) => {
      for (let i = 0; i < 200 && !inbox.received.length; i += 1) {
        publishScoped(product.deps.pubsub, 'NOTIFICATION_ADDED', ldg, {
          provinceId: ldg,
          id: NONE,
          userId,
          kind: 'REPORT_DUE_SOON',
          subjectId: NONE,
          params: { tripTitle: SENTINEL },
          createdAt: new Date().toISOString(),
        });
        await sleep(25);
      }
      expect(inbox.received.length).toBeGreaterThan(0);
    };
    const waitFor = async (predicate: () => boolean) => {
      for (let i = 0; i < 200 && !predicate(); i += 1) await sleep(25);
      return predicate();
    };

    it('tells the lead cadre at once when the board returns or rejects the trip, live and to no one else', async () => {
      const wsUrl = `${product.url.replace(/^http/, 'ws')}/graphql`;
      const mine = new Inbox(wsUrl, cadre.token);
      const theirs = new Inbox(wsUrl, bystander.token);
      inboxes.push(mine, theirs);
      await untilLive(mine, cadre.id);
      await untilLive(theirs, bystander.id);
      // A sentinel for one user never reaches the other.
      expect(mine.received.every((m) => m.tripTitle === SENTINEL)).toBe(true);

      const returned = await trip({ state: 'SUBMITTED', startDate: '2026-05-04', endDate: '2026-05-05' });
      const rejected = await trip({ state: 'SUBMITTED', startDate: '2026-05-06', endDate: '2026-05-07' });
      await product.ok(
        DECIDE,
        { trips: [{ id: returned.id, version: 1 }], decision: 'RETURN', reason: 'Bổ sung kế hoạch' },
        board.token,
      );
      await product.ok(
        DECIDE,
        { trips: [{ id: rejected.id, version: 1 }], decision: 'REJECT', reason: 'Trùng lịch' },
        board.token,
      );
      await product.ok(
        DECIDE,
        {
          trips: [{ id: (await trip({ state: 'SUBMITTED', startDate: '2026-05-08', endDate: '2026-05-08' })).id, version: 1 }],
          decision: 'APPROVE',
        },
        board.token,
      );

      expect(await waitFor(() => mine.real().length >= 2)).toBe(true);
      expect(mine.real()).toEqual([
        expect.objectContaining({
          kind: 'TRIP_RETURNED',
          subjectId: returned.id,
          reason: 'Bổ sung kế hoạch',
          message: `Chuyến đi "${returned.title}" bị trả lại để bổ sung: Bổ sung kế hoạch`,
        }),
        expect.objectContaining({ kind: 'TRIP_REJECTED', subjectId: rejected.id, reason: 'Trùng lịch' }),
      ]);
      expect(await recipientsOf(returned.id)).toEqual([[cadre.id, 'TRIP_RETURNED']]);
      expect(await recipientsOf(rejected.id)).toEqual([[cadre.id, 'TRIP_REJECTED']]);
      // What arrived live is what the inbox holds.
      const { notifications } = await product.ok(INBOX, { first: 2 }, cadre.token);
      expect(notifications.nodes.map((n: Message) => n.id)).toEqual([mine.real()[1].id, mine.real()[0].id]);

      // A daily reminder is delivered live too.
      const pastStart = await trip({ state: 'SUBMITTED', startDate: '2026-04-19', endDate: '2026-04-19' });
      await reminders();
      expect(await waitFor(() => mine.real().some((m) => m.subjectId === pastStart.id))).toBe(true);
      expect(theirs.real()).toEqual([]);
      expect([...mine.errors, ...theirs.errors]).toEqual([]);
    });
  });
});

describe('the job queue (pg-boss, schema pgboss)', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock(TODAY), jobQueue: true });
  });
  afterAll(() => product.stop());

  it('schedules the daily reminders every morning in Asia/Ho_Chi_Minh', async () => {
    const { rows } = await product.owner.query(`SELECT name, cron, timezone FROM ${JOB_SCHEMA}.schedule`);
    expect(rows).toEqual([{ name: DAILY_REMINDERS_QUEUE, cron: DAILY_REMINDERS_CRON, timezone: JOB_TIMEZONE }]);
    expect(DAILY_REMINDERS_CRON).toBe('0 7 * * *');
    expect(JOB_TIMEZONE).toBe('Asia/Ho_Chi_Minh');
  });

  it('gives the API role no way to make tables or queues in the schema', async () => {
    const app = new PgClient({ connectionString: directAppUrl(testDbConfig(product.ownerUrl)) });
    await app.connect();
    try {
      await expect(app.query(`CREATE TABLE ${JOB_SCHEMA}.intruder (id int)`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SELECT ${JOB_SCHEMA}.create_queue('intruder', '{}')`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DROP TABLE ${JOB_SCHEMA}.job`)).rejects.toThrow(/must be owner/);
      // It works the queues: reads and writes jobs.
      const { rows } = await app.query(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.queue WHERE name = $1`, [
        DAILY_REMINDERS_QUEUE,
      ]);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await app.end();
    }
  });

  it('works a queued run as the API role: the reminders appear', async () => {
    const ldg = await provinceIdOf(product.owner, 'LDG');
    const unit = await buildUnit(product.owner, { provinceId: ldg });
    const board = await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: ldg });
    const lead = await buildCadre(product.owner, { provinceId: ldg });
    const pending = await buildTrip(product.owner, {
      provinceId: ldg,
      leadCadreId: lead.id,
      destinationId: unit.id,
      startDate: '2026-04-18',
      endDate: '2026-04-18',
    });
    expect(product.jobs).not.toBeNull();
    await product.jobs?.sendDailyReminders();
    const made = async () =>
      inProvince(product.owner, ldg, async () => {
        const { rows } = await product.owner.query('SELECT user_id, kind FROM notification WHERE subject_id = $1', [pending.id]);
        return rows;
      });
    for (let i = 0; i < 120 && (await made()).length === 0; i += 1) await sleep(250);
    expect(await made()).toEqual([{ user_id: board.id, kind: 'PENDING_PAST_START' }]);
  });
});
