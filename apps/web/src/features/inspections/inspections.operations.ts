import { graphql } from '@/gql';

export const InspectionVisit_trip = graphql(`
  fragment InspectionVisit_trip on Trip {
    id
    version
    title
    state
    startDate
    endDate
    leadCadreId
    inspectionViewerCan {
      conclude
    }
    destinations {
      id
      name
    }
    conclusions {
      id
      unitId
      rating
      concludedOn
      findings
      actions {
        id
      }
    }
  }
`);

export const InspectionPlansQuery = graphql(`
  query InspectionPlans($year: Int!, $first: Int! = 10, $after: String) {
    inspectionPlans(year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        year
        title
        subject
        description
        startsOn
        endsOn
        targets {
          id
          name
        }
        viewerCan {
          addTeam
          scheduleVisits
        }
        teams {
          id
          name
          leadCadreId
          lead {
            id
            fullName
          }
          members {
            id
            fullName
          }
          visits {
            ...InspectionVisit_trip
          }
        }
      }
    }
  }
`);

export const CorrectiveActionsQuery = graphql(`
  query CorrectiveActions($overdueOnly: Boolean!, $withPlan: Boolean!, $first: Int! = 20, $after: String) {
    correctiveActions(overdueOnly: $overdueOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        description
        dueOn
        status
        overdue
        doneNote
        verifiedAt
        responsibleUnitId
        viewerCan {
          markDone
          verify
        }
        responsibleUnit {
          id
          name
        }
        conclusion {
          id
          concludedOn
          unit {
            id
            name
          }
          trip {
            id
            title
            startDate
            actualStart
          }
          # Plans are for the provincial staff; a host unit names the inspection by its trip.
          plan @include(if: $withPlan) {
            id
            title
          }
        }
      }
    }
  }
`);

export const CreateInspectionPlanMutation = graphql(`
  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {
    createInspectionPlan(input: $input) {
      id
      title
    }
  }
`);

export const CreateInspectionTeamMutation = graphql(`
  mutation CreateInspectionTeam($input: CreateInspectionTeamInput!) {
    createInspectionTeam(input: $input) {
      id
      name
    }
  }
`);

export const ScheduleInspectionVisitMutation = graphql(`
  mutation ScheduleInspectionVisit($input: ScheduleInspectionVisitInput!) {
    scheduleInspectionVisit(input: $input) {
      id
      state
    }
  }
`);

export const RecordExternalInspectionMutation = graphql(`
  mutation RecordExternalInspection($input: ExternalInspectionInput!) {
    recordExternalInspection(input: $input) {
      id
      state
    }
  }
`);

export const ConcludeInspectionMutation = graphql(`
  mutation ConcludeInspection($input: ConcludeInspectionInput!) {
    concludeInspection(input: $input) {
      id
      tripId
      unitId
      rating
    }
  }
`);

export const MarkCorrectiveActionDoneMutation = graphql(`
  mutation MarkCorrectiveActionDone($id: ID!, $version: Int!, $note: String!) {
    markCorrectiveActionDone(id: $id, version: $version, note: $note) {
      id
      version
      status
      doneNote
      overdue
      viewerCan {
        markDone
        verify
      }
    }
  }
`);

export const VerifyCorrectiveActionMutation = graphql(`
  mutation VerifyCorrectiveAction($id: ID!, $version: Int!) {
    verifyCorrectiveAction(id: $id, version: $version) {
      id
      version
      status
      verifiedAt
      overdue
      viewerCan {
        markDone
        verify
      }
    }
  }
`);
