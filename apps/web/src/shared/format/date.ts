/** Formats a `LocalDate` ("YYYY-MM-DD") as dd/MM/yyyy, the way Vietnamese documents write dates. */
export function formatLocalDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}
