import { graphql } from '@/gql';

export const ShellQuery = graphql(`
  query Shell {
    me {
      id
      role
      fullName
      can {
        followTripEvents
      }
      ...AppHeader_viewer
    }
  }
`);
