import { graphql } from '@/gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      cadreId
      ...AccountCard_viewer
    }
  }
`);

/** Only cadres (and those who travel as cadres) have results of their own. */
export const MyComplianceQuery = graphql(`
  query MyCompliance($year: Int!) {
    myCompliance(year: $year) {
      cadreId
      ...MyComplianceCard_compliance
    }
  }
`);

/**
 * The cadre's own trips for the home: the ones coming (registered, approved), the ones done and waiting
 * for a report, the year's rule (when a report is due) and the answers to what their reports raised.
 */
export const CadreHomeQuery = graphql(`
  query CadreHome($cadreId: ID!, $today: LocalDate!, $year: Int!) {
    next: trips(
      filter: { cadreId: $cadreId, from: $today, states: [DRAFT, SUBMITTED, RETURNED, APPROVED] }
      first: 5
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      nodes {
        ...CadreHome_trip
      }
    }
    awaiting: trips(
      filter: { cadreId: $cadreId, states: [COMPLETED] }
      first: 20
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      nodes {
        ...CadreHome_trip
        reportDueOn
      }
    }
    reported: trips(
      filter: { cadreId: $cadreId, states: [REPORTED, REPORT_ACCEPTED] }
      first: 20
      orderBy: { field: START_DATE, direction: DESC }
    ) {
      nodes {
        id
        title
      }
    }
    policyRule(year: $year) {
      year
      reportRequired
    }
  }
`);

export const CadreHome_trip = graphql(`
  fragment CadreHome_trip on Trip {
    id
    title
    state
    kind
    startDate
    endDate
    days
    destinations {
      id
      name
    }
  }
`);

/** What the province answered to what the cadre's reports raised (the API lists a cadre's province's). */
export const MyRecommendationsQuery = graphql(`
  query MyRecommendations {
    recommendations(first: 100) {
      nodes {
        id
        tripId
        text
        status
        answer
        answeredAt
        dueOn
        overdue
      }
    }
  }
`);

/** A host unit's home: who comes in the next weeks, visits to give feedback on, corrections due. */
export const HostHomeQuery = graphql(`
  query HostHome($today: LocalDate!, $until: LocalDate!, $since: LocalDate!) {
    arriving: trips(filter: { from: $today, to: $until }, first: 50, orderBy: { field: START_DATE, direction: ASC }) {
      totalCount
      nodes {
        id
        title
        state
        kind
        startDate
        endDate
        delegation {
          id
          startDate
          endDate
        }
        lead {
          id
          fullName
        }
        members {
          id
          fullName
        }
        destinations {
          id
          name
        }
      }
    }
    visited: trips(filter: { from: $since, to: $today }, first: 50, orderBy: { field: START_DATE, direction: DESC }) {
      nodes {
        id
        title
        startDate
        endDate
        viewerCanGiveFeedback
        lead {
          id
          fullName
        }
      }
    }
  }
`);

export const HostActionsQuery = graphql(`
  query HostActions {
    correctiveActions(first: 20) {
      totalCount
      nodes {
        id
        description
        dueOn
        status
        overdue
        responsibleUnit {
          id
          name
        }
      }
    }
  }
`);

/**
 * What the standing board (and the organisation department, which prepares its decisions) has to act on:
 * registrations waiting (the oldest first), trips still pending whose first day has passed, approved
 * trips that could travel as one delegation, host units receiving too many delegations this month.
 */
export const ProvinceTasksQuery = graphql(`
  query ProvinceTasks(
    $yesterday: LocalDate!
    $today: LocalDate!
    $until: LocalDate!
    $monthStart: LocalDate!
    $monthEnd: LocalDate!
    $withMerges: Boolean!
    $withLoad: Boolean!
  ) {
    waiting: trips(filter: { states: [SUBMITTED] }, first: 1, orderBy: { field: SUBMITTED_AT, direction: ASC }) {
      totalCount
      nodes {
        id
        submittedAt
        createdAt
      }
    }
    pastStart: trips(filter: { states: [SUBMITTED], to: $yesterday }, first: 10, orderBy: { field: START_DATE, direction: ASC }) {
      totalCount
      nodes {
        id
        title
        startDate
        endDate
        lead {
          id
          fullName
        }
      }
    }
    mergeSuggestions(from: $today, to: $until) @include(if: $withMerges) {
      unitId
      unitName
      weekStart
      tripIds
      titles
    }
    overloaded: hostLoad(from: $monthStart, to: $monthEnd, period: MONTH, overloadedOnly: true, first: 10)
      @include(if: $withLoad) {
      unitId
      unitName
      periodStart
      delegations
      cadreDays
    }
  }
`);

/** The organisation department's own tasks: the year's rule, the roster's subject and exempt cadres. */
export const OrganisationHomeQuery = graphql(`
  query OrganisationHome($year: Int!) {
    policyRule(year: $year) {
      year
      version
      requiredDays
    }
    provinceCompliance(year: $year) {
      provinceId
      subjectCadres
      exempt
      overdueReports
      agencyStaff {
        count
        total
      }
      executiveMembers {
        count
        total
      }
    }
  }
`);

/** The department a head leads: the one their own roster entry belongs to. */
export const HomeDepartmentQuery = graphql(`
  query HomeDepartment($cadreId: ID!) {
    cadre(id: $cadreId) {
      id
      department {
        id
        name
      }
    }
  }
`);

/** A department head's day: the quarter's plan, members' reports to accept, members falling behind. */
export const DepartmentHomeQuery = graphql(`
  query DepartmentHome($departmentId: ID!, $year: Int!, $quarter: Int!) {
    quarterlyPlans(year: $year, quarter: $quarter) {
      id
      departmentId
      state
      submittedAt
      decidedAt
      note
    }
    reports: trips(
      first: 5
      filter: { departmentId: $departmentId, states: [REPORTED] }
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      nodes {
        id
        title
        startDate
        endDate
        lead {
          id
          fullName
        }
        report {
          submittedAt
        }
      }
    }
    atRisk: cadreCompliance(
      year: $year
      first: 10
      filter: { departmentId: $departmentId, statuses: [NOT_MET, BEHIND, AT_RISK] }
    ) {
      totalCount
      nodes {
        cadreId
        fullName
        countedDays
        requiredDays
        projectedDays
        status
      }
    }
  }
`);

/** The central union's day: every province's figures for the year, to sum up and to raise alerts from. */
export const CentralHomeQuery = graphql(`
  query CentralHome($year: Int!) {
    provincesWithRule(year: $year)
    centralComparison(year: $year, orderBy: NAME) {
      provinceId
      province {
        id
        name
      }
      subjectCadres
      exempt
      metCount
      metShare
      onTrack
      atRisk
      behind
      notMet
      hasData
      averageDays
    }
  }
`);
