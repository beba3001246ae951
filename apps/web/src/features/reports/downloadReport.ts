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
  const plain = disposition ? /filename="([^"]+)"/i.exec(disposition) : null;
  return plain?.[1] ?? fallback;
}

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`download failed: ${status}`);
  }
}

/** Fetches a report file with the session's token and hands it to the browser as a download. */
export async function downloadReport(path: string, fallbackName: string): Promise<string> {
  const token = getToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new DownloadError(res.status);
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
