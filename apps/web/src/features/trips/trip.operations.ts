import { graphql } from '@/gql';

/** The signed-in user as the trip pages need them: the cadre they are, and whom the API lets them register for. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      role
      cadreId
      unitId
      fullName
      can {
        registerTrip
        registerTripForOthers
        decideTrips
      }
    }
  }
`);

export const ViewerCadreQuery = graphql(`
  query ViewerCadre($id: ID!) {
    cadre(id: $id) {
      id
      fullName
      position
      departmentId
    }
  }
`);

export const TripFormOptionsQuery = graphql(`
  query TripFormOptions($year: Int!) {
    topics(year: $year, includeClosed: true) {
      id
      title
      active
      department {
        id
        name
      }
    }
    batches(year: $year, includeClosed: true) {
      id
      active
      quarter
      number
      startsOn
      endsOn
      registrationDeadline
    }
  }
`);

export const CheckTripQuery = graphql(`
  query CheckTrip($input: CreateTripInput!, $tripId: ID) {
    checkTrip(input: $input, tripId: $tripId) {
      code
      field
      severity
      message
      tripId
    }
  }
`);

export const EditTripQuery = graphql(`
  query EditTrip($id: ID!) {
    trip(id: $id) {
      id
      state
      version
      viewerCan {
        edit
      }
      ...TripForm_trip
    }
  }
`);

export const TripDetailQuery = graphql(`
  query TripDetail($id: ID!) {
    trip(id: $id) {
      id
      version
      state
      kind
      leadCadreId
      departmentId
      startDate
      endDate
      travelOrderNo
      lateJustification
      reportDueOn
      viewerCan {
        edit
        submit
        cancel
        complete
        report
        acceptReport
      }
      ...TripDetailView_trip
    }
  }
`);

export const MyTripsQuery = graphql(`
  query MyTrips($filter: TripFilter!, $first: Int! = 20, $after: String) {
    trips(filter: $filter, first: $first, after: $after, orderBy: { field: START_DATE, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...TripCard_trip
      }
    }
  }
`);
