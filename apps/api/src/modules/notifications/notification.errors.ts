import { defineReasons } from '../../shared/errors';

/** Why a notification operation was refused; they travel as `extensions.reason`. */
export const NotificationErrorCode = defineReasons('NOTIFICATION_NOT_FOUND');
