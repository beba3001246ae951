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

/** The provinces' table: the home of those who have neither trips of their own nor visits to host. */
export const HomeProvincesQuery = graphql(`
  query HomeProvinces {
    provinces {
      id
      ...ProvincesTable_province
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
