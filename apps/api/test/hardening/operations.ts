/**
 * Operations a user of one province might aim at another province's rows, with the ids they need.
 * `foreign` says what a refusal looks like when the target belongs to a province the viewer cannot see.
 */
export interface ProvinceRows {
  provinceId: number;
  unit: { id: string; name: string };
  department: { id: string; name: string };
  cadre: { id: string; fullName: string };
  trip: { id: string; title: string; version: number };
  exemption: { id: string };
}

export type Viewer = 'admin' | 'board' | 'cadre';

export interface IsolationOperation {
  name: string;
  kind: 'read' | 'list' | 'write';
  document: string;
  /** Variables aimed at `target`; `own` is the viewer's province (for mixed references). */
  variables: (target: ProvinceRows, own: ProvinceRows) => Record<string, unknown>;
  /** Codes a refusal may carry when the target is foreign. */
  refusals: string[];
}

export const OPERATIONS: IsolationOperation[] = [
  {
    name: 'unit by id',
    kind: 'read',
    document: 'query ($id: ID!) { unit(id: $id) { id provinceId name } }',
    variables: (t) => ({ id: t.unit.id }),
    refusals: ['NOT_FOUND'],
  },
  {
    name: 'cadre by id',
    kind: 'read',
    document: 'query ($id: ID!) { cadre(id: $id) { id provinceId fullName } }',
    variables: (t) => ({ id: t.cadre.id }),
    refusals: ['NOT_FOUND'],
  },
  {
    name: 'trip by id',
    kind: 'read',
    document: 'query ($id: ID!) { trip(id: $id) { id provinceId title state } }',
    variables: (t) => ({ id: t.trip.id }),
    refusals: ['NOT_FOUND'],
  },
  {
    name: 'units under a foreign parent',
    kind: 'list',
    document: 'query ($f: UnitFilter) { units(first: 200, filter: $f) { totalCount nodes { id provinceId name } } }',
    variables: (t) => ({ f: { parentId: t.department.id } }),
    refusals: [],
  },
  {
    name: 'cadres of a foreign department',
    kind: 'list',
    document: 'query ($f: CadreFilter) { cadres(first: 200, filter: $f) { totalCount nodes { id provinceId fullName } } }',
    variables: (t) => ({ f: { departmentId: t.department.id } }),
    refusals: [],
  },
  {
    name: 'trips by foreign cadre, host or province',
    kind: 'list',
    document: `query ($a: TripFilter, $b: TripFilter, $c: TripFilter) {
      a: trips(first: 200, filter: $a) { totalCount nodes { id provinceId title } }
      b: trips(first: 200, filter: $b) { totalCount nodes { id provinceId title } }
      c: trips(first: 200, filter: $c) { totalCount nodes { id provinceId title } } }`,
    variables: (t) => ({ a: { cadreId: t.cadre.id }, b: { hostUnitId: t.unit.id }, c: { provinceId: t.provinceId } }),
    refusals: [],
  },
  {
    name: 'trip timeline',
    kind: 'read',
    document: 'query ($id: ID!) { trip(id: $id) { id timeline { event actorName note } } }',
    variables: (t) => ({ id: t.trip.id }),
    refusals: ['NOT_FOUND'],
  },
  {
    name: 'update unit',
    kind: 'write',
    document:
      'mutation ($id: ID!) { updateUnit(id: $id, version: 1, input: { name: "Đơn vị bị sửa trái phép" }) { id name version } }',
    variables: (t) => ({ id: t.unit.id }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'update cadre',
    kind: 'write',
    document:
      'mutation ($id: ID!) { updateCadre(id: $id, version: 1, input: { position: "Bị sửa trái phép" }) { id position version } }',
    variables: (t) => ({ id: t.cadre.id }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'update trip',
    kind: 'write',
    document: 'mutation ($id: ID!, $v: Int!) { updateTrip(id: $id, version: $v, input: { title: "Bị sửa trái phép" }) { id } }',
    variables: (t) => ({ id: t.trip.id, v: t.trip.version }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'decide trip',
    kind: 'write',
    document: 'mutation ($id: ID!, $v: Int!) { decideTrips(decision: APPROVE, trips: [{ id: $id, version: $v }]) { id state } }',
    variables: (t) => ({ id: t.trip.id, v: t.trip.version }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'cancel trip',
    kind: 'write',
    document: 'mutation ($id: ID!, $v: Int!) { cancelTrip(id: $id, version: $v, reason: "Hủy trái phép") { id state } }',
    variables: (t) => ({ id: t.trip.id, v: t.trip.version }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'create trip with a foreign lead',
    kind: 'write',
    document:
      'mutation ($lead: ID!, $dest: [ID!]!) { createTrip(input: { kind: TOPIC, title: "Đi cơ sở tháng Tư", leadCadreId: $lead, destinationIds: $dest, startDate: "2026-04-20", endDate: "2026-04-21" }) { id } }',
    variables: (t, own) => ({ lead: t.cadre.id, dest: [own.unit.id] }),
    refusals: ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'create trip to a foreign unit',
    kind: 'write',
    document:
      'mutation ($lead: ID!, $dest: [ID!]!) { createTrip(input: { kind: TOPIC, title: "Đi cơ sở tháng Tư", leadCadreId: $lead, destinationIds: $dest, startDate: "2026-04-20", endDate: "2026-04-21" }) { id } }',
    variables: (t, own) => ({ lead: own.cadre.id, dest: [t.unit.id] }),
    refusals: ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'create exemption for a foreign cadre',
    kind: 'write',
    document:
      'mutation ($cadre: ID!) { createExemption(input: { cadreId: $cadre, kind: MATERNITY, startDate: "2026-05-01", endDate: "2026-10-31", approvedBy: "Thường trực" }) { id } }',
    variables: (t) => ({ cadre: t.cadre.id }),
    refusals: ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'delete a foreign exemption',
    kind: 'write',
    document: 'mutation ($id: ID!) { deleteExemption(id: $id) }',
    variables: (t) => ({ id: t.exemption.id }),
    refusals: ['NOT_FOUND', 'FORBIDDEN'],
  },
  {
    name: 'create a unit under a foreign parent',
    kind: 'write',
    document:
      'mutation ($parent: ID!) { createUnit(input: { kind: COMMUNE_UNION, parentId: $parent, name: "Đoàn xã Lạ", validFrom: "2026-01-01" }) { id } }',
    variables: (t) => ({ parent: t.department.id }),
    refusals: ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'],
  },
];
