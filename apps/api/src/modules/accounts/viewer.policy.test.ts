import type { GraphQLSchema } from 'graphql';
import { Role } from '../../shared/access';
import { createSchema } from '../../schema';
import { createAppPubSub } from '../../shared/pubsub';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../../../test/factories';

/** Each entry of `me.can` and the root field that does the work: the menu offers a page exactly to who may call it. */
const ROOT_OF: Record<string, string> = {
  registerTrip: 'Mutation.createTrip',
  registerTripForOthers: 'Mutation.createTrip',
  seeOwnTrips: 'Query.myCompliance',
  decideTrips: 'Mutation.decideTrips',
  acceptReports: 'Mutation.acceptTripReport',
  mergeDelegations: 'Mutation.mergeDelegations',
  seeIncoming: 'Mutation.submitHostFeedback',
  readFeed: 'Query.recentTripEvents',
  followTripEvents: 'Subscription.tripEvents',
  followFindingEvents: 'Subscription.findingEvents',
  submitDepartmentPlan: 'Mutation.submitQuarterlyPlan',
  decideQuarterlyPlans: 'Mutation.decideQuarterlyPlan',
  readDashboard: 'Query.hostLoad',
  readCentralComparison: 'Query.centralComparison',
  readEveryProvince: 'Query.provinceCompliance',
  readReports: 'Query.annualReport',
  writeReports: 'Mutation.saveReportNarrative',
  readCentralReport: 'Query.centralReport',
  readMeetings: 'Query.meetingCoverage',
  readInspections: 'Query.correctiveActions',
  manageInspections: 'Mutation.createInspectionPlan',
  readInspectionPlans: 'Query.inspectionPlans',
  recordInspections: 'Mutation.recordExternalInspection',
  readModels: 'Query.goodModels',
  recordModels: 'Mutation.createGoodModel',
  readRecommendations: 'Query.recommendations',
  raiseRecommendations: 'Mutation.createRecommendation',
  answerRecommendations: 'Mutation.answerRecommendation',
  readFeedback: 'Query.hostFeedback',
  giveFeedback: 'Mutation.submitHostFeedback',
  manageRoster: 'Mutation.createCadre',
  manageUnits: 'Mutation.createUnit',
  editRules: 'Mutation.setPolicyRule',
  managePlanning: 'Mutation.createBatch',
  manageAccounts: 'Mutation.createAccount',
  importData: 'Query.importJobs',
};

/**
 * Entries narrower than their root field: the policy's own role set (registering for someone else), or
 * a scope only the central union has (every province readable).
 */
const NARROWED: Record<string, string[]> = {
  registerTripForOthers: ['PROVINCE_ADMIN', 'DEPARTMENT_HEAD'],
  // Pages about one's own province with no choice of province: not for the central union.
  readMeetings: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'],
  readInspectionPlans: ['PROVINCE_ADMIN', 'STANDING_BOARD', 'DEPARTMENT_HEAD', 'CADRE'],
  readEveryProvince: ['CENTRAL'],
};

const ME_CAN = `query { me { can { ${Object.keys(ROOT_OF).join(' ')} } } }`;

function accessOf(schema: GraphQLSchema, path: string): string[] {
  const [root, name] = path.split('.');
  const type =
    root === 'Mutation'
      ? schema.getMutationType()
      : root === 'Subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const access = type?.getFields()[name]?.extensions?.access;
  if (!Array.isArray(access)) throw new Error(`${path} declares no roles`);
  return access as string[];
}

describe('me.can follows the roles each root field lets in', () => {
  let product: TestProduct;
  let schema: GraphQLSchema;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    schema = await createSchema(createAppPubSub().pubsub);
    product = await startTestProduct();
    const ldg = await provinceIdOf(product.owner, 'LDG');
    const agency = await buildUnit(product.owner, { provinceId: ldg, kind: 'PROVINCIAL_AGENCY', name: 'Cơ quan Tỉnh đoàn' });
    const office = await buildUnit(product.owner, {
      provinceId: ldg,
      kind: 'DEPARTMENT',
      name: 'Văn phòng',
      parentId: agency.id,
    });
    const commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Lộc Thành', parentId: agency.id });
    for (const role of Object.values(Role)) {
      const user = await buildUser(product.owner, { role, provinceId: ldg });
      // Everyone who may have a roster entry, a department or a unit has one, so only the role decides.
      if (role === Role.HOST_UNIT) await linkUser(product.owner, user.id, { unitId: commune.id });
      else if (role !== Role.CENTRAL) {
        const cadre = await buildCadre(product.owner, { provinceId: ldg, departmentId: office.id });
        await linkUser(product.owner, user.id, { cadreId: cadre.id });
      }
      tokens.set(role, await product.login(user.username));
    }
  });
  afterAll(() => product.stop());

  it('asks about every entry of ViewerPermissions', () => {
    const type = schema.getType('ViewerPermissions') as { getFields(): Record<string, unknown> };
    expect(Object.keys(type.getFields()).sort()).toEqual(Object.keys(ROOT_OF).sort());
  });

  it.each(Object.values(Role))('gives %s exactly the entries whose root field it may call', async (role) => {
    const { me } = await product.ok(ME_CAN, {}, tokens.get(role));
    const expected = Object.fromEntries(
      Object.entries(ROOT_OF).map(([key, path]) => [
        key,
        accessOf(schema, path).includes(role) && (NARROWED[key]?.includes(role) ?? true),
      ]),
    );
    expect(me.can).toEqual(expected);
  });

  it('offers the standing board the trip registration it is allowed, and no one the organisation pages but the department', async () => {
    const board = (await product.ok(ME_CAN, {}, tokens.get(Role.STANDING_BOARD))).me.can;
    expect(board).toMatchObject({ registerTrip: true, decideTrips: true, manageAccounts: false });
    const cadre = (await product.ok(ME_CAN, {}, tokens.get(Role.CADRE))).me.can;
    expect(cadre).toMatchObject({ registerTrip: true, seeOwnTrips: true, decideTrips: false, manageRoster: false });
  });
});
