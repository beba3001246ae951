/** A trip as far as grouping goes: its dates and the merged delegation it travels in, if any. */
export interface VisitTrip {
  id: string;
  startDate: string;
  endDate: string;
  delegation?: { id: string; startDate: string; endDate: string } | null;
}

/** One arrival at a host unit: a trip alone, or every trip of a merged delegation together. */
export interface Visit<T extends VisitTrip> {
  key: string;
  startDate: string;
  endDate: string;
  trips: T[];
}

/** The items once each, in the order first met. */
export const uniqueById = <T extends { id: string }>(items: readonly T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];

/**
 * Trips merged into one delegation arrive together: one visit with all of them, dated by the delegation.
 * Visits come by start date, earliest first; trips keep their order within a visit.
 */
export function visitsOf<T extends VisitTrip>(trips: readonly T[]): Visit<T>[] {
  const visits = new Map<string, Visit<T>>();
  for (const trip of trips) {
    const key = trip.delegation ? `d-${trip.delegation.id}` : `t-${trip.id}`;
    const visit = visits.get(key) ?? {
      key,
      startDate: trip.delegation?.startDate ?? trip.startDate,
      endDate: trip.delegation?.endDate ?? trip.endDate,
      trips: [],
    };
    visit.trips.push(trip);
    visits.set(key, visit);
  }
  return [...visits.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
}
