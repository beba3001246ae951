import { graphql } from '@/gql';

export const FindingEventsSubscription = graphql(`
  subscription FindingEvents {
    findingEvents {
      id
      kind
      title
      actorName
      at
      provinceId
    }
  }
`);

export const GoodModelsQuery = graphql(`
  query GoodModels($search: String, $field: ModelField, $replication: Replication, $first: Int! = 20, $after: String) {
    goodModels(search: $search, field: $field, replication: $replication, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        name
        description
        field
        replication
        tripId
        unit {
          id
          name
        }
        replicatedAt {
          id
          name
        }
        viewerCan {
          setReplication
        }
      }
    }
  }
`);

export const CreateGoodModelMutation = graphql(`
  mutation CreateGoodModel($input: CreateGoodModelInput!) {
    createGoodModel(input: $input) {
      id
      name
    }
  }
`);

export const SetGoodModelReplicationMutation = graphql(`
  mutation SetGoodModelReplication($id: ID!, $version: Int!, $replication: Replication!, $since: LocalDate!, $unitIds: [ID!]!) {
    setGoodModelReplication(id: $id, version: $version, replication: $replication, since: $since, unitIds: $unitIds) {
      id
      version
      replication
      replicatedAt {
        id
        name
      }
    }
  }
`);

/** The trips a good model can come from: the viewer's province's trips that have taken place. */
export const ModelTripOptionsQuery = graphql(`
  query ModelTripOptions($search: String) {
    trips(first: 20, filter: { search: $search, states: [COMPLETED, REPORTED, REPORT_ACCEPTED] }) {
      nodes {
        id
        title
        startDate
        destinations {
          id
          name
        }
      }
    }
  }
`);

export const RecommendationCard_recommendation = graphql(`
  fragment RecommendationCard_recommendation on Recommendation {
    id
    version
    text
    status
    overdue
    dueOn
    answer
    answeredAt
    createdAt
    departmentId
    department {
      id
      name
    }
    unit {
      id
      name
    }
    viewerCan {
      assign
      answer
      close
    }
  }
`);

export const RecommendationsQuery = graphql(`
  query Recommendations($statuses: [RecommendationStatus!], $first: Int! = 20, $after: String) {
    recommendations(statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...RecommendationCard_recommendation
      }
    }
  }
`);

export const RecommendationCountsQuery = graphql(`
  query RecommendationCounts {
    open: recommendations(statuses: [OPEN], first: 1) {
      totalCount
    }
    inProgress: recommendations(statuses: [IN_PROGRESS], first: 1) {
      totalCount
    }
    answered: recommendations(statuses: [ANSWERED], first: 1) {
      totalCount
    }
    closed: recommendations(statuses: [CLOSED], first: 1) {
      totalCount
    }
    overdue: recommendations(overdueOnly: true, first: 1) {
      totalCount
    }
  }
`);

export const RecommendationDepartmentsQuery = graphql(`
  query RecommendationDepartments {
    units(first: 50, filter: { kinds: [DEPARTMENT, OFFICE] }) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CreateRecommendationMutation = graphql(`
  mutation CreateRecommendation($input: CreateRecommendationInput!) {
    createRecommendation(input: $input) {
      id
      status
    }
  }
`);

export const AssignRecommendationMutation = graphql(`
  mutation AssignRecommendation($id: ID!, $version: Int!, $input: AssignRecommendationInput!) {
    assignRecommendation(id: $id, version: $version, input: $input) {
      id
      ...RecommendationCard_recommendation
    }
  }
`);

export const AnswerRecommendationMutation = graphql(`
  mutation AnswerRecommendation($id: ID!, $version: Int!, $answer: String!) {
    answerRecommendation(id: $id, version: $version, answer: $answer) {
      id
      ...RecommendationCard_recommendation
    }
  }
`);

export const CloseRecommendationMutation = graphql(`
  mutation CloseRecommendation($id: ID!, $version: Int!) {
    closeRecommendation(id: $id, version: $version) {
      id
      ...RecommendationCard_recommendation
    }
  }
`);

/** Visits to the host unit that have taken place: the ones it can give its opinion on. */
export const FeedbackTripsQuery = graphql(`
  query FeedbackTrips($to: LocalDate!, $first: Int! = 20, $after: String) {
    trips(
      first: $first
      after: $after
      filter: { to: $to, states: [APPROVED, COMPLETED, REPORTED, REPORT_ACCEPTED] }
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
        kind
        startDate
        endDate
        viewerCanGiveFeedback
        lead {
          id
          fullName
        }
        destinations {
          id
          name
        }
      }
    }
  }
`);

export const SubmitHostFeedbackMutation = graphql(`
  mutation SubmitHostFeedback($input: HostFeedbackInput!) {
    submitHostFeedback(input: $input) {
      tripId
      unitId
      breach
      # The trip is no longer offered for feedback: its cached card updates with it.
      trip {
        id
        viewerCanGiveFeedback
      }
    }
  }
`);

/** What the host unit (and the units below it) already said about these visits. */
export const HostOwnFeedbackQuery = graphql(`
  query HostOwnFeedback($tripIds: [ID!]!) {
    hostFeedback(tripIds: $tripIds, first: 200) {
      nodes {
        tripId
        unitId
        noConference
        noDistrictEscort
        noCost
        noPartyCommittee
        comment
        createdAt
      }
    }
  }
`);

export const HostFeedbackQuery = graphql(`
  query HostFeedbackList($breachesOnly: Boolean!, $first: Int! = 20, $after: String) {
    hostFeedback(breachesOnly: $breachesOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        tripId
        unitId
        breach
        noConference
        noDistrictEscort
        noCost
        noPartyCommittee
        comment
        createdAt
        unit {
          id
          name
        }
        trip {
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
    }
  }
`);

export const FindingsUnitQuery = graphql(`
  query FindingsUnit($id: ID!) {
    unit(id: $id) {
      id
      name
    }
  }
`);
