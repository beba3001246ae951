/**
 * A value the data guarantees (the row a foreign key points to, an entry built just before): its
 * absence is a broken invariant, so it fails loudly here instead of travelling on as undefined.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
