import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'coso.draft:';
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface RestoredDraft<Values> {
  values: Values;
  savedAt: Date;
}

export interface DeviceDraft<Values> {
  /** What was kept on this device for this form, as read when the form opened; null if nothing. */
  restored: RestoredDraft<Values> | null;
  /** Keeps the form's values, a moment after the user stops typing. */
  save: (values: Values) => void;
  /** Forgets the draft: the server accepted it, or the user threw it away. */
  clear: () => void;
}

interface Stored {
  savedAt: number;
  values: unknown;
}

// Storage may be missing or refuse to write (private mode, a full quota): a draft is a comfort,
// never a reason for the form to fail, so every access swallows its error.
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// JSON turns a Dayjs into a plain string; tag it so the date pickers get a Dayjs back.
function encode(values: unknown): string {
  return JSON.stringify(values, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return dayjs.isDayjs(raw) ? { $dayjs: raw.toISOString() } : value;
  });
}

function decode(text: string): Stored {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === 'object' && typeof (value as { $dayjs?: unknown }).$dayjs === 'string'
      ? dayjs((value as { $dayjs: string }).$dayjs)
      : value,
  ) as Stored;
}

function read<Values>(key: string): RestoredDraft<Values> | null {
  const store = storage();
  try {
    const text = store?.getItem(key);
    if (!text) return null;
    const stored = decode(text);
    if (typeof stored.savedAt !== 'number' || Date.now() - stored.savedAt > MAX_AGE_MS) {
      store?.removeItem(key);
      return null;
    }
    return { values: stored.values as Values, savedAt: new Date(stored.savedAt) };
  } catch {
    return null;
  }
}

function write(key: string, values: unknown): void {
  try {
    storage()?.setItem(key, encode({ savedAt: Date.now(), values }));
  } catch {
    // Not kept this time; the form goes on.
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to undo.
  }
}

/** Drops every draft past its age, so a form abandoned for good does not linger on a shared phone. */
function dropExpired(): void {
  const store = storage();
  try {
    if (!store) return;
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => !!k?.startsWith(PREFIX));
    keys.forEach((key) => read(key));
  } catch {
    // Tidying is best effort.
  }
}

/**
 * Keeps what a user is typing on this device until the server has it: a reload, a dropped
 * connection or a closed dialog loses nothing. The key holds the signed-in user's id, so another
 * person signing in on the same phone never sees it; without a user nothing is kept.
 * `name` says what is being written, e.g. `report:<tripId>` or `new-trip`.
 */
export function useDeviceDraft<Values>(userId: string | null | undefined, name: string, delay = 500): DeviceDraft<Values> {
  const key = userId ? `${PREFIX}${userId}:${name}` : null;
  const [snapshot, setSnapshot] = useState(() => ({ key, restored: key ? read<Values>(key) : null }));
  // The user may become known after the first render: read their draft then.
  if (snapshot.key !== key) setSnapshot({ key, restored: key ? read<Values>(key) : null });

  // A timer rather than a debounced state: what is pending must still be written when the form
  // unmounts or the page goes away before the delay is over.
  const pending = useRef<{ key: string; values: Values } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current) write(pending.current.key, pending.current.values);
    pending.current = null;
  }, []);

  useEffect(() => {
    dropExpired();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const save = useCallback(
    (values: Values) => {
      if (!key) return;
      pending.current = { key, values };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [key, delay, flush],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    if (key) remove(key);
    setSnapshot({ key, restored: null });
  }, [key]);

  return { restored: snapshot.restored, save, clear };
}
