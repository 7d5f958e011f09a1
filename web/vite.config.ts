import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const API = process.env.NIMBUS_API_URL ?? 'http://127.0.0.1:3000';

/** A browser navigating to a page gets the app; fetches and API clients get the API. */
function pageOrApi(req: IncomingMessage): string | undefined {
  const accept = req.headers.accept ?? '';
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (req.method === 'GET' && accept.includes('text/html') && !path.endsWith('.json')) return '/index.html';
  return undefined;
}

const api: ProxyOptions = { target: API, changeOrigin: false };
const apiOrPage: ProxyOptions = { ...api, bypass: pageOrApi };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under /assets are served with a year-long immutable cache.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      '/forms': api,
      '/openapi.json': api,
      '/docs': api,
      '/healthz': api,
      '/readyz': api,
      '/socket.io': { ...api, ws: true },
      // account.json, apikeys.json, welcome.json…
      '^/[^/]+\\.json$': api,
      // Team routes: /{teamId}/…; a browser opening /{teamId}/apps gets the app instead.
      '^/[a-f0-9]{24}/': apiOrPage,
      '^/s/[a-f0-9]{24}/': apiOrPage,
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
