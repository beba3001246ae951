import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');
const MODULES = path.join(SRC, 'modules');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(at);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [at] : [];
  });
}

/** The modules a file imports from, by folder name (type-only imports included). */
function importedModules(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/from '([^']+)'/g)]
    .map((m) => path.resolve(path.dirname(file), m[1]))
    .filter((target) => target.startsWith(MODULES + path.sep))
    .map((target) => path.relative(MODULES, target).split(path.sep)[0]);
}

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of fs.readdirSync(MODULES)) {
    const uses = new Set(sourceFiles(path.join(MODULES, module)).flatMap(importedModules));
    uses.delete(module);
    graph.set(module, uses);
  }
  return graph;
}

/** The first import cycle between modules, as the path that closes it; null when the graph has none. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (module: string, trail: string[]): string[] | null => {
    if (trail.includes(module)) return [...trail.slice(trail.indexOf(module)), module];
    if (done.has(module)) return null;
    for (const next of graph.get(module) ?? []) {
      const cycle = visit(next, [...trail, module]);
      if (cycle) return cycle;
    }
    done.add(module);
    return null;
  };
  for (const module of graph.keys()) {
    const cycle = visit(module, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the modules depend one way', () => {
  it('no two modules import each other, directly or around a loop', () => {
    expect(findCycle(moduleGraph())).toBeNull();
  });

  it('tenancy imports no feature module', () => {
    expect([...(moduleGraph().get('tenancy') ?? [])]).toEqual([]);
  });

  it('shared imports no module', () => {
    const offenders = sourceFiles(path.join(SRC, 'shared')).filter((file) => importedModules(file).length > 0);
    expect(offenders.map((file) => path.relative(SRC, file))).toEqual([]);
  });
});
