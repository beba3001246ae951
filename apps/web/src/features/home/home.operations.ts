import { graphql } from '@/gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      ...AccountCard_viewer
    }
    provinces {
      id
      ...ProvincesTable_province
    }
  }
`);
