import { graphql } from '@/gql';

/** The viewer's province and its predecessors: whose figures the dashboard offers, unless me.can reads every province. */
export const DashboardViewerQuery = graphql(`
  query DashboardViewer {
    me {
      id
      province {
        id
        name
        predecessors {
          id
          name
        }
      }
    }
  }
`);

export const ProvinceOptionsQuery = graphql(`
  query ProvinceOptions {
    provinces {
      id
      name
      status
    }
  }
`);

/** The province dashboard: the annual figures, each department and each cadre. */
export const DashboardQuery = graphql(`
  query Dashboard($year: Int!, $provinceId: Int, $first: Int! = 50, $after: String, $filter: CadreComplianceFilter) {
    provinceCompliance(year: $year, provinceId: $provinceId) {
      provinceId
      year
      ...ComplianceTiles_figures
      coverage {
        ...CoverageCard_coverage
      }
    }
    departmentCompliance(year: $year, provinceId: $provinceId) {
      departmentId
      ...DepartmentTable_department
    }
    cadreCompliance(year: $year, provinceId: $provinceId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        cadreId
        ...CadreComplianceTable_cadre
      }
    }
  }
`);

export const ComplianceTrendQuery = graphql(`
  query ComplianceTrend($fromYear: Int!, $toYear: Int!, $provinceId: Int) {
    complianceTrend(fromYear: $fromYear, toYear: $toYear, provinceId: $provinceId) {
      ...TrendChart_point
    }
  }
`);

export const ComplianceChangedSubscription = graphql(`
  subscription ComplianceChanged($year: Int!) {
    complianceChanged(year: $year) {
      year
      province {
        provinceId
      }
      cadres {
        cadreId
      }
    }
  }
`);

export const CentralComparisonQuery = graphql(`
  query CentralComparison($year: Int!, $orderBy: ComparisonOrder!) {
    centralComparison(year: $year, orderBy: $orderBy) {
      provinceId
      province {
        id
        name
      }
      ...CentralTable_row
      ...MetShareChart_row
    }
  }
`);

/** What the province should look at now: the dashboard's alerts. */
export const DashboardAlertsQuery = graphql(`
  query DashboardAlerts($year: Int!, $provinceId: Int, $from: LocalDate!, $to: LocalDate!) {
    provinceCompliance(year: $year, provinceId: $provinceId) {
      provinceId
      overdueReports
      lateTrips
    }
    topicOverlaps(year: $year, provinceId: $provinceId) {
      tripA
      tripB
      titleA
      titleB
      quarter
      departmentA
      departmentB
    }
    hostLoad(from: $from, to: $to, overloadedOnly: true, period: WEEK, first: 20, provinceId: $provinceId) {
      unitId
      unitName
      periodStart
      delegations
    }
    recommendations(overdueOnly: true, provinceId: $provinceId, first: 5) {
      totalCount
      nodes {
        id
        text
        dueOn
        unit {
          id
          name
        }
      }
    }
  }
`);

/** Delegations received per unit and month, for the host-load calendar. */
export const HostLoadCalendarQuery = graphql(`
  query HostLoadCalendar($from: LocalDate!, $to: LocalDate!, $provinceId: Int) {
    hostLoad(from: $from, to: $to, period: MONTH, first: 500, provinceId: $provinceId) {
      unitId
      unitName
      periodStart
      delegations
      cadreDays
      overloaded
    }
  }
`);
