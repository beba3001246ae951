import WebSocket from 'ws';
import { Role } from '../../shared/access';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildUnit, buildUser, provinceIdOf } from '../../../test/factories';

const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id username role province { code } cadreId } }`;

describe('accounts made by the organisation department', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;

  beforeAll(async () => {
    product = await startTestProduct();
    ldg = await provinceIdOf(product.owner, 'LDG');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
  });
  afterAll(() => product.stop());

  it('creates a cadre account linked to the roster; the cadre signs in and sees it', async () => {
    const cadre = await buildCadre(product.owner, { provinceId: ldg, fullName: 'Phạm Minh Tuấn' });
    const made = await product.ok(
      CREATE,
      { input: { username: 'tuan.pm', fullName: 'Phạm Minh Tuấn', role: 'CADRE', password: 'mat-khau-123', cadreId: cadre.id } },
      admin,
    );
    expect(made.createAccount).toMatchObject({
      username: 'tuan.pm',
      role: 'CADRE',
      province: { code: 'LDG' },
      cadreId: cadre.id,
    });
    const token = await product.login('tuan.pm', 'mat-khau-123');
    const me = await product.ok(
      `{ me { fullName } cadre: cadres(filter: { search: "pham minh tuan", agencyStaff: null, executiveMember: null }) { nodes { account { username } } } }`,
      {},
      token,
    );
    expect(me.cadre.nodes[0].account.username).toBe('tuan.pm');

    const again = await product.gql(
      CREATE,
      { input: { username: 'tuan.pm2', fullName: 'Phạm Minh Tuấn', role: 'CADRE', password: 'mat-khau-123', cadreId: cadre.id } },
      admin,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cadreId' });
  });

  it('refuses central accounts, taken usernames, another province’s cadre and non-admins', async () => {
    const hniCadre = await buildCadre(product.owner, { provinceId: await provinceIdOf(product.owner, 'HNI') });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ username: 'tw.new', role: 'CENTRAL' }, 'input.role'],
      [{ username: 'x.y', role: 'CADRE', cadreId: hniCadre.id }, 'input.cadreId'],
      [{ username: 'Chữ Hoa', role: 'STANDING_BOARD' }, 'input.username'],
      [{ username: 'coso.a', role: 'HOST_UNIT' }, 'input.unitId'],
    ];
    for (const [over, field] of cases) {
      const res = await product.gql(CREATE, { input: { fullName: 'Người mới', password: 'mat-khau-123', ...over } }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unit = await buildUnit(product.owner, { provinceId: ldg });
    await product.ok(
      CREATE,
      { input: { username: 'coso.b', fullName: 'Đoàn xã B', role: 'HOST_UNIT', password: 'mat-khau-123', unitId: unit.id } },
      admin,
    );
    const taken = await product.gql(
      CREATE,
      { input: { username: 'coso.b', fullName: 'Khác', role: 'STANDING_BOARD', password: 'mat-khau-123' } },
      admin,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'USERNAME_TAKEN' });

    const cadreToken = await product.login((await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg })).username);
    const byCadre = await product.gql(
      CREATE,
      { input: { username: 'hack.er', fullName: 'X', role: 'PROVINCE_ADMIN', password: 'mat-khau-123' } },
      cadreToken,
    );
    expect(byCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the province’s accounts by name in Vietnamese order, paged, searchable without diacritics', async () => {
    const hni = await provinceIdOf(product.owner, 'HNI');
    for (const fullName of ['Đặng Thu Hà', 'Âu Văn Bình', 'Bùi Thị Cúc', 'Lê Minh Đức', 'Ông Văn An']) {
      await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: ldg, fullName });
    }
    await buildUser(product.owner, { role: Role.STANDING_BOARD, provinceId: hni, fullName: 'Bùi Văn Hà Nội' });
    const LIST = `query ($after: String, $search: String, $role: Role) {
      accounts(first: 2, after: $after, search: $search, role: $role) {
        totalCount pageInfo { hasNextPage endCursor } nodes { fullName province { code } } } }`;
    type Page = {
      accounts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ fullName: string }> };
    };
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await product.ok(LIST, { after, role: 'STANDING_BOARD' }, admin);
      expect(page.accounts.totalCount).toBe(5);
      names.push(...page.accounts.nodes.map((n) => n.fullName));
      if (!page.accounts.pageInfo.hasNextPage) break;
      after = page.accounts.pageInfo.endCursor;
    }
    // Vietnamese order: Â after A, Đ after D, Ô after O; nothing of Hà Nội's.
    expect(names).toEqual(['Âu Văn Bình', 'Bùi Thị Cúc', 'Đặng Thu Hà', 'Lê Minh Đức', 'Ông Văn An']);
    const found: Page = await product.ok(LIST, { search: 'bui thi' }, admin);
    expect(found.accounts.nodes.map((n) => n.fullName)).toEqual(['Bùi Thị Cúc']);
    const none: Page = await product.ok(LIST, { search: 'ha noi' }, admin);
    expect(none.accounts.totalCount).toBe(0);
  });

  it('locks an account at once: its requests are refused and its live connections closed, until reopened', async () => {
    const cadre = await buildCadre(product.owner, { provinceId: ldg, fullName: 'Hồ Thị Lan' });
    const made = (
      await product.ok(
        CREATE,
        { input: { username: 'lan.ht', fullName: 'Hồ Thị Lan', role: 'CADRE', password: 'mat-khau-123', cadreId: cadre.id } },
        admin,
      )
    ).createAccount;
    const token = await product.login('lan.ht', 'mat-khau-123');
    const wsUrl = product.url.replace('http', 'ws') + '/graphql';

    // A raw graphql-ws connection, acknowledged and subscribed.
    const open = async (): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      return { socket, closed };
    };
    const live = await open();
    await new Promise<void>((resolve) =>
      live.socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve();
      }),
    );
    live.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { tripEvents { tripId } }' } }),
    );

    const SET = `mutation ($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) { username active } }`;
    expect((await product.ok(SET, { id: made.id, active: false }, admin)).setAccountActive).toEqual({
      username: 'lan.ht',
      active: false,
    });
    expect(await live.closed).toEqual({ code: 4403, reason: 'Tài khoản đã bị khóa.' });
    // The same token neither reconnects nor reads.
    expect((await (await open()).closed).code).toBe(4403);
    expect((await product.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Nobody locks themselves out; another province's accounts are out of reach; a cadre cannot lock.
    const adminId = (await product.ok<{ me: { id: string } }>('{ me { id } }', {}, admin)).me.id;
    expect((await product.gql(SET, { id: adminId, active: false }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      reason: 'CANNOT_DEACTIVATE_SELF',
    });
    const hniUser = await buildUser(product.owner, { role: Role.CADRE, provinceId: await provinceIdOf(product.owner, 'HNI') });
    expect((await product.gql(SET, { id: hniUser.id, active: false }, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cadreToken = await product.login(hniUser.username);
    expect((await product.gql(SET, { id: made.id, active: true }, cadreToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await product.ok(SET, { id: made.id, active: true }, admin);
    expect((await product.ok<{ me: { username: string } }>('{ me { username } }', {}, token)).me.username).toBe('lan.ht');
  });
});
