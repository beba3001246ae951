import { defineReasons } from '../../shared/errors';

/** Why a good model, a recommendation or a host's feedback was refused. */
export const FindingErrorCode = defineReasons('VERSION_MISMATCH', 'INVALID_TRANSITION', 'FEEDBACK_EXISTS');
