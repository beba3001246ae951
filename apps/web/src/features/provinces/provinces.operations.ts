import { graphql } from '@/gql';

/** Every province, current and merged, for the provinces' page. */
export const ProvincesPageQuery = graphql(`
  query ProvincesPage {
    provinces {
      id
      ...ProvincesTable_province
    }
  }
`);
