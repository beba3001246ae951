import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { AppDeps } from '../../context';
import { Role } from '../../shared/access';
import { AppError, ErrorCode, forbidden, signInRequired, toAppError } from '../../shared/errors';
import { ScopedTransaction } from '../tenancy/tenancy';
import { calendarIcs } from './calendar.service';
import { exportList } from './export.xlsx';
import { ImportRunner } from './import.jobs';
import { TEMPLATES, isImportKind, templateXlsx } from './import.sheets';
import { TransferErrorCode } from './transfer.errors';

/** The largest file an import accepts: a province's whole history fits well below it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAVAILABLE]: 503,
  PAYLOAD_TOO_LARGE: 413,
};

function sendError(res: Response, raw: unknown): void {
  const error: GraphQLError = toAppError(raw);
  const code = String(error.extensions.code);
  if (res.headersSent) return;
  res.status(STATUS[code] ?? 500).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

const tooLarge = (): AppError =>
  new AppError(
    'PAYLOAD_TOO_LARGE' as ErrorCode,
    `Tệp quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn.`,
    { reason: TransferErrorCode.FILE_TOO_LARGE, field: 'file' },
  );

/** Who is asking, from the bearer token only: these routes never read cookies, so no page can forge them. */
async function viewerOf(deps: AppDeps, req: Request) {
  if (!req.headers.authorization) throw signInRequired();
  const userId = await deps.tokens.verify(req.headers.authorization);
  const tx = await ScopedTransaction.open(deps.dataSource, userId, deps.provinces.records);
  await tx.rollback();
  if (!tx.viewer) throw signInRequired();
  return { viewer: tx.viewer, scope: tx.scope, userId };
}

/** The one file of a multipart upload, cut off once it passes the limit. */
function receiveFile(req: Request): Promise<{ name: string; buffer: Buffer }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      reject(
        new AppError(ErrorCode.BAD_USER_INPUT, 'Cần gửi tệp theo dạng multipart/form-data.', {
          reason: TransferErrorCode.FILE_MISSING,
        }),
      );
      return;
    }
    let file: { name: string; buffer: Buffer } | null = null;
    let failure: AppError | null = null;
    parser.on('file', (_field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!failure) parts.push(chunk);
      });
      stream.on('limit', () => {
        failure = tooLarge();
        parts.length = 0;
      });
      stream.on('end', () => {
        if (!failure) file = { name: info.filename || 'tep.xlsx', buffer: Buffer.concat(parts) };
      });
    });
    parser.on('error', () =>
      reject(
        new AppError(ErrorCode.BAD_USER_INPUT, 'Tệp tải lên bị gián đoạn hoặc không đúng định dạng.', {
          reason: TransferErrorCode.FILE_MISSING,
        }),
      ),
    );
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file)
        reject(
          new AppError(ErrorCode.BAD_USER_INPUT, 'Chưa chọn tệp để tải lên.', {
            reason: TransferErrorCode.FILE_MISSING,
            field: 'file',
          }),
        );
      else resolve(file);
    });
    req.pipe(parser);
  });
}

/**
 * Files in and out: import templates, uploads (answered with the import job), exports of the lists
 * with the list's own filters, and the private calendar feeds.
 */
export function transferRoutes(
  deps: AppDeps,
  schema: GraphQLSchema,
  allowOrigins: RequestHandler,
): { router: express.Router; imports: ImportRunner } {
  const router = express.Router();
  const imports = new ImportRunner(deps);

  router.get('/files/templates/:file', async (req, res) => {
    const kind = Object.values(TEMPLATES).find((t) => t.fileName === req.params.file)?.kind;
    if (!kind) {
      sendError(res, new AppError(ErrorCode.NOT_FOUND, 'Không có mẫu này.'));
      return;
    }
    const buffer = await templateXlsx(kind);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(TEMPLATES[kind].fileName)
      .send(buffer);
  });

  router.options('/files/{*path}', allowOrigins);

  router.post('/files/import/:kind', allowOrigins, async (req, res) => {
    try {
      const kind = String(req.params.kind).toUpperCase();
      if (!isImportKind(kind)) throw new AppError(ErrorCode.NOT_FOUND, 'Không có loại dữ liệu nhập này.');
      const { viewer, scope } = await viewerOf(deps, req);
      if (viewer.role !== Role.PROVINCE_ADMIN) throw forbidden('Chỉ Ban Tổ chức (quản trị của tỉnh) được nhập dữ liệu.');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_UPLOAD_BYTES + 64 * 1024) {
        // Refused by its declared size: the body is discarded as it arrives, never kept, and the
        // answer waits for its end so that the client reads it rather than a reset connection.
        await new Promise<void>((resolve) => {
          req.on('end', resolve).on('error', () => resolve());
          req.resume();
        });
        throw tooLarge();
      }
      const file = await receiveFile(req);
      const job = await imports.accept(viewer, scope.writable, kind, file);
      res.status(202).json({ job: { id: job.id, kind: job.kind, status: job.status, fileName: job.fileName } });
    } catch (error) {
      sendError(res, error);
    }
  });

  const exportHandler = async (req: Request, res: Response) => {
    try {
      const match = /^([a-z]+)\.xlsx$/.exec(String(req.params.file));
      const list = match?.[1] ?? '';
      const { userId } = await viewerOf(deps, req);
      let variables: unknown = (req.body as { variables?: unknown } | undefined)?.variables ?? {};
      if (req.method === 'GET' && typeof req.query.variables === 'string') {
        try {
          variables = JSON.parse(req.query.variables);
        } catch {
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'Bộ lọc không hợp lệ.', { field: 'variables' });
        }
      }
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'Bộ lọc không hợp lệ.', { field: 'variables' });
      }
      const file = await exportList(deps, schema, randomUUID(), userId, list, variables as Record<string, unknown>);
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(file.fileName)
        .send(file.buffer);
    } catch (error) {
      sendError(res, error);
    }
  };
  router.get('/files/export/:file', allowOrigins, exportHandler);
  router.post('/files/export/:file', allowOrigins, express.json({ limit: deps.env.MAX_BODY_BYTES }), exportHandler);

  router.get('/calendar/:file', async (req, res) => {
    try {
      const match = /^(.+)\.ics$/.exec(String(req.params.file));
      const ics = match ? await calendarIcs(deps, match[1]) : null;
      if (ics === null) {
        res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy lịch: đường dẫn không đúng hoặc đã bị thu hồi.');
        return;
      }
      res.status(200).type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300').send(ics);
    } catch (error) {
      sendError(res, error);
    }
  });

  return { router, imports };
}
