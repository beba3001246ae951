import { graphql } from '@/gql';

/** Registrations waiting for the Standing Board, oldest first. */
export const ApprovalQueueQuery = graphql(`
  query ApprovalQueue($first: Int! = 100, $after: String) {
    trips(filter: { states: [SUBMITTED] }, first: $first, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...ApprovalTable_trip
      }
    }
  }
`);

/** Approved trips still to come: the ones that can travel together as one delegation. */
export const ApprovedTripsQuery = graphql(`
  query ApprovedTrips($from: LocalDate!, $first: Int! = 100, $after: String) {
    trips(
      filter: { states: [APPROVED], from: $from }
      first: $first
      after: $after
      orderBy: { field: START_DATE, direction: ASC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...MergeTable_trip
      }
    }
  }
`);

export const DecideTripsMutation = graphql(`
  mutation DecideTrips($trips: [TripVersionInput!]!, $decision: Decision!, $reason: String) {
    decideTrips(trips: $trips, decision: $decision, reason: $reason) {
      id
      state
      version
      decisionNote
    }
  }
`);

export const MergeDelegationsMutation = graphql(`
  mutation MergeDelegations($trips: [TripVersionInput!]!, $hostUnitId: ID!) {
    mergeDelegations(trips: $trips, hostUnitId: $hostUnitId) {
      id
      startDate
      endDate
      hostUnit {
        id
        name
      }
    }
  }
`);

/** Approved trips to the same host in the same week that are not one delegation yet: the API's suggestions. */
export const MergeSuggestionsQuery = graphql(`
  query MergeSuggestions($from: LocalDate!, $to: LocalDate!) {
    mergeSuggestions(from: $from, to: $to) {
      unitId
      unitName
      weekStart
      tripIds
      titles
    }
  }
`);
