import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { SCHEMA_FILE } from '../src/schema';
import { RequestReason } from '../src/shared/errors';

const SRC = path.resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(at);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [at] : [];
  });
}

const errorsFiles = sourceFiles(path.join(SRC, 'modules')).filter((file) => file.endsWith('.errors.ts'));

/** Every reason the modules declare, read from their `*.errors.ts` files themselves. */
async function declaredReasons(): Promise<string[]> {
  const modules = await Promise.all(errorsFiles.map((file) => import(file) as Promise<Record<string, Record<string, string>>>));
  const fromModules = modules.flatMap((exports) => Object.values(exports).flatMap((reasons) => Object.values(reasons)));
  return [...new Set([...Object.values(RequestReason), ...fromModules])].sort();
}

describe('the reasons an error can give', () => {
  it('are declared by the modules that refuse', () => {
    const modules = new Set(errorsFiles.map((file) => path.basename(path.dirname(file))));
    for (const module of [
      'accounts',
      'compliance',
      'findings',
      'inspections',
      'planning',
      'reports',
      'roster',
      'rules',
      'transfer',
      'trips',
      'units',
    ]) {
      expect({ module, declares: modules.has(module) }).toEqual({ module, declares: true });
    }
  });

  it('are all published in the schema as the ErrorReason enum, and nothing else is', async () => {
    const type = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8')).getType('ErrorReason');
    if (!isEnumType(type)) throw new Error('schema.graphql has no enum ErrorReason');
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(await declaredReasons());
  });

  it('are never written as bare strings outside the *.errors.ts files', () => {
    const bare = /reason:\s*['"`]|\b(?:badInput|conflict)\([^;]*?,\s*['"`][A-Z][A-Z_]+['"`]\s*\)/;
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.endsWith('.errors.ts'))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${path.relative(SRC, file)}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => bare.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
