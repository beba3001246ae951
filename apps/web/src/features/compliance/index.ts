// What other features use of compliance: they import it from here, never from its files.
export { CadreComplianceTable } from './CadreComplianceTable';
export { CoverageCard } from './CoverageCard';
export { MyComplianceCard } from './MyComplianceCard';
export { ProvincePicker } from './ProvincePicker';
export type { ProvinceChoice } from './ProvincePicker';
export { ComplianceChangedSubscription, DashboardViewerQuery, ProvinceOptionsQuery } from './compliance.operations';
export { selectableYears, yearParam } from './complianceScope';
export { useProvinceScope } from './useProvinceScope';
