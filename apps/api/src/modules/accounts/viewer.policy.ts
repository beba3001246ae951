import { Field, ObjectType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { Role } from '../../shared/access';
import { TRIP_ROLES } from '../trips/trip.policy';
import type { Context } from '../../context';

/**
 * What the signed-in user may open and start: the web app's menu and its "create" buttons read these
 * and nothing else. Each entry is the @Access role set of the root field that does the work, read
 * from the schema itself, so the menu cannot offer what the resolver refuses nor hide what it allows.
 * A mutation also needs a province the viewer writes to; a few pages also need a roster entry, a
 * department or a unit of one's own.
 */
@ObjectType({ description: 'Những trang và thao tác người đang đăng nhập được dùng (theo đúng quyền của API)' })
export class ViewerPermissions {
  @Field({ description: 'Đăng ký chuyến đi (createTrip)' })
  registerTrip: boolean;

  @Field({ description: 'Đăng ký chuyến đi do người khác làm trưởng đoàn (Ban Tổ chức; Trưởng ban cho Ban mình)' })
  registerTripForOthers: boolean;

  @Field({ description: 'Chuyến đi của tôi: có hồ sơ cán bộ (myCompliance)' })
  seeOwnTrips: boolean;

  @Field({ description: 'Duyệt chuyến đi (decideTrips)' })
  decideTrips: boolean;

  @Field({ description: 'Chấp nhận báo cáo chuyến đi của cán bộ (acceptTripReport)' })
  acceptReports: boolean;

  @Field({ description: 'Ghép đoàn (mergeDelegations)' })
  mergeDelegations: boolean;

  @Field({ description: 'Đoàn đến đơn vị mình (submitHostFeedback, tài khoản đơn vị)' })
  seeIncoming: boolean;

  @Field({ description: 'Hoạt động gần đây (recentTripEvents)' })
  readFeed: boolean;

  @Field({ description: 'Nhận sự kiện chuyến đi ngay khi xảy ra (tripEvents)' })
  followTripEvents: boolean;

  @Field({ description: 'Nhận sự kiện kiểm tra, kiến nghị, mô hình ngay khi xảy ra (findingEvents)' })
  followFindingEvents: boolean;

  @Field({ description: 'Kế hoạch quý của Ban mình (submitQuarterlyPlan, có Ban)' })
  submitDepartmentPlan: boolean;

  @Field({ description: 'Duyệt kế hoạch quý (decideQuarterlyPlan)' })
  decideQuarterlyPlans: boolean;

  @Field({ description: 'Bảng theo dõi chỉ tiêu (hostLoad)' })
  readDashboard: boolean;

  @Field({ description: 'So sánh các tỉnh (centralComparison)' })
  readCentralComparison: boolean;

  @Field({ description: 'Xem số liệu, báo cáo của mọi tỉnh: chọn tỉnh trên bảng theo dõi và trang báo cáo (provinceCompliance)' })
  readEveryProvince: boolean;

  @Field({ description: 'Báo cáo năm (annualReport)' })
  readReports: boolean;

  @Field({ description: 'Soạn, ban hành báo cáo năm (saveReportNarrative)' })
  writeReports: boolean;

  @Field({ description: 'Báo cáo tổng hợp mọi tỉnh (centralReport)' })
  readCentralReport: boolean;

  @Field({ description: 'Dự sinh hoạt chi đoàn (meetingCoverage)' })
  readMeetings: boolean;

  @Field({ description: 'Kiểm tra, giám sát và khắc phục (correctiveActions)' })
  readInspections: boolean;

  @Field({ description: 'Lập kế hoạch, đoàn kiểm tra (createInspectionPlan)' })
  manageInspections: boolean;

  @Field({ description: 'Kế hoạch kiểm tra của tỉnh mình (inspectionPlans)' })
  readInspectionPlans: boolean;

  @Field({ description: 'Ghi nhận tham gia đoàn kiểm tra cấp trên (recordExternalInspection)' })
  recordInspections: boolean;

  @Field({ description: 'Mô hình hay (goodModels)' })
  readModels: boolean;

  @Field({ description: 'Ghi nhận mô hình hay (createGoodModel)' })
  recordModels: boolean;

  @Field({ description: 'Đề xuất, kiến nghị (recommendations)' })
  readRecommendations: boolean;

  @Field({ description: 'Nêu kiến nghị (createRecommendation)' })
  raiseRecommendations: boolean;

  @Field({ description: 'Trả lời kiến nghị (answerRecommendation)' })
  answerRecommendations: boolean;

  @Field({ description: 'Ý kiến đơn vị tiếp đón (hostFeedback)' })
  readFeedback: boolean;

  @Field({ description: 'Cho ý kiến về chuyến đi đến đơn vị mình (submitHostFeedback, tài khoản đơn vị)' })
  giveFeedback: boolean;

  @Field({ description: 'Quản lý cán bộ (createCadre)' })
  manageRoster: boolean;

  @Field({ description: 'Quản lý đơn vị (createUnit)' })
  manageUnits: boolean;

  @Field({ description: 'Quy định năm (setPolicyRule)' })
  editRules: boolean;

  @Field({ description: 'Đợt, chuyên đề, kế hoạch quý (createBatch)' })
  managePlanning: boolean;

  @Field({ description: 'Tài khoản (createAccount)' })
  manageAccounts: boolean;

  @Field({ description: 'Nhập dữ liệu từ tệp (importJobs)' })
  importData: boolean;
}

type Capability = keyof ViewerPermissions;

/** Who the viewer is, beyond the role, for the entries that need it. */
interface Needs {
  cadre?: true;
  department?: true;
  unit?: true;
  /** A province of one's own: pages that read one province and offer no choice of it. */
  province?: true;
  /** A scope that reads every province (the central union), not one's own and its predecessors. */
  everyProvince?: true;
}

/**
 * Each entry: the root field whose @Access decides it (`Query.x` / `Mutation.x`), the narrower role set
 * of its policy when there is one, and what else it needs.
 */
export const CAPABILITIES: Record<Capability, { field: string; roles?: readonly Role[]; needs?: Needs }> = {
  registerTrip: { field: 'Mutation.createTrip' },
  registerTripForOthers: { field: 'Mutation.createTrip', roles: TRIP_ROLES.registerForOthers },
  seeOwnTrips: { field: 'Query.myCompliance', needs: { cadre: true } },
  decideTrips: { field: 'Mutation.decideTrips' },
  acceptReports: { field: 'Mutation.acceptTripReport' },
  mergeDelegations: { field: 'Mutation.mergeDelegations' },
  seeIncoming: { field: 'Mutation.submitHostFeedback', needs: { unit: true } },
  readFeed: { field: 'Query.recentTripEvents' },
  followTripEvents: { field: 'Subscription.tripEvents' },
  followFindingEvents: { field: 'Subscription.findingEvents' },
  submitDepartmentPlan: { field: 'Mutation.submitQuarterlyPlan', needs: { department: true } },
  decideQuarterlyPlans: { field: 'Mutation.decideQuarterlyPlan' },
  readDashboard: { field: 'Query.hostLoad' },
  readCentralComparison: { field: 'Query.centralComparison' },
  readEveryProvince: { field: 'Query.provinceCompliance', needs: { everyProvince: true } },
  readReports: { field: 'Query.annualReport' },
  writeReports: { field: 'Mutation.saveReportNarrative' },
  readCentralReport: { field: 'Query.centralReport' },
  readMeetings: { field: 'Query.meetingCoverage', needs: { province: true } },
  readInspections: { field: 'Query.correctiveActions' },
  manageInspections: { field: 'Mutation.createInspectionPlan' },
  readInspectionPlans: { field: 'Query.inspectionPlans', needs: { province: true } },
  recordInspections: { field: 'Mutation.recordExternalInspection' },
  readModels: { field: 'Query.goodModels' },
  recordModels: { field: 'Mutation.createGoodModel' },
  readRecommendations: { field: 'Query.recommendations' },
  raiseRecommendations: { field: 'Mutation.createRecommendation' },
  answerRecommendations: { field: 'Mutation.answerRecommendation' },
  readFeedback: { field: 'Query.hostFeedback' },
  giveFeedback: { field: 'Mutation.submitHostFeedback', needs: { unit: true } },
  manageRoster: { field: 'Mutation.createCadre' },
  manageUnits: { field: 'Mutation.createUnit' },
  editRules: { field: 'Mutation.setPolicyRule' },
  managePlanning: { field: 'Mutation.createBatch' },
  manageAccounts: { field: 'Mutation.createAccount' },
  importData: { field: 'Query.importJobs' },
};

/** The roles a root field's @Access lets in (none for an unknown field: fail closed). */
export function accessOf(schema: GraphQLSchema, path: string): readonly Role[] {
  const [root, name] = path.split('.');
  const type =
    root === 'Mutation'
      ? schema.getMutationType()
      : root === 'Subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const access = type?.getFields()[name]?.extensions?.access;
  return Array.isArray(access) ? (access as Role[]) : [];
}

export async function viewerPermissions(ctx: Context, schema: GraphQLSchema): Promise<ViewerPermissions> {
  const viewer = ctx.viewer;
  const entries = Object.entries(CAPABILITIES) as Array<[Capability, (typeof CAPABILITIES)[Capability]]>;
  if (!viewer) return Object.fromEntries(entries.map(([key]) => [key, false])) as unknown as ViewerPermissions;
  const writes = viewer.provinceId !== null && ctx.scope.writable.includes(viewer.provinceId);
  const everyProvince = ctx.deps.provinces.all.every((p) => ctx.scope.readable.includes(p.id));
  const department = viewer.cadreId ? ((await ctx.loaders.cadreById.load(viewer.cadreId))?.departmentId ?? null) : null;
  const allowed = ([, { field, roles, needs = {} }]: (typeof entries)[number]): boolean =>
    accessOf(schema, field).includes(viewer.role) &&
    (!roles || roles.includes(viewer.role)) &&
    (!field.startsWith('Mutation.') || writes) &&
    (!needs.cadre || viewer.cadreId !== null) &&
    (!needs.department || department !== null) &&
    (!needs.province || viewer.provinceId !== null) &&
    (!needs.unit || viewer.unitId !== null) &&
    (!needs.everyProvince || everyProvince);
  return Object.fromEntries(entries.map((entry) => [entry[0], allowed(entry)])) as unknown as ViewerPermissions;
}
