// What other features use of roster: they import it from here, never from its files.
export { CadreOptionsQuery, CadreSelect } from './CadreSelect';
