import { graphql } from '@/gql';

/** The planning page shows closed batches and topics too: it is where they are closed and reopened. */
export const PlanningQuery = graphql(`
  query Planning($year: Int!, $search: String) {
    batches(year: $year, includeClosed: true) {
      ...PlanningPage_batch
    }
    topics(year: $year, search: $search, includeClosed: true) {
      ...PlanningPage_topic
    }
    quarterlyPlans(year: $year) {
      id
      quarter
      state
      submittedAt
      decidedAt
      note
      departmentId
      department {
        id
        name
      }
    }
  }
`);

export const PlanningPage_batch = graphql(`
  fragment PlanningPage_batch on Batch {
    id
    year
    quarter
    number
    startsOn
    endsOn
    registrationDeadline
    active
    version
  }
`);

export const PlanningPage_topic = graphql(`
  fragment PlanningPage_topic on Topic {
    id
    year
    title
    description
    departmentId
    department {
      id
      name
    }
    active
    version
  }
`);

export const CreateBatchMutation = graphql(`
  mutation CreateBatch($input: CreateBatchInput!) {
    createBatch(input: $input) {
      ...PlanningPage_batch
    }
  }
`);

export const UpdateBatchMutation = graphql(`
  mutation UpdateBatch($id: ID!, $version: Int!, $input: UpdateBatchInput!) {
    updateBatch(id: $id, version: $version, input: $input) {
      ...PlanningPage_batch
    }
  }
`);

export const SetBatchActiveMutation = graphql(`
  mutation SetBatchActive($id: ID!, $version: Int!, $active: Boolean!) {
    setBatchActive(id: $id, version: $version, active: $active) {
      id
      active
      version
    }
  }
`);

export const CreateTopicMutation = graphql(`
  mutation CreateTopic($input: CreateTopicInput!) {
    createTopic(input: $input) {
      ...PlanningPage_topic
    }
  }
`);

export const UpdateTopicMutation = graphql(`
  mutation UpdateTopic($id: ID!, $version: Int!, $input: UpdateTopicInput!) {
    updateTopic(id: $id, version: $version, input: $input) {
      ...PlanningPage_topic
    }
  }
`);

export const SetTopicActiveMutation = graphql(`
  mutation SetTopicActive($id: ID!, $version: Int!, $active: Boolean!) {
    setTopicActive(id: $id, version: $version, active: $active) {
      id
      active
      version
    }
  }
`);
