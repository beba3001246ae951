// What other features use of organisation: they import it from here, never from its files.
// The styles its shared components and classes need come with it.
import './organisation.css';
export { CanGate } from './CanGate';
export { useOrgTranslation } from './orgI18n';
export { PLAN_STATE_COLOR } from './planLabels';
