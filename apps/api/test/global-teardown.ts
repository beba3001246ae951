import fs from 'node:fs';
import type { EmbeddedDatabase } from '../src/db/embedded';
import { dropDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const server = (
    globalThis as { __testServer?: { embedded?: EmbeddedDatabase; dataDir?: string; adminUrl: string; template: string } }
  ).__testServer;
  if (!server) return;
  if (server.embedded) {
    await server.embedded.stop();
    if (server.dataDir) fs.rmSync(server.dataDir, { recursive: true, force: true });
  } else {
    await dropDatabase(server.adminUrl, server.template);
  }
}
