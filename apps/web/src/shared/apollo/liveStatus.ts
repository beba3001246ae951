import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The live connection (the GraphQL WebSocket) as the user should understand it:
 * - idle: no socket, because nothing on screen listens (signed out, or a host unit);
 * - connecting: the first connection of the session is being made;
 * - connected: events arrive as they happen;
 * - reconnecting: the connection dropped and the client is trying again;
 * - lost: the server closed it for good; only a reload brings live updates back.
 */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'lost';

/** Close codes after which graphql-ws does not retry (its own list), plus 4403: the account is locked. */
const TERMINAL_CLOSE_CODES = new Set([4004, 4005, 4400, 4401, 4403, 4406, 4409, 4429, 4500]);
/** 1xxx codes graphql-ws retries: going away, abnormal closure, service restart, try again later… */
const RETRIED_STANDARD_CODES = new Set([1001, 1005, 1006, 1012, 1013, 1014]);

/** Whether the client gives up after a socket closed with this code. */
export function closedForGood(code: number): boolean {
  if (TERMINAL_CLOSE_CODES.has(code)) return true;
  return code > 1000 && code < 2000 && !RETRIED_STANDARD_CODES.has(code);
}

/** The socket's state for React, fed by the graphql-ws client's events. */
export class LiveConnection {
  private status: LiveStatus = 'idle';
  /** A connection was lost since the last one: what was shown may have missed events. */
  private dropped = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly onReconnected: () => void) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveStatus => this.status;

  connecting(isRetry: boolean): void {
    this.set(isRetry || this.dropped ? 'reconnecting' : 'connecting');
  }

  connected(): void {
    const caughtUp = this.dropped;
    this.dropped = false;
    this.set('connected');
    if (caughtUp) this.onReconnected();
  }

  closed(code: number): void {
    // 1000: the client closed it itself, the last subscription having ended.
    if (code === 1000) return this.set('idle');
    this.dropped = true;
    this.set(closedForGood(code) ? 'lost' : 'reconnecting');
  }

  private set(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.listeners.forEach((listener) => listener());
  }
}

export const LiveConnectionContext = createContext<LiveConnection | null>(null);

export function useLiveStatus(): LiveStatus {
  const connection = useContext(LiveConnectionContext);
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getSnapshot ?? idle);
}

const noSubscription = () => () => undefined;
const idle = (): LiveStatus => 'idle';
