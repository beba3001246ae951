import { graphql } from '@/gql';

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      fileName
      status
      phase
      percent
      processedRows
      totalRows
      createdCount
      updatedCount
      skippedCount
      problemCount
      message
      createdAt
      finishedAt
      problems {
        sheet
        row
        column
        message
      }
    }
  }
`);

export const ImportJobsQuery = graphql(`
  query ImportJobs($first: Int!) {
    importJobs(first: $first) {
      id
      kind
      fileName
      status
      phase
      percent
      processedRows
      totalRows
      createdCount
      updatedCount
      skippedCount
      problemCount
      message
      createdAt
      finishedAt
    }
  }
`);

export const ImportProgressSubscription = graphql(`
  subscription ImportProgress($jobId: ID!) {
    importProgress(jobId: $jobId) {
      id
      kind
      fileName
      status
      phase
      percent
      processedRows
      totalRows
      createdCount
      updatedCount
      skippedCount
      problemCount
      message
      createdAt
      finishedAt
      problems {
        sheet
        row
        column
        message
      }
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
