/** The first year the API keeps figures for. */
export const FIRST_YEAR = 2015;

/** Years the selectors offer, newest first: next year too, whose trips are registered ahead. */
export function selectableYears(current: number): number[] {
  return Array.from({ length: current + 1 - FIRST_YEAR + 1 }, (_, i) => current + 1 - i);
}

/** A year from the address bar, or the current one when it is missing or nonsense. */
export function yearParam(value: string | null, current: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= current + 1 ? year : current;
}
