import { graphql } from '@/gql';

/** The department the head leads: the one their own cadre record belongs to. */
export const HeadDepartmentQuery = graphql(`
  query HeadDepartment($cadreId: ID!) {
    cadre(id: $cadreId) {
      id
      departmentId
      department {
        id
        name
      }
    }
  }
`);

export const DepartmentPlanQuery = graphql(`
  query DepartmentPlan(
    $year: Int!
    $quarter: Int!
    $departmentId: ID!
    $from: LocalDate!
    $to: LocalDate!
    $first: Int! = 20
    $after: String
  ) {
    quarterlyPlans(year: $year, quarter: $quarter) {
      ...DepartmentPlanPage_plan
    }
    trips(
      first: $first
      after: $after
      filter: { departmentId: $departmentId, from: $from, to: $to }
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...PlanTrip_trip
      }
    }
  }
`);

export const PlanTrip_trip = graphql(`
  fragment PlanTrip_trip on Trip {
    id
    version
    title
    kind
    state
    startDate
    endDate
    days
    lead {
      id
      fullName
    }
    report {
      submittedAt
      dueOn
      late
    }
    viewerCan {
      acceptReport
    }
  }
`);

export const ReportsToAcceptQuery = graphql(`
  query ReportsToAccept($departmentId: ID!) {
    trips(
      first: 50
      filter: { departmentId: $departmentId, states: [REPORTED] }
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      nodes {
        ...PlanTrip_trip
      }
    }
  }
`);

export const MembersProgressQuery = graphql(`
  query MembersProgress($year: Int!, $departmentId: ID!, $first: Int! = 20, $after: String) {
    cadreCompliance(year: $year, first: $first, after: $after, filter: { departmentId: $departmentId }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        cadreId
        ...CadreComplianceTable_cadre
      }
    }
  }
`);

export const SubmitQuarterlyPlanMutation = graphql(`
  mutation SubmitQuarterlyPlan($departmentId: ID!, $year: Int!, $quarter: Int!) {
    submitQuarterlyPlan(departmentId: $departmentId, year: $year, quarter: $quarter) {
      ...DepartmentPlanPage_plan
    }
  }
`);
