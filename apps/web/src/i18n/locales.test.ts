import fs from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every string of a locale file by its dotted key; English plural forms count as their base key. */
function strings(tree: Tree, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') {
      strings(value, at, out);
      continue;
    }
    const base = at.replace(PLURAL, '');
    out.set(base, [...(out.get(base) ?? []), value]);
  }
  return out;
}

const variables = (texts: string[]): string[] =>
  [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1])))].filter((v) => v !== 'count').sort();

const dir = __dirname;
const pairs = fs
  .readdirSync(dir)
  .filter((f) => /(^|\.)vi\.json$/.test(f))
  .map((vi) => [vi, vi.replace(/vi\.json$/, 'en.json')] as const);
const read = (file: string) => strings(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree);

describe('the Vietnamese and English texts', () => {
  it('come in pairs of files', () => {
    expect(pairs.length).toBeGreaterThan(3);
    for (const [, en] of pairs) expect(fs.existsSync(path.join(dir, en))).toBe(true);
  });

  it.each(pairs)('%s and %s say the same things, with the same placeholders', (viFile, enFile) => {
    const vi = read(viFile);
    const en = read(enFile);
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, texts] of vi) {
      expect({ key, placeholders: variables(en.get(key) ?? []) }).toEqual({ key, placeholders: variables(texts) });
    }
  });
});
