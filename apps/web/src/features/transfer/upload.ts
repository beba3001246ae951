import type { ImportKind } from '@/gql/graphql';
import { authHeaders } from '@/shared/files/download';

/** The template each import reads, as the API serves it under `/files/templates/`. */
export const TEMPLATE_FILES: Record<ImportKind, string> = {
  UNITS: 'mau-cay-to-chuc.xlsx',
  ROSTER: 'mau-danh-sach-can-bo.xlsx',
  TRIPS: 'mau-chuyen-di-lich-su.xlsx',
};

/** The largest file an import accepts; the API refuses bigger ones too. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type FileProblem = 'wrongExtension' | 'tooLarge';

/** What is wrong with a chosen file before it is sent, if anything. */
export function checkFile(file: { name: string; size: number }): FileProblem | null {
  if (!/\.xlsx$/i.test(file.name)) return 'wrongExtension';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

/** An upload the API refused: its status, its reason code (e.g. WRONG_TEMPLATE) and its message. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly reason?: string,
    readonly serverMessage?: string,
  ) {
    super(`upload failed: ${status}`);
  }
}

/** Sends the file to the import of `kind`; resolves to the import job's id. */
export async function uploadImport(kind: ImportKind, file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(`/files/import/${kind.toLowerCase()}`, { method: 'POST', headers: authHeaders(), body });
  if (!res.ok) {
    let first: { message?: unknown; extensions?: { reason?: unknown } } | undefined;
    try {
      first = ((await res.json()) as { errors?: Array<typeof first> }).errors?.[0];
    } catch {
      first = undefined;
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    throw new UploadError(res.status, text(first?.extensions?.reason), text(first?.message));
  }
  const json = (await res.json()) as { job?: { id?: string }; id?: string };
  const id = json.job?.id ?? json.id;
  if (!id) throw new UploadError(res.status);
  return id;
}
