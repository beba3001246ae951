import { downloadFile } from '@/shared/files/download';

export { DownloadError, fileNameOf } from '@/shared/files/download';

/** Fetches a report file with the session's token and hands it to the browser as a download. */
export function downloadReport(path: string, fallbackName: string): Promise<string> {
  return downloadFile(path, fallbackName);
}
