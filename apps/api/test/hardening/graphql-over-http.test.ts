import fs from 'node:fs';
import path from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestProduct, type TestProduct } from '../harness';

const DOC = path.resolve(__dirname, '../../../../docs/graphql-over-http.md');

/** The SHOULD table of the conformance doc: audit id → 'pass' | 'fail'. */
function documentedShoulds(): Map<string, string> {
  const rows = fs
    .readFileSync(DOC, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*([0-9A-Z]{4})\s*\|\s*SHOULD .*?\|\s*(pass|fail)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  return new Map(rows.map((m) => [m[1], m[2]]));
}

async function describeFailure(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return '';
  return `${result.reason}: ${result.response.status} ${(await result.response.text()).slice(0, 500)}`;
}

describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  let product: TestProduct;
  const results = new Map<string, AuditResult>();

  beforeAll(async () => {
    product = await startTestProduct();
    // One after another: the audits' requests stay well inside the test pool.
    for (const audit of serverAudits({ url: `${product.url}/graphql` })) {
      results.set(audit.id, await audit.fn());
    }
  });
  afterAll(() => product.stop());

  it('passes every MUST audit', async () => {
    const musts = [...results.values()].filter((r) => r.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failed = await Promise.all(
      musts.filter((r) => r.status !== 'ok').map(async (r) => `${r.id} ${r.name}: ${await describeFailure(r)}`),
    );
    expect(failed).toEqual([]);
  });

  it('behaves on every SHOULD audit as docs/graphql-over-http.md says', () => {
    const actual = new Map(
      [...results.values()].filter((r) => r.name.startsWith('SHOULD')).map((r) => [r.id, r.status === 'ok' ? 'pass' : 'fail']),
    );
    expect(Object.fromEntries(documentedShoulds())).toEqual(Object.fromEntries(actual));
  });

  it('releases the connection of a request refused before execution (more such requests than the pool holds)', async () => {
    const pool = 4;
    for (let i = 0; i < pool * 3; i += 1) {
      const res = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(i % 2 ? { variables: {} } : { query: { not: 'a string' } }),
      });
      expect(res.status).toBe(400);
      await res.text();
    }
    const after = await product.gql('{ provinces { code } }');
    expect(after.errors).toBeUndefined();
    expect(after.status).toBe(200);
  });

  it('keeps CSRF prevention: a simple-content-type POST is refused and runs nothing', async () => {
    const res = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/"provinces"/);
  });
});
