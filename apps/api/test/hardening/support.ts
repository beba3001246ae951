import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { TestProduct } from '../harness';

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** A message written for a Vietnamese reader: it carries Vietnamese letters, not English only. */
export const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăâêô]/i;

export async function send(url: string, init: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: RawAnswer['body'] = {};
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    // Not JSON: assertions on `body` fail and show `text`.
  }
  return { status: res.status, headers: res.headers, text, body };
}

export const postBody = (product: TestProduct, body: string, token?: string, headers: Record<string, string> = {}) =>
  send(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });

export const post = (
  product: TestProduct,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  operationName?: string,
) => postBody(product, JSON.stringify({ query, variables, operationName }), token);

/** A refusal: the code, a Vietnamese message, no data, no stack. */
export function expectRefusal(answer: RawAnswer, status: number, code: string, reason?: string): void {
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  if (reason) expect(answer.body.errors?.[0]?.extensions?.reason).toBe(reason);
  expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/i);
}

export const wsUrlOf = (product: TestProduct): string => `${product.url.replace(/^http/, 'ws')}/graphql`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WsResult {
  data: unknown[];
  errors: unknown[];
  completed: boolean;
}

/** A graphql-ws client and a helper collecting what each subscription receives. */
export function wsClient(product: TestProduct, token: string | null): { client: Client; subscribe: (query: string) => WsResult } {
  const client = createClient({
    url: wsUrlOf(product),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const subscribe = (query: string): WsResult => {
    const result: WsResult = { data: [], errors: [], completed: false };
    client.subscribe(
      { query },
      {
        next: (value) => {
          if (value.errors) result.errors.push(...value.errors);
          if (value.data) result.data.push(value.data);
        },
        // A list of GraphQL errors, or the socket's close event.
        error: (error) => result.errors.push(...(Array.isArray(error) ? error : [error])),
        complete: () => {
          result.completed = true;
        },
      },
    );
    return result;
  };
  return { client, subscribe };
}

/** Waits until `predicate` holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(predicate: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

export const codeOf = (error: unknown): unknown => (error as { extensions?: { code?: unknown } }).extensions?.code;
export const reasonOf = (error: unknown): unknown => (error as { extensions?: { reason?: unknown } }).extensions?.reason;
