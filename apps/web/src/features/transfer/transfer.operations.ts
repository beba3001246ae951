import { graphql } from '@/gql';

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportCard_job
    }
  }
`);

export const ImportJobsQuery = graphql(`
  query ImportJobs($first: Int!) {
    importJobs(first: $first) {
      id
      ...RecentImports_job
    }
  }
`);

export const ImportProgressSubscription = graphql(`
  subscription ImportProgress($jobId: ID!) {
    importProgress(jobId: $jobId) {
      ...ImportCard_job
    }
  }
`);

export const MyCalendarFeedsQuery = graphql(`
  query MyCalendarFeeds {
    myCalendarFeeds {
      id
      owner
      createdAt
    }
  }
`);

export const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed($owner: CalendarOwner!) {
    createCalendarFeed(owner: $owner) {
      path
      feed {
        id
        owner
        createdAt
      }
    }
  }
`);

export const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed($id: ID!) {
    revokeCalendarFeed(id: $id) {
      id
      owner
      createdAt
    }
  }
`);
