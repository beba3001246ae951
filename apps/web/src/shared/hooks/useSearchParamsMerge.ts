import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type SearchChanges = Record<string, string | number | undefined>;

/**
 * The page's search parameters, and a function that changes some of them and keeps the rest. Two quick
 * changes (a province, then a year) both land: the router applies a change in a transition, so the
 * second may come before the page has re-rendered with the first.
 */
export function useSearchParamsMerge(): [URLSearchParams, (changes: SearchChanges) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const merge = useCallback(
    (changes: SearchChanges) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        next.set(key, String(value));
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, merge];
}
