import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import type { BusTransport, TransportEvents } from './pubsub';

/** The one PostgreSQL channel every instance listens on; the bus's own channel travels in the message. */
export const PG_CHANNEL = 'coso_events';

/** NOTIFY refuses payloads of 8000 bytes or more; larger messages go in numbered parts. */
const MAX_PAYLOAD_BYTES = 7000;

/** One NOTIFY: a whole message (`m`), or part `i` of `n` of message `k`. */
interface Packet {
  c: string;
  m: string;
  k?: string;
  i?: number;
  n?: number;
}

/** The NOTIFY payloads that carry one message, each under PostgreSQL's limit. */
export function packets(channel: string, message: string): string[] {
  const whole = JSON.stringify({ c: channel, m: message } satisfies Packet);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  const key = randomUUID();
  for (let size = 2000; ; size = Math.floor(size / 2)) {
    const parts: string[] = [];
    for (let at = 0; at < message.length; at += size) parts.push(message.slice(at, at + size));
    const payloads = parts.map((m, i) => JSON.stringify({ c: channel, m, k: key, i, n: parts.length } satisfies Packet));
    if (size <= 64 || payloads.every((p) => Buffer.byteLength(p) <= MAX_PAYLOAD_BYTES)) return payloads;
  }
}

/**
 * Puts parts back together. Parts of one message come from one session in order, but parts of other
 * messages may arrive in between; a message whose parts stop coming is dropped after a minute.
 */
export class Reassembly {
  private readonly pending = new Map<string, { parts: string[]; seen: number; at: number }>();

  add(packet: Packet, now = Date.now()): { channel: string; message: string } | null {
    if (packet.k === undefined || packet.i === undefined || packet.n === undefined) {
      return { channel: packet.c, message: packet.m };
    }
    for (const [key, entry] of this.pending) if (now - entry.at > 60_000) this.pending.delete(key);
    const entry = this.pending.get(packet.k) ?? { parts: new Array<string>(packet.n).fill(''), seen: 0, at: now };
    this.pending.set(packet.k, entry);
    entry.parts[packet.i] = packet.m;
    entry.seen += 1;
    if (entry.seen < packet.n) return null;
    this.pending.delete(packet.k);
    return { channel: packet.c, message: entry.parts.join('') };
  }
}

function isPacket(value: unknown): value is Packet {
  if (!value || typeof value !== 'object') return false;
  const { c, m } = value as Record<string, unknown>;
  return typeof c === 'string' && typeof m === 'string';
}

/**
 * PostgreSQL's LISTEN/NOTIFY as the bus between API processes and instances, so the embedded default and
 * small deployments need no Redis. One session of its own both listens and publishes (in order); when the
 * database goes away, publishing fails (counted by the bus) and the session is opened again, after which
 * the bus asks clients to catch up.
 */
export function postgresTransport(connectionString: string): (events: TransportEvents) => BusTransport {
  return (events) => {
    const reassembly = new Reassembly();
    const state = { client: null as Client | null, listening: false, everListened: false, closed: false, delay: 500 };
    let timer: NodeJS.Timeout | undefined;
    // One statement at a time on the session, in the order events were published.
    let queue: Promise<unknown> = Promise.resolve();

    const onNotification = (notification: Notification) => {
      if (notification.channel !== PG_CHANNEL || !notification.payload) return;
      let packet: unknown;
      try {
        packet = JSON.parse(notification.payload);
      } catch {
        return;
      }
      if (!isPacket(packet)) return;
      const whole = reassembly.add(packet);
      if (whole) events.message(whole.channel, whole.message);
    };

    const lost = (client: Client, error?: Error) => {
      if (state.client !== client) return;
      state.client = null;
      state.listening = false;
      if (error) events.error(error);
      client.end().catch(() => undefined);
      schedule();
    };

    const connect = async () => {
      if (state.closed) return;
      const client = new Client({ connectionString, keepAlive: true, application_name: 'coso-api-events' });
      client.on('error', (error) => lost(client, error));
      client.on('end', () => lost(client));
      client.on('notification', onNotification);
      state.client = client;
      try {
        await client.connect();
        await client.query(`LISTEN ${PG_CHANNEL}`);
      } catch (error) {
        lost(client, error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (state.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      state.listening = true;
      state.delay = 500;
      if (state.everListened) events.subscriptionRestored();
      state.everListened = true;
      events.publishReady();
    };

    const schedule = () => {
      if (state.closed || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void connect();
      }, state.delay);
      timer.unref();
      state.delay = Math.min(state.delay * 2, 10_000);
    };

    void connect();

    return {
      publish: (channel, message) => {
        const send = async () => {
          const client = state.client;
          if (!client || !state.listening) throw new Error('The event bus has no database session');
          for (const payload of packets(channel, message)) {
            await client.query('SELECT pg_notify($1, $2)', [PG_CHANNEL, payload]);
          }
        };
        const sent = queue.then(send);
        queue = sent.catch(() => undefined);
        return sent;
      },
      // Every instance hears the one channel; the bus hands each message to this process's listeners.
      subscribe: () => undefined,
      unsubscribe: () => undefined,
      connected: () => state.listening,
      close: async () => {
        state.closed = true;
        clearTimeout(timer);
        const client = state.client;
        state.client = null;
        state.listening = false;
        await client?.end().catch(() => undefined);
      },
    };
  };
}
