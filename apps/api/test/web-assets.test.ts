import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestProduct, type TestProduct } from './harness';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  raw: Buffer;
}

/** A GET with exactly the headers given (fetch would add and undo its own Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const INDEX =
  '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `export const greeting = ${JSON.stringify('Xin chào '.repeat(200))};\n`;
const STYLE = `.app { color: #0054a6; }\n`.repeat(50);

/** A build as `vite build` leaves it: hashed assets with .br/.gz copies, and a stray source map. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-web-'));
  const write = (name: string, body: string, compressed = true) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
    if (!compressed) return;
    fs.writeFileSync(`${file}.br`, brotliCompressSync(body));
    fs.writeFileSync(`${file}.gz`, gzipSync(body));
  };
  write('index.html', INDEX);
  write('assets/index-Ab12Cd34.js', SCRIPT);
  write('assets/index-Ef56Gh78.css', STYLE);
  write('assets/index-Ab12Cd34.js.map', '{"version":3,"sources":["src/secret.ts"]}', false);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  return dir;
}

describe('the built web app as the API serves it', () => {
  let product: TestProduct;
  let webDist: string;

  beforeAll(async () => {
    webDist = fakeBuild();
    product = await startTestProduct({ env: { WEB_DIST: webDist } });
  });
  afterAll(async () => {
    await product.stop();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, even when gzip comes first in its list', async () => {
    const answer = await get(`${product.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(answer.raw).toString()).toBe(SCRIPT);
    expect(Number(answer.headers['content-length'])).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it('sends gzip to a client without brotli, and follows the q-values it gives', async () => {
    const gzipOnly = await get(`${product.url}/assets/index-Ef56Gh78.css`, { 'accept-encoding': 'gzip' });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gzipOnly.headers['content-type']).toMatch(/^text\/css/);
    expect(gunzipSync(gzipOnly.raw).toString()).toBe(STYLE);

    const weighted = await get(`${product.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br;q=0.5, gzip;q=0.8' });
    expect(weighted.headers['content-encoding']).toBe('gzip');
  });

  it('sends the plain file when the request names no encoding', async () => {
    const answer = await get(`${product.url}/assets/index-Ab12Cd34.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.raw.toString()).toBe(SCRIPT);

    const refused = await get(`${product.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'identity, br;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.raw.toString()).toBe(SCRIPT);
  });

  it('lets browsers keep hashed assets for a year and makes them revalidate the page itself', async () => {
    const asset = await get(`${product.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const page of ['/', '/index.html', '/trips/mine', '/organisation/roster?tab=2']) {
      const answer = await get(`${product.url}${page}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect([page, answer.status, answer.headers['cache-control']]).toEqual([page, 200, 'no-cache']);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(answer.raw).toString()).toBe(INDEX);
    }

    const icon = await get(`${product.url}/favicon.svg`, { 'accept-encoding': 'br' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).not.toMatch(/immutable/);
  });

  it('never sends a source map, nor the compressed copies as files of their own', async () => {
    for (const file of ['/assets/index-Ab12Cd34.js.map', '/assets/index-Ab12Cd34.js.br', '/index.html.gz']) {
      const answer = await get(`${product.url}${file}`);
      expect([file, answer.status]).toEqual([file, 404]);
      expect(answer.raw.toString()).not.toContain('secret.ts');
      expect(answer.raw.toString()).not.toContain('<div id="root">');
    }
  });

  it('answers a chunk of a previous build with 404, not with the page', async () => {
    const answer = await get(`${product.url}/assets/TripsPage-Old00000.js`, { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).not.toMatch(/text\/html/);
    expect(answer.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });
});
