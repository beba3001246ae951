// What other features use of trips: they import it from here, never from its files.
export { TripStateTag } from './TripStateTag';
export { AcceptTripReportMutation } from './trip.mutations';
export { ViewerCadreQuery, ViewerQuery } from './trip.operations';
export { TRIP_LISTS } from './tripCache';
export { checkLabel } from './tripLabels';
export { useAcceptTripReport } from './useAcceptTripReport';
