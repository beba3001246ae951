const decimal2 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** 61.5517 -> "61,55": Vietnamese writes the decimal part after a comma. */
export function formatDecimal(value: number): string {
  return decimal2.format(value);
}

/** 1785 -> "1.785". */
export function formatCount(value: number): string {
  return whole.format(value);
}

/** A share from 0 to 1 as "100%" or "96,6%". */
export function formatShare(value: number): string {
  return percent.format(value).replace(/\s/g, '');
}

/** A "count / total" pair as "14/21". */
export function formatRatio(count: number, total: number): string {
  return `${count}/${total}`;
}
