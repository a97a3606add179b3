// Starts the e2e stack (stack-main.ts, run by tsx) as a child process and waits for it to be
// ready. Plain JavaScript so that both Playwright's globalSetup and scripts/bench.mjs can use it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'frontend', 'e2e', 'harness', 'stack-main.ts');

/**
 * @param {{ logFile?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ baseUrl: string, adminToken: string, sandboxUrl: string,
 *   databaseKind: string, stop(): Promise<void> }>}
 */
export function spawnStack({ logFile, timeoutMs = 10 * 60_000 } = {}) {
  // The first run may fetch and compile mongo-java-server (a minute); later runs start in seconds.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...(logFile ? { E2E_STACK_LOG: logFile } : {}) },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(force);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the e2e stack was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the e2e stack exited early (code ${code}); see the output above`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('STACK_READY ')) {
        process.stderr.write(`[stack] ${line}\n`);
        return;
      }
      clearTimeout(timer);
      resolve({ ...JSON.parse(line.slice('STACK_READY '.length)), stop });
    });
  });
}
