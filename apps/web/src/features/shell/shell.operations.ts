import { graphql } from '@/gql';

export const ShellQuery = graphql(`
  query Shell {
    me {
      id
      ...AppHeader_viewer
    }
  }
`);
