import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildTrip, buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

const NOTE = 'Điều trị dài ngày sau phẫu thuật.';
const CADRE_FIELDS = `id fullName position department { name } gender agencyStaff executiveMember term subjectFrom subjectTo
  exemptions { kind note approvedBy } account { username role }`;
const TRIP = `query ($id: ID!) { trip(id: $id) { id lead { ${CADRE_FIELDS} } members { ${CADRE_FIELDS} } } }`;
const TRIPS = `query ($f: TripFilter) { trips(first: 50, filter: $f) { nodes { id members { ${CADRE_FIELDS} } } } }`;
const CADRE = `query ($id: ID!) { cadre(id: $id) { ${CADRE_FIELDS} } }`;

describe('who reads what about a cadre', () => {
  let product: TestProduct;
  let subject: { id: string; username: string };
  let tripId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-03-01') });
    const ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    const deptA = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Phong trào',
      parentId: agency.id,
    });
    const deptB = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Ban Tuyên giáo',
      parentId: agency.id,
    });
    const commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai', parentId: agency.id });

    const person = async (key: string, role: Role, departmentId: string | null) => {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      if (departmentId) {
        const cadre = await buildCadre(product.owner, { provinceId: ldg, departmentId, fullName: `Cán bộ ${key}` });
        await linkUser(product.owner, user.id, { cadreId: cadre.id });
        tokens[key] = await product.login(user.username);
        return { id: cadre.id, username: user.username };
      }
      tokens[key] = await product.login(user.username);
      return { id: '', username: user.username };
    };
    subject = await person('self', Role.CADRE, deptA.id);
    await person('admin', Role.PROVINCE_ADMIN, null);
    await person('board', Role.STANDING_BOARD, deptB.id);
    await person('head', Role.DEPARTMENT_HEAD, deptA.id);
    await person('otherHead', Role.DEPARTMENT_HEAD, deptB.id);
    await person('colleague', Role.CADRE, deptA.id);
    tokens.central = await product.login((await buildUser(product.owner, { role: Role.CENTRAL })).username);
    const host = await buildUser(product.owner, { role: Role.HOST_UNIT, provinceId: ldg });
    await linkUser(product.owner, host.id, { unitId: commune.id });
    tokens.host = await product.login(host.username);

    await inProvince(product.owner, ldg, () =>
      product.owner.query(
        `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by, note)
         VALUES ($1, $2, $3, 'LONG_SICK_LEAVE', '2026-05-11', '2026-08-10', 'Ban Thường vụ', $4)`,
        [ldg, randomUUID(), subject.id, NOTE],
      ),
    );
    tripId = (
      await buildTrip(product.owner, { provinceId: ldg, leadCadreId: subject.id, destinationId: commune.id, state: 'APPROVED' })
    ).id;
  });
  afterAll(() => product.stop());

  const personal = (cadre: Record<string, unknown>) => ({ exemptions: cadre.exemptions, account: cadre.account });
  const PERSONAL = () => ({
    exemptions: [{ kind: 'LONG_SICK_LEAVE', note: NOTE, approvedBy: 'Ban Thường vụ' }],
    account: { username: subject.username, role: 'CADRE' },
  });
  const HIDDEN = { exemptions: null, account: null };

  it.each([
    ['the organisation department', true, 'admin'],
    ['the standing board', true, 'board'],
    ['the head of the cadre’s department', true, 'head'],
    ['the cadre themself', true, 'self'],
    ['the head of another department', false, 'otherHead'],
    ['a colleague of the same department', false, 'colleague'],
    ['the central union', false, 'central'],
  ])('%s reads the cadre’s exemptions and account: %s', async (_who, sees, key) => {
    const { cadre } = await product.ok(CADRE, { id: subject.id }, tokens[key]);
    expect(personal(cadre)).toEqual(sees ? PERSONAL() : HIDDEN);
    // The roster's facts are for everyone in the union who reads cadres.
    expect(cadre).toMatchObject({ fullName: 'Cán bộ self', gender: 'MALE', agencyStaff: true, subjectFrom: '2020-01-01' });
  });

  it('reads the same through a trip as through the roster', async () => {
    const { trip } = await product.ok(TRIP, { id: tripId }, tokens.colleague);
    expect(personal(trip.lead)).toEqual(HIDDEN);
    expect(personal((await product.ok(TRIP, { id: tripId }, tokens.head)).trip.members[0])).toEqual(PERSONAL());
  });

  it('a host unit sees a delegation member’s name, position and department, nothing else, and no error', async () => {
    const res = await product.gql(TRIP, { id: tripId }, tokens.host);
    expect(res.errors).toBeUndefined();
    const expected = {
      id: subject.id,
      fullName: 'Cán bộ self',
      position: expect.any(String),
      department: { name: 'Ban Phong trào' },
      gender: null,
      agencyStaff: null,
      executiveMember: null,
      term: null,
      subjectFrom: null,
      subjectTo: null,
      exemptions: null,
      account: null,
    };
    expect(res.data?.trip).toEqual({ id: tripId, lead: expected, members: [expected] });
    const list = await product.gql(TRIPS, { f: {} }, tokens.host);
    expect(list.errors).toBeUndefined();
    expect(list.data?.trips.nodes.map((t: { id: string }) => t.id)).toContain(tripId);
    const text = JSON.stringify([res, list]);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(subject.username);
    // The roster itself stays closed to a host unit.
    expect((await product.gql(CADRE, { id: subject.id }, tokens.host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
