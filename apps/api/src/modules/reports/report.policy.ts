import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { AppError, ErrorCode, forbidden, notFound } from '../../shared/errors';
import { ALLOWED, allows, firstRefusal, refuse, type Verdict } from '../../shared/policy';
import type { Scope, Viewer } from '../tenancy/tenancy';
import { ReportStatus } from './report.entity';
import { ReportErrorCode } from './report.errors';

const { CENTRAL, PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE } = Role;

/** Who may call each report operation at all: the resolvers' @Access sets (and the file routes'), narrowed per report below. */
export const REPORT_ROLES: Record<'read' | 'write' | 'central', readonly Role[]> = {
  read: [CENTRAL, PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE],
  /** The organisation department and the standing board draft and issue their province's report. */
  write: [PROVINCE_ADMIN, STANDING_BOARD],
  /** The report of every province side by side. */
  central: [CENTRAL],
};

/** Who asks: the viewer and the provinces the request reads and writes. */
export interface ReportPolicyActor {
  viewer: Viewer | null;
  scope: Pick<Scope, 'readable' | 'writable'>;
}

export type ReportFacts = { provinceId: number; status: ReportStatus };

const notWriter = refuse(
  () =>
    new AppError(ErrorCode.FORBIDDEN, 'Chỉ Ban Tổ chức, Thường trực của tỉnh mới được soạn, ban hành báo cáo này.', {
      field: 'provinceId',
    }),
);

/** The viewer's own province, which they write to (a merged province's history and central users read only). */
function writesReportOf(actor: ReportPolicyActor, provinceId: number): Verdict {
  const { viewer, scope } = actor;
  const writer =
    !!viewer &&
    REPORT_ROLES.write.includes(viewer.role) &&
    viewer.provinceId === provinceId &&
    scope.writable.includes(provinceId);
  return writer ? ALLOWED : notWriter;
}

/** An issued report keeps its text and figures as issued. */
const draft = (report: ReportFacts): Verdict =>
  report.status === ReportStatus.DRAFT
    ? ALLOWED
    : refuse(
        () =>
          new AppError(ErrorCode.CONFLICT, 'Báo cáo đã được ban hành, không thể sửa nữa.', {
            reason: ReportErrorCode.REPORT_FINAL,
            field: 'version',
          }),
      );

/** Writing the narrative of the province's draft (saveReportNarrative). */
export const mayEditReport = (actor: ReportPolicyActor, report: ReportFacts): Promise<Verdict> =>
  firstRefusal(
    () => writesReportOf(actor, report.provinceId),
    () => draft(report),
  );

/** Issuing the draft under a number, which freezes its figures (finalizeReport). */
export const mayFinalizeReport = (actor: ReportPolicyActor, report: ReportFacts): Promise<Verdict> =>
  firstRefusal(
    () => writesReportOf(actor, report.provinceId),
    () => draft(report),
  );

/** The report's DOCX and XLSX files: anyone who reads the province's report (its successor's users included). */
export const mayDownloadReport = (actor: ReportPolicyActor, report: Pick<ReportFacts, 'provinceId'>): Promise<Verdict> =>
  firstRefusal(
    () => (actor.viewer && REPORT_ROLES.read.includes(actor.viewer.role) ? ALLOWED : refuse(() => forbidden())),
    () => (actor.scope.readable.includes(report.provinceId) ? ALLOWED : refuse(() => notFound('Báo cáo'))),
  );

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với báo cáo năm lúc này (cùng quy tắc các thao tác áp dụng)' })
export class ReportPermissions {
  @Field({ description: 'Soạn phần lời văn (saveReportNarrative)' })
  edit: boolean;

  @Field({ description: 'Ban hành với số văn bản (finalizeReport)' })
  finalize: boolean;

  @Field({ description: 'Tải tệp DOCX, XLSX (/files/reports/…)' })
  download: boolean;
}

export async function reportPermissions(actor: ReportPolicyActor, report: ReportFacts): Promise<ReportPermissions> {
  const [edit, finalize, download] = await Promise.all(
    [mayEditReport, mayFinalizeReport, mayDownloadReport].map((policy) => allows(policy(actor, report))),
  );
  return { edit, finalize, download };
}
