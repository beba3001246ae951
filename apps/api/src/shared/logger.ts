import pino from 'pino';
import { env } from '../env';

export const logger = pino({
  level: env.NODE_ENV === 'test' && !process.env.LOG_LEVEL ? 'silent' : env.LOG_LEVEL,
  base: { service: 'coso-api' },
  redact: ['req.headers.authorization', 'password', '*.password'],
});
export type { Logger } from 'pino';
