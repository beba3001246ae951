import express from 'express';
import type { AppDeps } from '../../context';
import { SIGN_IN_REQUIRED } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { ScopedTransaction } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { provinceReportDocx, centralReportDocx } from './report.docx';
import { annexXlsx, centralXlsx } from './report.xlsx';
import { reportFor } from './report.resolver';
import { centralReport } from './report.service';
import { REPORT_ROLES, mayDownloadReport } from './report.policy';
import { allows } from '../../shared/policy';
import { contentDisposition } from './report.text';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type FileType = keyof typeof TYPES;

const FILE = /^(\d{4})\.(docx|xlsx)$/;

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The report files, downloaded with the same bearer token as /graphql. Each request runs in its own
 * scoped transaction, so row-level security decides what a viewer can get; another province's report
 * is answered as not found, revealing nothing.
 */
export function reportFiles(deps: AppDeps): express.Router {
  const router = express.Router();

  const serve =
    (
      build: (
        tx: ScopedTransaction,
        year: number,
        type: FileType,
        params: Record<string, string>,
      ) => Promise<{ name: string; body: Buffer }>,
    ) =>
    async (req: express.Request, res: express.Response): Promise<void> => {
      let tx: ScopedTransaction | undefined;
      try {
        const match = FILE.exec(String(req.params.file));
        const year = match ? Number(match[1]) : NaN;
        if (!match || year < 2015 || year > 2100)
          throw new HttpRefusal(400, 'BAD_REQUEST', 'Đường dẫn tệp báo cáo không hợp lệ.');
        const userId = await deps.tokens.verify(req.headers.authorization);
        tx = await ScopedTransaction.open(deps.dataSource, userId, deps.provinces.records);
        if (!tx.viewer) throw new HttpRefusal(401, 'UNAUTHENTICATED', SIGN_IN_REQUIRED);
        const type = match[2] as FileType;
        const file = await build(tx, year, type, req.params as Record<string, string>);
        await tx.commit();
        res
          .status(200)
          .set({
            'Content-Type': TYPES[type],
            'Content-Disposition': contentDisposition(file.name),
            'Cache-Control': 'no-store',
          })
          .send(file.body);
      } catch (error) {
        await tx?.rollback().catch(() => undefined);
        const refusal =
          error instanceof HttpRefusal
            ? error
            : new HttpRefusal(500, 'INTERNAL_SERVER_ERROR', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.');
        if (refusal.status >= 500) logger.error({ err: error }, 'Report file failed');
        res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      }
    };

  router.get(
    '/reports/:provinceId/:file',
    serve(async (tx, year, type, params) => {
      if (!REPORT_ROLES.read.includes(viewerOf(tx).role))
        throw new HttpRefusal(403, 'FORBIDDEN', 'Bạn không có quyền tải báo cáo.');
      const provinceId = Number(params.provinceId);
      const province = Number.isInteger(provinceId) ? deps.provinces.get(provinceId) : undefined;
      if (!province || !(await allows(mayDownloadReport(tx, { provinceId: province.id })))) {
        throw new HttpRefusal(404, 'NOT_FOUND', 'Báo cáo không tồn tại hoặc bạn không có quyền xem.');
      }
      const report = await reportFor({ tx, deps }, province.id, year);
      const name = `Báo cáo 1+2 năm ${year} - ${province.name}`;
      return type === 'docx'
        ? { name: `${name}.docx`, body: await provinceReportDocx(province, report, deps.clock.today()) }
        : { name: `${name} - Phụ lục.xlsx`, body: await annexXlsx(report, province.name) };
    }),
  );

  router.get(
    '/central/:file',
    serve(async (tx, year, type) => {
      if (!REPORT_ROLES.central.includes(viewerOf(tx).role))
        throw new HttpRefusal(403, 'FORBIDDEN', 'Chỉ Trung ương Đoàn được tải báo cáo tổng hợp.');
      const today = deps.clock.today();
      const report = await centralReport(
        { manager: tx.manager, cache: deps.complianceCache, today },
        deps.provinces.all,
        tx.scope.readable,
        year,
      );
      const nameOf = (id: number) => deps.provinces.get(id)?.name ?? String(id);
      const name = `Tổng hợp 1+2 năm ${year}`;
      return type === 'docx'
        ? { name: `${name}.docx`, body: await centralReportDocx(year, report.provinces, nameOf, today) }
        : { name: `${name}.xlsx`, body: await centralXlsx(year, report.provinces, nameOf) };
    }),
  );

  return router;
}
