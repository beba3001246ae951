import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildUnit, buildUser, inProvince, provinceIdOf } from '../../../test/factories';

const UNIT = `id kind name parentId communeCode validFrom validTo remote border island version`;
const CREATE = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateUnitInput!) { updateUnit(id: $id, version: $v, input: $input) { ${UNIT} } }`;
const UNITS = `query ($f: UnitFilter) { units(first: 100, filter: $f) { nodes { id name } } }`;
const TREE = `query ($id: ID!) { unit(id: $id) { id name parent { id } children { id name } } }`;

describe('the unit tree', () => {
  let product: TestProduct;
  let ldg: number;
  let admin: string;
  let cadre: string;
  let otherAdmin: string;
  let agency: { id: string };
  let foreignUnit: { id: string };

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-02') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    const hni = await provinceIdOf(product.owner, 'HNI');
    admin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg })).username);
    cadre = await product.login((await buildUser(product.owner, { role: Role.CADRE, provinceId: ldg })).username);
    otherAdmin = await product.login((await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: hni })).username);
    agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn Lâm Đồng' });
    foreignUnit = await buildUnit(product.owner, {
      provinceId: hni,
      kind: 'PROVINCIAL_AGENCY',
      name: 'Cơ quan Thành đoàn Hà Nội',
    });
  });
  afterAll(() => product.stop());

  const commune = (name: string, extra: Record<string, unknown> = {}) => ({
    kind: 'COMMUNE_UNION',
    name,
    parentId: agency.id,
    validFrom: '2025-07-01',
    ...extra,
  });
  const count = (): Promise<number> =>
    inProvince(product.owner, ldg, async () => {
      const { rows } = await product.owner.query('SELECT count(*)::int AS n FROM unit WHERE province_id = $1', [ldg]);
      return (rows[0] as { n: number }).n;
    });

  it('adds a unit under its parent, with its validity and hardship flags, and shows it in the tree', async () => {
    const created = (
      await product.ok(
        CREATE,
        { input: commune('Đoàn xã Đam Rông', { remote: true, border: true, communeCode: '24820' }) },
        admin,
      )
    ).createUnit;
    expect(created).toMatchObject({
      kind: 'COMMUNE_UNION',
      name: 'Đoàn xã Đam Rông',
      parentId: agency.id,
      communeCode: '24820',
      validFrom: '2025-07-01',
      validTo: null,
      remote: true,
      border: true,
      island: false,
      version: 1,
    });
    const tree = (await product.ok(TREE, { id: agency.id }, cadre)).unit;
    expect(tree.children).toContainEqual({ id: created.id, name: 'Đoàn xã Đam Rông' });
    const child = (await product.ok(TREE, { id: created.id }, cadre)).unit;
    expect(child.parent).toEqual({ id: agency.id });
  });

  it('lists only the units valid on a date: a district of before the 2025 reform is gone after it', async () => {
    const district = (
      await product.ok(
        CREATE,
        {
          input: {
            kind: 'DISTRICT_UNION',
            name: 'Huyện đoàn Lạc Dương',
            parentId: agency.id,
            validFrom: '2010-01-01',
            validTo: '2025-06-30',
          },
        },
        admin,
      )
    ).createUnit;
    const names = async (validOn: string) =>
      (await product.ok(UNITS, { f: { validOn } }, admin)).units.nodes.map((u: { id: string }) => u.id);
    expect(await names('2024-05-01')).toContain(district.id);
    expect(await names('2026-03-02')).not.toContain(district.id);
  });

  it('lists only the hardship units when asked', async () => {
    const island = (await product.ok(CREATE, { input: commune('Đoàn đặc khu Phú Quý', { island: true }) }, admin)).createUnit;
    const plain = (await product.ok(CREATE, { input: commune('Đoàn phường Xuân Hương') }, admin)).createUnit;
    const ids = (await product.ok(UNITS, { f: { hardshipOnly: true } }, admin)).units.nodes.map((u: { id: string }) => u.id);
    expect(ids).toContain(island.id);
    expect(ids).not.toContain(plain.id);
  });

  it('edits the name, the end of validity and the flags, and moves the version on', async () => {
    const unit = (await product.ok(CREATE, { input: commune('Đoàn xã Tà Hine') }, admin)).createUnit;
    const edited = (
      await product.ok(
        UPDATE,
        { id: unit.id, v: 1, input: { name: 'Đoàn xã Tà Năng', validTo: '2026-12-31', remote: true } },
        admin,
      )
    ).updateUnit;
    expect(edited).toMatchObject({ name: 'Đoàn xã Tà Năng', validTo: '2026-12-31', remote: true, border: false, version: 2 });
  });

  it('refuses an edit made on a stale version, and writes nothing', async () => {
    const unit = (await product.ok(CREATE, { input: commune('Đoàn xã Ninh Gia') }, admin)).createUnit;
    await product.ok(UPDATE, { id: unit.id, v: 1, input: { name: 'Đoàn xã Ninh Gia mới' } }, admin);
    const stale = await product.gql(UPDATE, { id: unit.id, v: 1, input: { name: 'Ghi đè' } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect(stale.errors?.[0]?.message).toMatch(/người khác sửa/);
    expect((await product.ok(TREE, { id: unit.id }, admin)).unit.name).toBe('Đoàn xã Ninh Gia mới');
  });

  it.each([
    ['a provincial agency with a parent', { kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan thứ hai', validFrom: '2025-07-01' }, true],
    ['a unit without a parent', { kind: 'COMMUNE_UNION', name: 'Đoàn xã mồ côi', validFrom: '2025-07-01' }, false],
  ])('refuses %s (UNIT_PARENT_INVALID), and writes nothing', async (_what, input, withParent) => {
    const before = await count();
    const res = await product.gql(CREATE, { input: withParent ? { ...input, parentId: agency.id } : input }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parentId',
      reason: 'UNIT_PARENT_INVALID',
    });
    expect(await count()).toBe(before);
  });

  it("refuses another province's unit as a parent, as a unit that does not exist", async () => {
    const res = await product.gql(CREATE, { input: { ...commune('Đoàn xã lạc tỉnh'), parentId: foreignUnit.id } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parentId',
      reason: 'UNIT_PARENT_INVALID',
    });
    expect(res.errors?.[0]?.message).toBe('Đơn vị cấp trên không tồn tại trong tỉnh của bạn.');
  });

  it('refuses a validity that ends before it starts, on creating and on editing (UNIT_VALIDITY_INVALID)', async () => {
    const before = await count();
    const created = await product.gql(CREATE, { input: commune('Đoàn xã ngược ngày', { validTo: '2025-06-30' }) }, admin);
    expect(created.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.validTo',
      reason: 'UNIT_VALIDITY_INVALID',
    });
    expect(await count()).toBe(before);
    const unit = (await product.ok(CREATE, { input: commune('Đoàn xã Lộc Bắc') }, admin)).createUnit;
    const edited = await product.gql(UPDATE, { id: unit.id, v: 1, input: { validTo: '2024-12-31' } }, admin);
    expect(edited.errors?.[0]?.extensions).toMatchObject({ field: 'input.validTo', reason: 'UNIT_VALIDITY_INVALID' });
    expect((await product.ok(TREE, { id: unit.id }, admin)).unit).toMatchObject({ name: 'Đoàn xã Lộc Bắc' });
  });

  it('lets only the organisation department change the tree', async () => {
    const res = await product.gql(CREATE, { input: commune('Đoàn xã của cán bộ') }, cadre);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a user of another province nothing: no list, no unit, no edit', async () => {
    const list = await product.ok(UNITS, { f: { provinceId: ldg } }, otherAdmin);
    expect(list.units.nodes).toEqual([]);
    const one = await product.gql(TREE, { id: agency.id }, otherAdmin);
    expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const edit = await product.gql(UPDATE, { id: agency.id, v: 1, input: { name: 'Chiếm quyền' } }, otherAdmin);
    expect(edit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await product.ok(TREE, { id: agency.id }, admin)).unit.name).toBe('Cơ quan Tỉnh đoàn Lâm Đồng');
  });
});
