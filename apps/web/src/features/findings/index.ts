// What other features use of findings: they import it from here, never from its files.
// The styles its shared components and classes need come with it.
import './findings.css';
export { UnitPicker } from './UnitPicker';
export { useFindingsTranslation } from './findingsI18n';
export { useFindingEvents } from './useFindingEvents';
