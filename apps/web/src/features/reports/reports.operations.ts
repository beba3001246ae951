import { graphql } from '@/gql';

/** Everything the report page shows of a province's annual report. */
export const ReportPage_report = graphql(`
  fragment ReportPage_report on AnnualReport {
    provinceId
    year
    status
    version
    number
    issuedOn
    viewerCan {
      edit
      finalize
      download
    }
    narrative {
      directives
      topics
      coordination
      inspections
      meetings
      time
      strengths
      limitations
      directions
      place
      signerTitle
      signerName
    }
    figures {
      computedOn
      summary {
        provinceId
        requiredDays
        subjectCadres
        agencyStaff {
          count
          total
        }
        executiveMembers {
          count
          total
        }
        metCount
        metShare
        exempt
        totalDays
        exemptDays
        averageDays
        hardshipShare
        coverage {
          reached
          total
          missing {
            unitId
            name
          }
        }
      }
      byKind {
        kind
        trips
        days
      }
      topics
      goodModels {
        name
        unitName
      }
      activities
      inspectionPlans {
        title
        teams
        visits
        conclusions
      }
      conclusions
      inspectionTopics
      externalInspections
      indicators {
        lateTrips
        overlappingTopics
        unreportedTrips
        hostRuleBreaches
        overloadedHostWeeks
        estimatedCost
        actualCost
      }
    }
  }
`);

export const AnnualReportQuery = graphql(`
  query AnnualReport($year: Int!, $provinceId: Int) {
    annualReport(year: $year, provinceId: $provinceId) {
      ...ReportPage_report
    }
  }
`);

export const SaveReportNarrativeMutation = graphql(`
  mutation SaveReportNarrative($input: SaveReportNarrativeInput!) {
    saveReportNarrative(input: $input) {
      ...ReportPage_report
    }
  }
`);

export const FinalizeReportMutation = graphql(`
  mutation FinalizeReport($provinceId: Int!, $year: Int!, $version: Int!, $number: String!) {
    finalizeReport(provinceId: $provinceId, year: $year, version: $version, number: $number) {
      ...ReportPage_report
    }
  }
`);

export const CentralReportQuery = graphql(`
  query CentralReport($year: Int!) {
    centralReport(year: $year) {
      year
      provinces {
        reportStatus
        reportNumber
        summary {
          provinceId
          agencyStaff {
            count
            total
          }
          executiveMembers {
            count
            total
          }
          totalDays
          averageDays
          metShare
          coverage {
            reached
            total
          }
          province {
            id
            name
          }
        }
      }
    }
  }
`);
