import { defineReasons } from '../../shared/errors';

/** Why a change to the annual report was refused. */
export const ReportErrorCode = defineReasons('REPORT_FINAL', 'VERSION_MISMATCH');
