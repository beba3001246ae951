import { useQuery } from '@apollo/client/react';
import { graphql } from '@/gql';
import type { ViewerCanQuery as ViewerCanData } from '@/gql/graphql';

/** Every entry of `me.can`: what the API says the signed-in user may open and start. */
export const ViewerCanQuery = graphql(`
  query ViewerCan {
    me {
      id
      fullName
      cadreId
      unitId
      can {
        registerTrip
        registerTripForOthers
        seeOwnTrips
        decideTrips
        acceptReports
        mergeDelegations
        seeIncoming
        readFeed
        followTripEvents
        followFindingEvents
        submitDepartmentPlan
        decideQuarterlyPlans
        readDashboard
        readCentralComparison
        readEveryProvince
        readReports
        writeReports
        readCentralReport
        readMeetings
        readInspections
        manageInspections
        readInspectionPlans
        recordInspections
        readModels
        recordModels
        readRecommendations
        raiseRecommendations
        answerRecommendations
        readFeedback
        giveFeedback
        manageRoster
        manageUnits
        editRules
        managePlanning
        manageAccounts
        importData
      }
    }
  }
`);

export type ViewerCan = Omit<NonNullable<ViewerCanData['me']['can']>, '__typename'>;
export type Capability = keyof ViewerCan;

/**
 * The signed-in user's `me.can` (null while it loads): pages and buttons show from these entries only,
 * never from the role, so the web offers exactly what the API allows.
 */
export function useViewerCan() {
  const { data, loading, error } = useQuery(ViewerCanQuery);
  return { can: data?.me.can ?? null, me: data?.me ?? null, loading, error };
}
