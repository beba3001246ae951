// What other features use of provinces: they import it from here, never from its files.
export { ProvincesTable } from './ProvincesTable';
