import 'reflect-metadata';
import path from 'node:path';
import { logger } from '../src/shared/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
import { prepareTemplate } from './database';

const repoRoot = path.resolve(__dirname, '../../..');

/** The PostgreSQL server tests run on: TEST_DATABASE_URL's, or an embedded one of their own. */
export async function testServer(): Promise<{ adminUrl: string; embedded?: EmbeddedDatabase }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { adminUrl: url };
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330);
  const embedded = await startEmbeddedPostgres(path.join(repoRoot, '.data/postgres-test'), port, logger);
  return { adminUrl: embedded.adminUrl, embedded };
}

export default async function globalSetup(): Promise<void> {
  const { adminUrl, embedded } = await testServer();
  await prepareTemplate(adminUrl);
  process.env.TEST_ADMIN_URL = adminUrl;
  (globalThis as { __embedded?: unknown }).__embedded = embedded;
}
