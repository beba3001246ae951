import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';

/**
 * TypeORM's log lines go to pino; every statement also goes to `onQuery`, which is how a test counts
 * the statements a request costs (and how metrics can, later).
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(
    private readonly pino: Logger,
    private readonly onQuery?: (sql: string) => void,
  ) {}

  logQuery(query: string): void {
    this.onQuery?.(query);
    this.pino.trace({ sql: query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    this.pino.debug({ err: error, sql: query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, sql: query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }

  logMigration(message: string): void {
    this.pino.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ typeorm: message });
    else this.pino.debug({ typeorm: message });
  }
}
