import { graphql } from '@/gql';

export const MeetingCoverageQuery = graphql(`
  query MeetingCoverage($year: Int!) {
    meetingCoverage(year: $year) {
      overall {
        reached
        total
        ...CoverageCard_coverage
      }
      cadres {
        cadreId
        fullName
        reached
        total
      }
    }
  }
`);

export const MeetingTripsQuery = graphql(`
  query MeetingTrips($from: LocalDate!, $to: LocalDate!, $first: Int! = 20, $after: String) {
    trips(
      first: $first
      after: $after
      filter: { kinds: [MEETING], from: $from, to: $to }
      orderBy: { field: START_DATE, direction: DESC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        state
        startDate
        endDate
        topic {
          id
          title
        }
        destinations {
          id
          name
        }
        lead {
          id
          fullName
        }
        members {
          id
          fullName
        }
        report {
          submittedAt
          acceptedAt
          late
          dueOn
          details {
            membersPresent
            meetingQuality
          }
        }
      }
    }
  }
`);
