import dayjs, { type Dayjs } from 'dayjs';

/** The way Vietnamese documents write dates, as a dayjs pattern for antd's pickers. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** Formats a `LocalDate` ("YYYY-MM-DD") as dd/MM/yyyy, the way Vietnamese documents write dates. */
export function formatLocalDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** "12/03/2026 – 14/03/2026", or one date when the range is a single day. */
export function formatDateRange(start: string, end: string): string {
  return start === end ? formatLocalDate(start) : `${formatLocalDate(start)} – ${formatLocalDate(end)}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats a `DateTimeISO` as dd/MM/yyyy HH:mm in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A picker's value as the API's `LocalDate`. */
export function toLocalDate(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** A `LocalDate` as a picker's value. */
export function fromLocalDate(value: string): Dayjs {
  return dayjs(value, 'YYYY-MM-DD');
}

/** Today in the browser's calendar, as a `LocalDate`. */
export function todayLocalDate(): string {
  return dayjs().format('YYYY-MM-DD');
}

export type { Dayjs };
