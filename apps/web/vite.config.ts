import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const apiProxy: Record<string, ProxyOptions> = {
  '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: true },
  '/files': { target: 'http://127.0.0.1:4000', changeOrigin: true },
  '/calendar': { target: 'http://127.0.0.1:4000', changeOrigin: true },
};

// Vite requires a default export for its config.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: { outDir: 'dist', sourcemap: true },
});
