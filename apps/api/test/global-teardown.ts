import type { EmbeddedDatabase } from '../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embedded?: EmbeddedDatabase }).__embedded;
  await embedded?.stop();
}
