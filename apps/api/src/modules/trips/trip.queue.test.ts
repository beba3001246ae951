import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, provinceIdOf } from '../../../test/factories';

// The approvals page's query (apps/web/src/features/approvals/approvals.operations.ts, ApprovalQueue), with a page size.
const QUEUE = `query ($first: Int!, $after: String) {
  trips(filter: { states: [SUBMITTED] }, first: $first, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id title } } }`;

describe('the approval queue', () => {
  let product: TestProduct;
  let board: string;
  let otherBoard: string;
  const expected: string[] = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    const ldg = await provinceIdOf(product.owner, 'LDG');
    const hni = await provinceIdOf(product.owner, 'HNI');
    board = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: ldg })).username);
    otherBoard = await product.login((await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: hni })).username);
    const unit = await buildUnit(product.owner, { provinceId: ldg });
    // Registered in this order (oldest first), with titles and dates in another order, so that only the
    // registration time explains the queue's order.
    const registrations = [
      { title: 'Chuyến C: kiểm tra quỹ Đoàn', createdAt: '2026-02-10T08:00:00Z', startDate: '2026-04-20' },
      { title: 'Chuyến A: khảo sát thanh niên nông thôn', createdAt: '2026-02-11T08:00:00Z', startDate: '2026-04-27' },
      { title: 'Chuyến B: dự sinh hoạt chi đoàn', createdAt: '2026-02-12T08:00:00Z', startDate: '2026-04-13' },
      { title: 'Chuyến D: tập huấn cán bộ', createdAt: '2026-02-13T08:00:00Z', startDate: '2026-05-04' },
    ];
    const made: Array<{ id: string; createdAt: string }> = [];
    for (const r of [...registrations].reverse()) {
      const lead = await buildCadre(product.owner, { provinceId: ldg });
      const trip = await buildTrip(product.owner, {
        provinceId: ldg,
        leadCadreId: lead.id,
        destinationId: unit.id,
        title: r.title,
        startDate: r.startDate,
        endDate: r.startDate,
      });
      made.push({ id: trip.id, createdAt: r.createdAt });
    }
    await inProvince(product.owner, ldg, async () => {
      for (const m of made) await product.owner.query('UPDATE trip SET created_at = $2 WHERE id = $1', [m.id, m.createdAt]);
    });
    expected.push(...registrations.map((r) => r.title));
    // Neither a draft nor an approved trip waits for a decision.
    const lead = await buildCadre(product.owner, { provinceId: ldg });
    await buildTrip(product.owner, { provinceId: ldg, leadCadreId: lead.id, destinationId: unit.id, state: 'DRAFT' });
    await buildTrip(product.owner, { provinceId: ldg, leadCadreId: lead.id, destinationId: unit.id, state: 'APPROVED' });
  });
  afterAll(() => product.stop());

  it('lists the submitted registrations oldest first', async () => {
    const { trips } = await product.ok(QUEUE, { first: 100 }, board);
    expect(trips.nodes.map((t: { title: string }) => t.title)).toEqual(expected);
    expect(trips.totalCount).toBe(expected.length);
  });

  it('keeps that order from one page to the next', async () => {
    const first = (await product.ok(QUEUE, { first: 2 }, board)).trips;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await product.ok(QUEUE, { first: 2, after: first.pageInfo.endCursor }, board)).trips;
    expect([...first.nodes, ...second.nodes].map((t: { title: string }) => t.title)).toEqual(expected);
  });

  it("gives a standing board of another province none of this province's registrations", async () => {
    const { trips } = await product.ok(QUEUE, { first: 100 }, otherBoard);
    expect(trips.nodes).toEqual([]);
  });
});
