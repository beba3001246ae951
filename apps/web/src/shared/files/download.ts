import { getToken } from '@/shared/auth/token';

/** The file name the server chose (RFC 5987 `filename*` first), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      return fallback;
    }
  }
  // Quoted (`filename="a b.xlsx"`) or a bare token (`filename=a.xlsx`, as Express writes plain names).
  const plain = disposition ? /filename=(?:"([^"]+)"|([^";\s]+))/i.exec(disposition) : null;
  return plain?.[1] ?? plain?.[2] ?? fallback;
}

/** A refused download: the HTTP status and, when the API sent one, its own (Vietnamese) message. */
export class DownloadError extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage?: string,
  ) {
    super(`download failed: ${status}`);
  }
}

/** The message of the API's JSON error body, if the answer carries one. */
export async function serverMessageOf(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as { errors?: Array<{ message?: unknown }> };
    const message = body.errors?.[0]?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** The session's bearer token as a header, when signed in. */
export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Fetches a file with the session's token (GET, or POST with a JSON body) and hands it to the
 * browser as a download; resolves to the file name used.
 */
export async function downloadFile(path: string, fallbackName: string, body?: unknown): Promise<string> {
  const init: RequestInit =
    body === undefined
      ? { headers: authHeaders() }
      : { method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  if (!res.ok) throw new DownloadError(res.status, await serverMessageOf(res));
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}
