import { createHash, randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context';
import { AppError, ErrorCode, forbidden, toAppError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { publishScoped, type ImportProgressPayload } from '../../shared/pubsub';
import { ScopedTransaction, withScope, type Viewer } from '../tenancy/tenancy';
import { TEMPLATES, assertXlsxSignature, readWorkbook, type ImportKind, type ReadEvent, type SheetRow } from './import.sheets';
import { TransferErrorCode } from './transfer.errors';
import { Problems, type ImportProblem } from './import.values';
import type { ImportContext, ImportPlan } from './import.plan';
import { planUnits } from './import.units';
import { planRoster } from './import.roster';
import { planTrips } from './import.trips';
import { ImportJob, ImportPhase, ImportStatus } from './transfer.entity';

/** The most data rows one file may hold (the largest province's history fits several times). */
export const MAX_IMPORT_ROWS = 50_000;

const PLANNERS: Record<ImportKind, (ctx: ImportContext, rows: SheetRow[]) => Promise<ImportPlan>> = {
  UNITS: planUnits,
  ROSTER: planRoster,
  TRIPS: planTrips,
};

interface JobRow {
  province_id: number;
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  phase: ImportPhase;
  file_name: string;
  percent: number;
  processed_rows: number;
  total_rows: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  problem_count: number;
  problems: ImportProblem[];
  message: string | null;
  created_at: Date;
  finished_at: Date | null;
  heartbeat_at: Date;
  stale: boolean;
}

/** A running import writes its heartbeat this often, even while a long statement keeps it busy. */
const HEARTBEAT_MS = 10_000;
/** After this long without a heartbeat the import's process is gone, and its transaction with it. */
const STALE_AFTER_S = 60;
const INTERRUPTED = 'Việc nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa ghi dữ liệu nào. Hãy tải tệp lên lại.';

// The database's clock decides staleness, as it wrote the heartbeat.
const JOB_COLUMNS = `province_id, id, kind, status, phase, file_name, percent, processed_rows, total_rows, created_count,
  updated_count, skipped_count, problem_count, problems, message, created_at, finished_at, heartbeat_at,
  (status = 'RUNNING' AND heartbeat_at < now() - interval '${STALE_AFTER_S} seconds') AS stale`;

// An interrupted import reads as a system error that wrote nothing, which is what happened.
const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  provinceId: r.province_id,
  kind: r.kind,
  status: r.stale ? ImportStatus.ERROR : r.status,
  phase: r.stale ? ImportPhase.FINISHED : r.phase,
  fileName: r.file_name,
  percent: r.percent,
  processedRows: r.processed_rows,
  totalRows: r.total_rows,
  createdCount: r.created_count,
  updatedCount: r.updated_count,
  skippedCount: r.skipped_count,
  problemCount: r.problem_count,
  problems: r.problems,
  message: r.stale ? INTERRUPTED : r.message,
  createdAt: r.created_at,
  finishedAt: r.stale ? r.heartbeat_at : r.finished_at,
});

export const payloadToJob = (p: ImportProgressPayload): ImportJob => ({
  ...(p as Omit<ImportProgressPayload, 'createdAt' | 'finishedAt'>),
  kind: p.kind as ImportKind,
  status: p.status as ImportStatus,
  phase: p.phase as ImportPhase,
  createdAt: new Date(p.createdAt),
  finishedAt: p.finishedAt ? new Date(p.finishedAt) : null,
});

export async function findImportJob(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  id: string,
): Promise<ImportJob | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = (await manager.query(`SELECT ${JOB_COLUMNS} FROM import_job WHERE id = $1`, [id])) as JobRow[];
  return rows[0] ? toJob(rows[0]) : null;
}

