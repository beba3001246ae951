// What other features use of units: they import it from here, never from its files.
export { UnitOptionsQuery, UnitSelect } from './UnitSelect';
export type { KnownOption } from './UnitSelect';
