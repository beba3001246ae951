import { RequestReason, badInput } from './errors';

/** Calendar dates travel as 'YYYY-MM-DD' strings; these helpers never involve time zones. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertDate(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw badInput(field, `Ngày "${value}" không hợp lệ.`, RequestReason.INVALID_DATE);
  }
  return value;
}

/** A year the product keeps figures for: from the policy's records to the end of the century. */
export function assertYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw badInput(field, 'Năm không hợp lệ.');
  return year;
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));
export const quarterOf = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Inclusive day count of [start, end]. */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** dd/MM/yyyy, as Vietnamese users read dates. */
export const formatVn = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Today in Vietnam (UTC+7), where the union's deadlines fall. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
