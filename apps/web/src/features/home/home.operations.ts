import { graphql } from '@/gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      cadreId
      ...AccountCard_viewer
    }
    provinces {
      id
      ...ProvincesTable_province
    }
  }
`);

/** Only cadres (and those who travel as cadres) have results of their own. */
export const MyComplianceQuery = graphql(`
  query MyCompliance($year: Int!) {
    myCompliance(year: $year) {
      cadreId
      ...MyComplianceCard_compliance
    }
  }
`);