export async function recentImportJobs(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  provinceId: number,
  first: number,
): Promise<ImportJob[]> {
  const rows = (await manager.query(
    `SELECT ${JOB_COLUMNS} FROM import_job WHERE province_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
    [provinceId, first],
  )) as JobRow[];
  return rows.map(toJob);
}

/** Throttled progress: every change is published live; the job row is written a few times a second. */
class Progress {
  job: ImportJob;
  private lastWrite = 0;
  private lastPublish = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly deps: AppDeps,
    readonly userId: string,
    job: ImportJob,
  ) {
    this.job = job;
    this.heartbeat = setInterval(() => this.write(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Stops the heartbeat and waits for progress writes in flight, before the job's final state is written. */
  settled(): Promise<void> {
    clearInterval(this.heartbeat);
    return this.writing;
  }

  update(changes: Partial<ImportJob>, force = false): void {
    Object.assign(this.job, changes);
    const now = Date.now();
    if (force || now - this.lastPublish >= 100) {
      this.lastPublish = now;
      this.publish();
    }
    if (force || now - this.lastWrite >= 300) this.write();
  }

  /** Saves the progress and the heartbeat; writes run one after another. */
  private write(): void {
    this.lastWrite = Date.now();
    const snapshot = { ...this.job };
    this.writing = this.writing.then(() =>
      withScope(this.deps.dataSource, this.userId, this.deps.provinces.records, async (tx) => {
        await tx.manager.query(
          `UPDATE import_job SET phase = $3, percent = $4, processed_rows = $5, total_rows = $6, heartbeat_at = now()
             WHERE province_id = $1 AND id = $2 AND status = 'RUNNING'`,
          [snapshot.provinceId, snapshot.id, snapshot.phase, snapshot.percent, snapshot.processedRows, snapshot.totalRows],
        );
      }).catch((error: unknown) => logger.warn({ err: error }, 'Import progress not saved')),
    );
  }

  publish(): void {
    const j = this.job;
    const payload: ImportProgressPayload = {
      ...j,
      problems: j.status === ImportStatus.RUNNING ? [] : j.problems,
      createdAt: j.createdAt.toISOString(),
      finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
    };
    this.deps.pubsub.publish('IMPORT_PROGRESS', String(j.provinceId), payload);
  }
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Imports run in the API process, one transaction each, after the upload has been answered. The
 * upload waits only for the first header to be checked, so a wrong or corrupt file is refused at once.
 */
export class ImportRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: AppDeps) {}

  async accept(viewer: Viewer, writable: number[], kind: ImportKind, file: { name: string; buffer: Buffer }): Promise<ImportJob> {
    const provinceId = viewer.provinceId;
    if (provinceId === null || !writable.includes(provinceId)) {
      throw forbidden('Tài khoản của bạn chỉ được xem, không được nhập dữ liệu của tỉnh này.');
    }
    assertXlsxSignature(file.buffer);
    const spec = TEMPLATES[kind];
    let bytesRead = 0;
    const reader = readWorkbook(file.buffer, spec, (read) => {
      bytesRead = read;
    });
    const first = await reader.next();
    if (first.done)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Tệp không có dữ liệu.', { reason: TransferErrorCode.FILE_CORRUPT });

    const id = randomUUID();
    const hash = createHash('sha256').update(file.buffer).digest('hex');
    const rows = await withScope(this.deps.dataSource, viewer.id, this.deps.provinces.records, (tx) =>
      tx.manager.query<JobRow[]>(
        `INSERT INTO import_job (province_id, id, kind, file_name, file_hash, file_size, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${JOB_COLUMNS}`,
        [provinceId, id, kind, file.name.slice(0, 255), hash, file.buffer.length, viewer.id],
      ),
    );
    const job = toJob(rows[0]);
    const progress = new Progress(this.deps, viewer.id, { ...job });
    const size = Math.max(file.buffer.length, 1);
    const run = this.run(viewer, kind, reader, progress, () => bytesRead / size).catch((error: unknown) =>
      logger.error({ err: error, jobId: id }, 'Import job failed'),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return job;
  }

  /** Resolves once every import in progress has ended (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async run(
    viewer: Viewer,
    kind: ImportKind,
    reader: AsyncGenerator<ReadEvent>,
    progress: Progress,
    readShare: () => number,
  ): Promise<void> {
    const problems = new Problems();
    const rows: SheetRow[] = [];
    try {
      for await (const event of reader) {
        if (event.type !== 'row' || !event.row) continue;
        rows.push(event.row);
        if (rows.length > MAX_IMPORT_ROWS) {
          throw new AppError(
            ErrorCode.BAD_USER_INPUT,
            `Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi')} dòng; hãy chia thành nhiều tệp.`,
            {
              reason: TransferErrorCode.TOO_MANY_ROWS,
            },
          );
        }
        if (rows.length % 500 === 0) {
          progress.update({ processedRows: rows.length, percent: Math.min(40, Math.floor(readShare() * 40)) });
          await pause();
        }
      }
    } catch (error) {
      const mapped = toAppError(error);
      problems.add({ sheet: '', row: null, column: null, message: mapped.message });
      return this.finish(progress, ImportStatus.INVALID, problems, { created: 0, skipped: 0 });
    }
    progress.update({ phase: ImportPhase.CHECKING, processedRows: 0, totalRows: rows.length, percent: 40 }, true);

    let tx: ScopedTransaction | null = null;
    try {
      tx = await ScopedTransaction.open(this.deps.dataSource, viewer.id, this.deps.provinces.records);
      const provinceId = progress.job.provinceId;
      if (!tx.scope.writable.includes(provinceId)) throw forbidden();
      // One import at a time per province: codes and trip keys are checked against what is committed.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('coso.import'), $1)`, [provinceId]);
      // Tables grow by thousands of rows inside this one transaction: plans cached while they were small
      // (foreign-key checks, trigger functions) would keep scanning them whole, so each is planned afresh.
      await tx.manager.query(`SET LOCAL plan_cache_mode = force_custom_plan`);
      const ctx: ImportContext = {
        manager: tx.manager,
        provinceId,
        userId: viewer.id,
        userName: viewer.fullName,
        today: this.deps.clock.today(),
        provinces: this.deps.provinces,
        problems,
      };
      const plan = await PLANNERS[kind](ctx, rows);
      if (problems.count > 0) {
        await tx.rollback();
        return await this.finish(progress, ImportStatus.INVALID, problems, { created: 0, skipped: 0 });
      }
      progress.update({ phase: ImportPhase.WRITING, percent: 50 }, true);
      let written = 0;
      const toWrite = Math.max(plan.total - plan.skipped, 1);
      const result = await plan.apply(async (n) => {
        written += n;
        progress.update({ processedRows: written, percent: 50 + Math.min(49, Math.floor((written / toWrite) * 50)) });
        await pause();
      });
      const scoped = tx;
      await this.finish(progress, ImportStatus.DONE, problems, result, scoped);
      await scoped.commit();
      for (const [year, cadreIds] of result.touched ?? []) {
        publishScoped(this.deps.pubsub, 'COMPLIANCE_INPUT', provinceId, {
          provinceId,
          year,
          cadreIds: [...cadreIds],
          origin: this.deps.instanceId,
        });
      }
      progress.publish();
    } catch (error) {
      await tx?.rollback();
      const mapped = toAppError(error);
      // The file's fault (a refused row, a duplicate, another province's data) or the system's (the
      // database unreachable or too slow, a bug): only the first is "fix the file and upload it again".
      const code = mapped.extensions.code;
      const fileProblem = code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.CONFLICT || code === ErrorCode.FORBIDDEN;
      const status = fileProblem ? ImportStatus.INVALID : ImportStatus.ERROR;
      await this.finish(progress, status, problems, { created: 0, skipped: 0 }, null, mapped.message);
    }
  }

  /**
   * Writes the job's outcome: inside the import's own transaction when it succeeded (so the data and
   * "done" commit together), else in a transaction of its own.
   */
  private async finish(
    progress: Progress,
    status: ImportStatus,
    problems: Problems,
    result: { created: number; updated?: number; skipped: number },
    tx: ScopedTransaction | null = null,
    message: string | null = null,
  ): Promise<void> {
    await progress.settled();
    const finishedAt = new Date();
    const defaultMessage =
      status === ImportStatus.DONE
        ? `Đã nhập ${result.created} bản ghi mới, cập nhật ${result.updated ?? 0}, giữ nguyên ${result.skipped} dòng đã có.`
        : status === ImportStatus.INVALID
          ? `Tệp có ${problems.count} lỗi; chưa ghi dữ liệu nào. Hãy sửa và tải lên lại.`
          : 'Đã xảy ra lỗi hệ thống; chưa ghi dữ liệu nào. Vui lòng thử lại sau.';
    Object.assign(progress.job, {
      status,
      phase: ImportPhase.FINISHED,
      percent: 100,
      createdCount: result.created,
      updatedCount: result.updated ?? 0,
      skippedCount: result.skipped,
      problemCount: problems.count,
      problems: problems.list,
      message: message ?? defaultMessage,
      finishedAt,
    });
    const j = progress.job;
    const write = async (manager: ScopedTransaction['manager']): Promise<void> =>
      manager.query(
        `UPDATE import_job SET status = $3, phase = $4, percent = 100, created_count = $5, skipped_count = $6,
           problem_count = $7, problems = $8::jsonb, message = $9, finished_at = $10, total_rows = $11, updated_count = $12
         WHERE province_id = $1 AND id = $2`,
        [
          j.provinceId,
          j.id,
          status,
          j.phase,
          j.createdCount,
          j.skippedCount,
          j.problemCount,
          JSON.stringify(j.problems),
          j.message,
          finishedAt,
          j.totalRows,
          j.updatedCount,
        ],
      );
    if (tx) {
      await write(tx.manager);
      return;
    }
    await withScope(this.deps.dataSource, progress.userId, this.deps.provinces.records, (t) => write(t.manager));
    progress.publish();
  }
}
