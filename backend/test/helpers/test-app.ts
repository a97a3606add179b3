import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { buildApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const adminHeaders = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export interface TestApp {
  app: Express;
  config: Config;
}

/** The real app, built from a test config (never from the developer's .env). */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-test-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    DATA_DIR: dataDir,
    ...env,
  });
  const app = buildApp({ config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  return { app, config };
}
