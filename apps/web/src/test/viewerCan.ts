import { ViewerCanQuery, type Capability } from '@/features/shell/useViewerCan';
import { always } from './renderPage';

const NONE: Record<Capability, boolean> = {
  registerTrip: false,
  registerTripForOthers: false,
  seeOwnTrips: false,
  decideTrips: false,
  acceptReports: false,
  mergeDelegations: false,
  seeIncoming: false,
  readFeed: false,
  followTripEvents: false,
  followFindingEvents: false,
  submitDepartmentPlan: false,
  decideQuarterlyPlans: false,
  readDashboard: false,
  readCentralComparison: false,
  readEveryProvince: false,
  readReports: false,
  writeReports: false,
  readCentralReport: false,
  readMeetings: false,
  readInspections: false,
  manageInspections: false,
  readInspectionPlans: false,
  recordInspections: false,
  readModels: false,
  recordModels: false,
  readRecommendations: false,
  raiseRecommendations: false,
  answerRecommendations: false,
  readFeedback: false,
  giveFeedback: false,
  manageRoster: false,
  manageUnits: false,
  editRules: false,
  managePlanning: false,
  manageAccounts: false,
  importData: false,
};

/** The API's `me.can` for a test: the entries given are true, every other one false. */
export const viewerCanMock = (
  allowed: Capability[],
  me: { id?: string; fullName?: string; cadreId?: string | null; unitId?: string | null } = {},
) =>
  always({
    request: { query: ViewerCanQuery },
    result: {
      data: {
        me: {
          __typename: 'User' as const,
          id: me.id ?? 'user-1',
          fullName: me.fullName ?? 'Nguyễn Văn An',
          cadreId: me.cadreId ?? null,
          unitId: me.unitId ?? null,
          can: {
            __typename: 'ViewerPermissions' as const,
            ...NONE,
            ...Object.fromEntries(allowed.map((key) => [key, true])),
          },
        },
      },
    },
  });
