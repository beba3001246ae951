/** Vietnamese alphabetical order (Đ after D, tones after the bare letter) for names. */
export const nameCollator = new Intl.Collator('vi');
