import { graphql } from '@/gql';

/** The organisation department's pages check the viewer's role before they ask for anything. */
export const OrgViewerQuery = graphql(`
  query OrgViewer {
    me {
      id
      role
      provinceId
      cadreId
    }
  }
`);

/** The departments and the office of the provincial agency: the cadres' homes and topics' owners. */
export const DepartmentOptionsQuery = graphql(`
  query DepartmentOptions {
    units(first: 100, filter: { kinds: [DEPARTMENT, OFFICE] }) {
      nodes {
        id
        name
        validTo
      }
    }
  }
`);

export const RosterQuery = graphql(`
  query Roster($first: Int!, $after: String, $filter: CadreFilter) {
    cadres(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CadreRow_cadre
      }
    }
  }
`);

export const CadreRow_cadre = graphql(`
  fragment CadreRow_cadre on Cadre {
    id
    version
    fullName
    gender
    position
    departmentId
    department {
      id
      name
    }
    agencyStaff
    executiveMember
    term
    subjectFrom
    subjectTo
    exemptions {
      ...ExemptionRow_exemption
    }
  }
`);

export const ExemptionRow_exemption = graphql(`
  fragment ExemptionRow_exemption on Exemption {
    id
    cadreId
    kind
    startDate
    endDate
    approvedBy
    note
  }
`);

export const CreateCadreMutation = graphql(`
  mutation CreateCadre($input: CreateCadreInput!) {
    createCadre(input: $input) {
      ...CadreRow_cadre
    }
  }
`);

export const UpdateCadreMutation = graphql(`
  mutation UpdateCadre($id: ID!, $version: Int!, $input: UpdateCadreInput!) {
    updateCadre(id: $id, version: $version, input: $input) {
      ...CadreRow_cadre
    }
  }
`);

export const CreateExemptionMutation = graphql(`
  mutation CreateExemption($input: CreateExemptionInput!) {
    createExemption(input: $input) {
      id
      ...ExemptionRow_exemption
    }
  }
`);

/** Before an exemption is recorded: the cadre's approved or completed trips it would cover. */
export const TripsDuringExemptionQuery = graphql(`
  query TripsDuringExemption($cadreId: ID!, $startDate: LocalDate!, $endDate: LocalDate!) {
    tripsDuringExemption(cadreId: $cadreId, startDate: $startDate, endDate: $endDate) {
      tripId
      title
      startDate
      endDate
      daysInside
      done
    }
  }
`);

export const DeleteExemptionMutation = graphql(`
  mutation DeleteExemption($id: ID!) {
    deleteExemption(id: $id)
  }
`);

export const UnitRow_unit = graphql(`
  fragment UnitRow_unit on Unit {
    id
    version
    name
    kind
    parentId
    parent {
      id
      name
    }
    communeCode
    validFrom
    validTo
    remote
    border
    island
  }
`);

export const UnitsPageQuery = graphql(`
  query UnitsPage($first: Int!, $after: String, $filter: UnitFilter) {
    units(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...UnitRow_unit
      }
    }
  }
`);

export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      ...UnitRow_unit
    }
  }
`);

export const UpdateUnitMutation = graphql(`
  mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {
    updateUnit(id: $id, version: $version, input: $input) {
      ...UnitRow_unit
    }
  }
`);

export const ImportCommunesMutation = graphql(`
  mutation ImportCommunes {
    importCommunes
  }
`);

export const PolicyRuleQuery = graphql(`
  query PolicyRule($year: Int!) {
    policyRule(year: $year) {
      ...RulesForm_rule
    }
  }
`);

export const RulesForm_rule = graphql(`
  fragment RulesForm_rule on PolicyRule {
    provinceId
    year
    version
    requiredDays
    windowStart
    windowEnd
    minDaysDistrict
    minDaysCommune
    minDaysChapter
    reportRequired
    reportDueDays
    checkLateRegistration
    checkDoubleBooking
    checkHostLoad
    hostLoadMaxPerWeek
    checkTopicOverlap
    checkExemptTrip
    ownTripDecidedByOther
    sickLeaveMinDays
  }
`);

export const SetPolicyRuleMutation = graphql(`
  mutation SetPolicyRule($year: Int!, $version: Int!, $input: PolicyRuleInput!) {
    setPolicyRule(year: $year, version: $version, input: $input) {
      ...RulesForm_rule
    }
  }
`);

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      ...AccountsPage_account
    }
  }
`);

export const SetAccountActiveMutation = graphql(`
  mutation SetAccountActive($id: ID!, $active: Boolean!) {
    setAccountActive(id: $id, active: $active) {
      id
      active
    }
  }
`);
