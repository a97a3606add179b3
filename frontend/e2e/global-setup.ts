import path from 'node:path';
import { build } from 'vite';
import { spawnStack } from './harness/spawn-stack.mjs';

const FRONTEND = path.resolve(import.meta.dirname, '..');

/**
 * Builds the production bundle (so the tests exercise what `npm start` serves), starts the
 * stack, and hands its URLs to the tests through the environment (workers inherit it).
 * E2E_SKIP_BUILD=1 reuses an existing frontend/dist.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) await build({ root: FRONTEND, logLevel: 'warn' });
  const stack = await spawnStack({
    logFile: path.join(FRONTEND, 'test-results', 'stack', 'backend.log'),
  });
  process.env.E2E_BASE_URL = stack.baseUrl;
  process.env.E2E_ADMIN_TOKEN = stack.adminToken;
  process.env.E2E_SANDBOX_URL = stack.sandboxUrl;
  return () => stack.stop();
}
