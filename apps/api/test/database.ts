import { Client } from 'pg';
import { logger } from '../src/shared/logger';
import { ensureDatabase, migrate, type DatabaseConfig } from '../src/db/database';

export const TEST_APP_USER = 'coso_app_test';
export const TEST_APP_PASSWORD = 'coso_app_test_pw';

export const dbUrl = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export function testDbConfig(ownerUrl: string, poolSize = 4): DatabaseConfig {
  return {
    ownerUrl,
    appUser: TEST_APP_USER,
    appPassword: TEST_APP_PASSWORD,
    poolSize,
    connectTimeoutMs: 5000,
    statementTimeoutMs: 15000,
  };
}

/** This run's template database (set by the global setup). */
export const templateDb = (): string => process.env.TEST_TEMPLATE_DB ?? 'coso_test_template';

/** A fresh, migrated template; each test file clones it into a database of its own. */
export async function prepareTemplate(adminUrl: string, name: string): Promise<void> {
  await dropDatabase(adminUrl, name);
  const templateUrl = await ensureDatabase(adminUrl, name);
  await migrate(testDbConfig(templateUrl), logger);
}

export async function cloneTemplate(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  return dbUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
