import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logger } from '../src/shared/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
import { prepareTemplate } from './database';
import { freePort } from './ports';

/**
 * The PostgreSQL server tests run on: TEST_DATABASE_URL's, or a fresh embedded cluster of this run's
 * own (in the system temp folder, which the `postgres` user can reach when tests run as root).
 */
async function testServer(): Promise<{ adminUrl: string; embedded?: EmbeddedDatabase; dataDir?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { adminUrl: url };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-test-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres(path.join(dataDir, 'cluster'), await freePort(), logger);
  return { adminUrl: embedded.adminUrl, embedded, dataDir };
}

export default async function globalSetup(): Promise<void> {
  const { adminUrl, embedded, dataDir } = await testServer();
  const template = `coso_test_template_${process.pid}`;
  await prepareTemplate(adminUrl, template);
  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
  Object.assign(globalThis, { __testServer: { embedded, dataDir, adminUrl, template } });
}
