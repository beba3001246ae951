import { defineReasons } from '../../shared/errors';

/** Why sign-in or the accounts the organisation department makes were refused. */
export const AccountErrorCode = defineReasons(
  'USERNAME_TAKEN',
  'CANNOT_DEACTIVATE_SELF',
  // Too many failed sign-ins from one address or for one name: `retryAfterSeconds` says when to try again.
  'SIGN_IN_THROTTLED',
);
