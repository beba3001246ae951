import { Query, Resolver, registerEnumType } from 'type-graphql';
import { Public } from './shared/access';
import { RequestReason, type ErrorReason as Reason } from './shared/errors';
import { AccountErrorCode } from './modules/accounts/account.errors';
import { ComplianceErrorCode } from './modules/compliance/compliance.errors';
import { FindingErrorCode } from './modules/findings/finding.errors';
import { InspectionErrorCode } from './modules/inspections/inspection.errors';
import { NotificationErrorCode } from './modules/notifications/notification.errors';
import { PlanningErrorCode } from './modules/planning/planning.errors';
import { ReportErrorCode } from './modules/reports/report.errors';
import { RosterErrorCode } from './modules/roster/roster.errors';
import { RulesErrorCode } from './modules/rules/rules.errors';
import { TransferErrorCode } from './modules/transfer/transfer.errors';
import { TripErrorCode } from './modules/trips/trip.errors';
import { UnitErrorCode } from './modules/units/unit.errors';

/** Every module's declared reasons (its `<module>.errors.ts`), and the request's own (shared/errors.ts). */
export const REASON_SOURCES: ReadonlyArray<Readonly<Record<string, Reason>>> = [
  RequestReason,
  AccountErrorCode,
  ComplianceErrorCode,
  FindingErrorCode,
  InspectionErrorCode,
  NotificationErrorCode,
  PlanningErrorCode,
  ReportErrorCode,
  RosterErrorCode,
  RulesErrorCode,
  TransferErrorCode,
  TripErrorCode,
  UnitErrorCode,
];

/**
 * One enum of every `extensions.reason` the API sends. A reason several modules share (VERSION_MISMATCH)
 * is one member: it means the same thing wherever it comes from.
 */
export const ErrorReason: Readonly<Record<string, Reason>> = Object.freeze(
  Object.fromEntries(
    REASON_SOURCES.flatMap((source) => Object.values(source))
      .sort()
      .map((reason) => [reason, reason]),
  ),
);

registerEnumType(ErrorReason, {
  name: 'ErrorReason',
  description:
    'Lý do một thao tác bị từ chối (extensions.reason), bên cạnh mã chung (extensions.code); message là lời giải thích tiếng Việt',
});

@Resolver()
export class ErrorReasonResolver {
  @Public()
  @Query(() => [ErrorReason], {
    description: 'Danh mục mọi lý do lỗi API có thể trả về trong extensions.reason (để ứng dụng dịch lời báo lỗi)',
  })
  errorReasons(): Reason[] {
    return Object.values(ErrorReason);
  }
}
