import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, loadEnv } from 'vite';

// ngrok's shared domains (the free, paid and legacy ones); a leading dot allows every subdomain.
const NGROK_HOSTS = ['.ngrok-free.app', '.ngrok.app', '.ngrok.io', '.ngrok-free.dev'];

/** The host name in NGROK_DOMAIN (normally bare, `my-name.ngrok-free.app`; a URL works too). */
function hostOf(domain: string | undefined): string[] {
  if (!domain?.trim()) return [];
  try {
    return [new URL(domain.includes('://') ? domain : `https://${domain.trim()}`).hostname];
  } catch {
    return [];
  }
}

// Ports come from the repo-root .env shared by every workspace (defaults as in .env.example).
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, path.resolve(import.meta.dirname, '..'), ''), ...process.env };
  const backendPort = Number(env.PORT ?? 4000);
  return {
    plugins: [react()],
    server: {
      port: Number(env.FRONTEND_PORT ?? 5173),
      strictPort: true,
      // Through `npm run tunnel -- --port 5173` requests carry the tunnel's Host header, which
      // Vite answers with "Blocked request. This host is not allowed" unless it is listed here.
      allowedHosts: [...NGROK_HOSTS, ...hostOf(env.NGROK_DOMAIN)],
      proxy: { '/api': { target: `http://127.0.0.1:${backendPort}`, changeOrigin: false } },
    },
    build: { outDir: 'dist', sourcemap: true },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./test/setup.ts'],
      // Every test sets up its own fakes; nothing leaks into the next one.
      mockReset: true,
      restoreMocks: true,
      include: ['test/**/*.test.{ts,tsx}'],
    },
  };
});
