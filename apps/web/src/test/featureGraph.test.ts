import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..');
const FEATURES = path.join(SRC, 'features');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(at);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [at] : [];
  });
}

/** The source file an import names, or null for a package or a stylesheet. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  return [base, ...EXTENSIONS.map((ext) => base + ext)].find((file) => /\.tsx?$/.test(file) && fs.existsSync(file)) ?? null;
}

/** What each feature file imports when it loads (dynamic `import()` of a lazy page is not a load-time edge). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(FEATURES)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)]
      .map((m) => resolve(file, m[1]))
      .filter((target): target is string => target !== null && target.startsWith(FEATURES + path.sep));
    graph.set(file, targets);
  }
  return graph;
}

/** The first import cycle, as the path of files that closes it; null when there is none. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): string[] | null => {
    if (trail.includes(file)) return [...trail.slice(trail.indexOf(file)), file];
    if (done.has(file)) return null;
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next, [...trail, file]);
      if (cycle) return cycle;
    }
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file, []);
    if (cycle) return cycle.map((f) => path.relative(SRC, f));
  }
  return null;
}

describe('the web features', () => {
  it('import each other without a cycle, through their index files included', () => {
    expect(findCycle(importGraph())).toBeNull();
  });

  it('reach into another feature only through its index.ts', () => {
    const deep: string[] = [];
    for (const [file, targets] of importGraph()) {
      const own = path.relative(FEATURES, file).split(path.sep)[0];
      for (const target of targets) {
        const [feature, ...rest] = path.relative(FEATURES, target).split(path.sep);
        if (feature !== own && rest.join('/') !== 'index.ts')
          deep.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(deep).toEqual([]);
  });
});
