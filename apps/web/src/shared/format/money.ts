const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1500000 -> "1.500.000": Vietnamese groups thousands with dots. */
export function formatAmount(value: number): string {
  return vnd.format(value);
}

/** 1500000 -> "1.500.000 đ". */
export function formatVnd(value: number): string {
  return `${formatAmount(value)} đ`;
}

/** What a user typed into a money field ("1.500.000", "1500000 đ") as a whole number of đồng. */
export function parseAmount(text: string | undefined): number | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}
