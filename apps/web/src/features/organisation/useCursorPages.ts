import { useState } from 'react';

export interface CursorPages {
  /** The cursor to ask the current page with (null on the first page). */
  after: string | null;
  /** 1-based. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
}

/**
 * One page of a cursor list at a time: the API pages by cursor, so the pager walks forward with each
 * page's end cursor and back through the cursors it has seen.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length,
    next: (endCursor) => {
      if (endCursor) setCursors((prev) => [...prev, endCursor]);
    },
    previous: () => setCursors((prev) => (prev.length > 1 ? prev.slice(0, -1) : prev)),
    reset: () => setCursors([null]),
  };
}
