import { graphql } from '@/gql';

export const TripEventsSubscription = graphql(`
  subscription TripEvents {
    tripEvents {
      tripId
      provinceId
      event
      state
      kind
      title
      cadreId
      cadreName
      actorName
      at
    }
  }
`);
