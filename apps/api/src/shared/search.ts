/** Vietnamese text without its marks, lower case: "Đoàn Thanh niên" -> "doan thanh nien" (the `*_folded` columns hold the same). */
export const foldVietnamese = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();

/** `%a%b%` for a LIKE on folded text, with the user's wildcards taken literally. */
export const likePattern = (search: string): string =>
  `%${foldVietnamese(search)
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .split(/\s+/)
    .join('%')}%`;
