import { defineReasons } from '../../shared/errors';

/** Why the unit tree refused a change. */
export const UnitErrorCode = defineReasons('UNIT_PARENT_INVALID', 'UNIT_VALIDITY_INVALID', 'VERSION_MISMATCH');
