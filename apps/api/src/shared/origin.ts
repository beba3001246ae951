import type { IncomingMessage } from 'node:http';

/** Express's compiled `trust proxy` setting: whether the hop at this address may speak for the client. */
export type TrustProxy = (address: string, hop: number) => boolean;

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/**
 * The origin the browser addressed: the request's Host, or behind a trusted proxy the forwarded host and
 * protocol. Without a trusted proxy the protocol the browser used is unknown (TLS may end in front of
 * us), so only the host is compared then.
 */
function addressed(req: IncomingMessage, trust: TrustProxy): { host: string; protocol?: string } | undefined {
  const viaProxy = trust(req.socket.remoteAddress ?? '', 0);
  const host = (viaProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? first(req.headers.host);
  if (!host) return undefined;
  const protocol = viaProxy ? first(req.headers['x-forwarded-proto']) : undefined;
  return { host, protocol };
}

/**
 * Whether a browser's Origin is the product's own address as this request reached it: the web app served
 * by this API (or by the proxy in front of it) may always talk to it, whatever the host name or port —
 * a LAN address, a domain, another port. Other sites' pages carry their own Origin and do not match.
 */
export function isOwnOrigin(origin: string, req: IncomingMessage, trust: TrustProxy): boolean {
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return false;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  const target = addressed(req, trust);
  if (!target) return false;
  let own: URL;
  try {
    own = new URL(`${page.protocol}//${target.host}`);
  } catch {
    return false;
  }
  if (target.protocol && `${target.protocol}:` !== page.protocol) return false;
  return own.host === page.host;
}
