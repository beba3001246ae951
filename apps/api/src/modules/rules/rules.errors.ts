import { defineReasons } from '../../shared/errors';

/** Why a year's rules were refused. */
export const RulesErrorCode = defineReasons('WINDOW_OUTSIDE_YEAR', 'DATES_INVERTED', 'VERSION_MISMATCH');
