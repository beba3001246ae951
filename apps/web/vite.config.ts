import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const apiProxy: Record<string, ProxyOptions> = {
  '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: true },
  '/files': { target: 'http://127.0.0.1:4000', changeOrigin: true },
  '/calendar': { target: 'http://127.0.0.1:4000', changeOrigin: true },
};

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * After the build: a brotli and a gzip copy beside each compressible file, which the API sends to the
 * browsers that accept them (a third of the bytes, nothing compressed per request); and the source
 * maps moved out of the served folder into dist-sourcemaps/, kept for reading a reported stack.
 * Node's zlib does this in a few lines, so the build needs no compression plugin.
 */
function productionAssets(): Plugin {
  let outDir = '';
  return {
    name: 'coso:production-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const mapsDir = path.join(path.dirname(outDir), `${path.basename(outDir)}-sourcemaps`);
      await rm(mapsDir, { recursive: true, force: true });
      const files = await readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        files
          .filter((entry) => entry.isFile())
          .map(async (entry) => {
            const file = path.join(entry.parentPath, entry.name);
            if (file.endsWith('.map')) {
              const target = path.join(mapsDir, path.relative(outDir, file));
              await mkdir(path.dirname(target), { recursive: true });
              await rename(file, target);
            } else if (COMPRESSIBLE.test(file)) {
              await writeCompressed(file, await readFile(file));
            }
          }),
      );
    },
  };
}

async function writeCompressed(file: string, body: Buffer): Promise<void> {
  const [br, gz] = await Promise.all([
    promisify(brotliCompress)(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    promisify(gzip)(body, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  // A copy no smaller than the file is left out: the server then sends the file itself.
  if (br.length < body.length) await writeFile(`${file}.br`, br);
  if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
}

// Vite requires a default export for its config.
export default defineConfig({
  plugins: [react(), productionAssets()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  // Maps without the comment that points browsers at them: they stay on the build machine.
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
