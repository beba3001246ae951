// What other features use of incoming: they import it from here, never from its files.
export { uniqueById, visitsOf, type Visit, type VisitTrip } from './visits';
