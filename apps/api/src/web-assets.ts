import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { logger } from './shared/logger';

/** Vite names every file under /assets/ after its content: a new build gets new names. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the files of public/ keep their names across builds: the browser checks first. */
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

/** Precompressed beside each compressible file by the web build; preferred in this order. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** Every path a client may load: the files of the build, minus compressed copies and source maps. */
interface WebFile {
  /** Relative to the build's folder, as sendFile's `root` expects. */
  file: string;
  encodings: ReadonlySet<Encoding>;
}

/** The paths of the API itself, which the app's fallback page must never answer. */
const API_PATHS = /^\/(graphql|healthz|readyz|metrics|files|calendar)(\/|$)/;

/**
 * Serves the built web app: precompressed files negotiated on Accept-Encoding, hashed assets cached
 * for a year, index.html revalidated on every visit (a redeploy reaches users on their next load),
 * and source maps never sent.
 */
export function serveWebApp(app: express.Express, webDist: string): void {
  const index = { file: 'index.html', encodings: new Set<Encoding>() };
  if (!fs.existsSync(path.join(webDist, index.file))) {
    logger.warn({ webDist }, 'Web app not built: only the API is served');
    return;
  }
  // The build is read once at start: a path outside it is never looked up on disk.
  const files = scanBuild(webDist);

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const found = files.get(req.path);
    if (found) {
      const cacheControl = req.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : found.file.endsWith('.html') ? REVALIDATE : SHORT;
      return send(webDist, req, res, next, found, cacheControl);
    }
    if (API_PATHS.test(req.path)) return next();
    // An old page asking for a chunk of a previous build, a source map, any file not in the build: a
    // plain 404, so the app shows its "could not load this page" message instead of running
    // index.html as a script.
    if (req.path.startsWith(HASHED_ASSETS) || path.posix.extname(req.path)) return notFound(res);
    // Any other address is a page of the single-page app.
    send(webDist, req, res, next, files.get('/index.html') ?? index, REVALIDATE);
  });
}

function send(
  root: string,
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
  found: WebFile,
  cacheControl: string,
): void {
  const encoding = negotiate(req.headers['accept-encoding'], found.encodings);
  const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
  if (found.encodings.size > 0) res.vary('Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  // The type of the original file, not of its .br/.gz copy (send keeps a Content-Type already set).
  res.type(path.extname(found.file));
  res.setHeader('Cache-Control', cacheControl);
  res.sendFile(found.file + suffix, { root, cacheControl: false }, (error?: NodeJS.ErrnoException) => {
    if (!error || res.headersSent) return;
    // Removed from disk since the start (a deploy in place): as if it had never been there.
    if (error.code === 'ENOENT') return notFound(res);
    next(error);
  });
}

function notFound(res: express.Response): void {
  res.removeHeader('Content-Encoding');
  res.setHeader('Cache-Control', 'no-store');
  res.status(404).type('txt').send('Not found');
}

/**
 * The client's preferred encoding among those on disk: the highest q-value wins and, at equal
 * weight, brotli before gzip (browsers list gzip first but decode brotli faster and smaller).
 * No Accept-Encoding header at all gets the plain file.
 */
export function negotiate(header: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  if (!header || available.size === 0) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const { name } of ENCODINGS) {
    const weight = weights.get(name) ?? weights.get('*') ?? 0;
    if (available.has(name) && weight > bestWeight) {
      best = name;
      bestWeight = weight;
    }
  }
  return best;
}

function scanBuild(root: string): Map<string, WebFile> {
  const all = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile()) all.add(relative);
    }
  };
  walk('');
  const files = new Map<string, WebFile>();
  for (const file of all) {
    if (file.endsWith('.map') || ENCODINGS.some((e) => file.endsWith(e.suffix))) continue;
    const encodings = new Set(ENCODINGS.filter((e) => all.has(file + e.suffix)).map((e) => e.name));
    files.set('/' + file.split(path.sep).join('/'), { file, encodings });
  }
  return files;
}
