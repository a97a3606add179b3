import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, loadEnv } from 'vite';

// Ports come from the repo-root .env shared by every workspace (defaults as in .env.example).
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, path.resolve(import.meta.dirname, '..'), ''), ...process.env };
  const backendPort = Number(env.PORT ?? 4000);
  return {
    plugins: [react()],
    server: {
      port: Number(env.FRONTEND_PORT ?? 5173),
      strictPort: true,
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
