import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/lib/chromium.cjs';

// End-to-end: the production bundle served by the real backend, the gateway sandbox and a fresh
// embedded database, all started by e2e/global-setup.ts on free loopback ports. The browser is
// CHROMIUM_PATH, else Debian's Chromium, else Playwright's own (scripts/lib/chromium.cjs).
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results/artifacts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One browser at a time: the tests share one backend, and the machine has few cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    launchOptions: chromiumLaunchOptions(),
  },
});
