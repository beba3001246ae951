import { logger } from '../../src/shared/logger';

/**
 * What the API logged while a test ran, read through the process's own logger (the harness's API logs
 * there): statements PostgreSQL refused (TypeORM's "query failed") and unexpected errors (500s).
 */
export function watchLogs() {
  const debug = jest.spyOn(logger, 'debug');
  const error = jest.spyOn(logger, 'error');
  const messages = (spy: jest.SpyInstance): string[] =>
    spy.mock.calls.map((args: unknown[]) => {
      const [first, second] = args as [{ err?: unknown; sql?: string } | string, string | undefined];
      if (typeof first === 'string') return first;
      const err = first.err instanceof Error ? first.err.message : JSON.stringify(first.err ?? '');
      return `${second ?? ''}: ${err} ${first.sql ?? ''}`.trim();
    });
  return {
    /** SQL that reached PostgreSQL and failed there. */
    sqlErrors: (): string[] => messages(debug).filter((m) => m.startsWith('query failed')),
    /** Errors the API did not expect (each one answered INTERNAL_SERVER_ERROR). */
    unexpected: (): string[] => messages(error),
    clear: (): void => {
      debug.mockClear();
      error.mockClear();
    },
    restore: (): void => {
      debug.mockRestore();
      error.mockRestore();
    },
  };
}
