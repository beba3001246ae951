import { graphql } from '@/gql';

// Every trip mutation returns what the detail page and the lists show, so the cache stays whole.
export const CreateTripMutation = graphql(`
  mutation CreateTrip($input: CreateTripInput!, $submit: Boolean!, $idempotencyKey: String) {
    createTrip(input: $input, submit: $submit, idempotencyKey: $idempotencyKey) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const UpdateTripMutation = graphql(`
  mutation UpdateTrip($id: ID!, $version: Int!, $input: UpdateTripInput!) {
    updateTrip(id: $id, version: $version, input: $input) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const SubmitTripMutation = graphql(`
  mutation SubmitTrip($id: ID!, $version: Int!, $lateJustification: String, $idempotencyKey: String) {
    submitTrip(id: $id, version: $version, lateJustification: $lateJustification, idempotencyKey: $idempotencyKey) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const CancelTripMutation = graphql(`
  mutation CancelTrip($id: ID!, $version: Int!, $reason: String!) {
    cancelTrip(id: $id, version: $version, reason: $reason) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const CompleteTripMutation = graphql(`
  mutation CompleteTrip($id: ID!, $version: Int!, $input: CompleteTripInput!) {
    completeTrip(id: $id, version: $version, input: $input) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const ReportTripMutation = graphql(`
  mutation ReportTrip($id: ID!, $version: Int!, $input: TripReportInput!) {
    reportTrip(id: $id, version: $version, input: $input) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);

export const AcceptTripReportMutation = graphql(`
  mutation AcceptTripReport($id: ID!, $version: Int!, $note: String) {
    acceptTripReport(id: $id, version: $version, note: $note) {
      id
      state
      version
      ...TripDetailView_trip
      ...TripActions_permissions
    }
  }
`);
