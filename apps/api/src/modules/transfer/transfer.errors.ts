import { defineReasons } from '../../shared/errors';

/** Why an uploaded file or an export was refused. */
export const TransferErrorCode = defineReasons(
  'FILE_CORRUPT',
  'WRONG_TEMPLATE',
  'FILE_TOO_LARGE',
  'FILE_MISSING',
  'TOO_MANY_ROWS',
  'UNKNOWN_LIST',
);
