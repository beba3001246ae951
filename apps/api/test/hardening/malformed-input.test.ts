import { randomUUID } from 'node:crypto';
import { Role } from '../../src/shared/access';
import { startTestProduct, type TestProduct } from '../harness';
import { buildCadre, buildTrip, buildUnit, buildUser, provinceIdOf } from '../factories';
import { VIETNAMESE, expectRefusal, postBody } from './support';
import { watchLogs } from './logs';

const cursorOf = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('malformed ids, cursors and control characters are refused before any SQL', () => {
  let product: TestProduct;
  let admin: string;
  let provinceId: number;
  let logs: ReturnType<typeof watchLogs>;

  beforeAll(async () => {
    product = await startTestProduct();
    provinceId = await provinceIdOf(product.owner, 'HNI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId })).username);
    const unit = await buildUnit(product.owner, { provinceId });
    const cadre = await buildCadre(product.owner, { provinceId });
    await buildTrip(product.owner, { provinceId, leadCadreId: cadre.id, destinationId: unit.id });
    for (let i = 0; i < 3; i += 1) await buildUnit(product.owner, { provinceId, name: `Đoàn phường Trang ${i}` });
    logs = watchLogs();
  });
  beforeEach(() => logs.clear());
  afterAll(async () => {
    logs.restore();
    await product.stop();
  });

  /** One refusal: BAD_USER_INPUT on `field`, a Vietnamese message, and PostgreSQL never saw the value. */
  async function expectRefused(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    reason: string,
    token: string | undefined = admin,
  ): Promise<void> {
    const res = await product.gql(query, variables, token);
    expect(
      res.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason })),
    ).toEqual([{ code: 'BAD_USER_INPUT', field, reason }]);
    expect(res.errors?.[0].message).toMatch(VIETNAMESE);
    expect(logs.sqlErrors()).toEqual([]);
    expect(logs.unexpected()).toEqual([]);
  }

  it.each([
    ['trip', 'query ($id: ID!) { trip(id: $id) { id } }', 'abc'],
    ['cadre', 'query ($id: ID!) { cadre(id: $id) { id } }', 'abc'],
    ['unit', 'query ($id: ID!) { unit(id: $id) { id } }', ''],
    ['cancelTrip', 'mutation ($id: ID!) { cancelTrip(id: $id, reason: "Trùng lịch", version: 1) { id } }', 'abc'],
    ['importJob', 'query ($id: ID!) { importJob(id: $id) { id } }', "1' OR '1'='1"],
  ])('%s with a malformed id: BAD_USER_INPUT on "id"', async (_name, query, id) => {
    await expectRefused(query, { id }, 'id', 'INVALID_ID');
  });

  it('an id inside an input object or a list is refused with its path', async () => {
    await expectRefused(
      'query ($f: TripFilter) { trips(filter: $f) { totalCount } }',
      { f: { cadreId: 'abc' } },
      'filter.cadreId',
      'INVALID_ID',
    );
    await expectRefused(
      'query ($ids: [ID!]) { hostFeedback(tripIds: $ids) { totalCount } }',
      { ids: [randomUUID(), 'not-a-uuid'] },
      'tripIds.1',
      'INVALID_ID',
    );
  });

  it('a tampered or invented page cursor is refused on "after"; a real one pages on', async () => {
    const units = 'query ($after: String) { units(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
    const page1 = await product.ok(units, {}, admin);
    expect(page1.units.pageInfo.hasNextPage).toBe(true);
    const page2 = await product.ok(units, { after: page1.units.pageInfo.endCursor }, admin);
    expect(page2.units.nodes[0].id).not.toBe(page1.units.nodes[0].id);

    const trips = 'query ($after: String) { trips(after: $after) { totalCount } }';
    await expectRefused(trips, { after: cursorOf(['x', 'abc']) }, 'after', 'INVALID_CURSOR');
    await expectRefused(trips, { after: cursorOf([{ a: 1 }, randomUUID()]) }, 'after', 'INVALID_CURSOR');
    // A date-sorted list given a word where its date belongs.
    const plans = 'query ($after: String) { inspectionPlans(year: 2026, after: $after) { totalCount } }';
    await expectRefused(plans, { after: cursorOf(['tháng ba', randomUUID()]) }, 'after', 'INVALID_CURSOR');
    // Another list's genuine cursor.
    await expectRefused(plans, { after: page1.units.pageInfo.endCursor }, 'after', 'INVALID_CURSOR');
    const [payload, signature] = (page1.units.pageInfo.endCursor as string).split('.');
    await expectRefused(units, { after: `${cursorOf(['A', randomUUID()])}.${signature}` }, 'after', 'INVALID_CURSOR');
    await expectRefused(units, { after: `${payload}.${signature}x` }, 'after', 'INVALID_CURSOR');
  });

  it('a persisted query whose hash does not match it is a coded bad request, not an internal error', async () => {
    const answer = await postBody(
      product,
      JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    );
    expectRefusal(answer, 400, 'BAD_REQUEST');
    expect(logs.unexpected()).toEqual([]);
  });

  it('NUL and other control characters are refused in every string: filters, inputs, sign-in', async () => {
    await expectRefused(
      'query ($s: String) { units(filter: { search: $s }) { totalCount } }',
      { s: 'Đoàn\u0000' },
      'filter.search',
      'INVALID_CHARACTERS',
    );
    await expectRefused(
      'mutation ($u: String!) { login(username: $u, password: "mat-khau-bat-ky") { token } }',
      { u: 'admin\u0000' },
      'username',
      'INVALID_CHARACTERS',
      undefined,
    );
    await expectRefused(
      'mutation ($name: String!) { createUnit(input: { kind: COMMUNE_UNION, name: $name, validFrom: "2026-01-01" }) { id } }',
      { name: 'Đoàn xã\u0007 Tân Lập' },
      'input.name',
      'INVALID_CHARACTERS',
    );
    await expectRefused(
      'mutation ($id: ID!, $reason: String!) { cancelTrip(id: $id, reason: $reason, version: 1) { id } }',
      { id: randomUUID(), reason: 'Lý do \ud800' },
      'reason',
      'INVALID_CHARACTERS',
    );
    // Line breaks and tabs stay allowed in longer text.
    const res = await product.gql(
      'mutation ($id: ID!, $reason: String!) { cancelTrip(id: $id, reason: $reason, version: 1) { id } }',
      { id: randomUUID(), reason: 'Dòng một\n\tDòng hai' },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
