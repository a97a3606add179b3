// Helpers shared by the root scripts (dev, start): .env loading, ports, readiness checks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Loads the repo's .env into this process; variables already set in the shell win. */
export function loadRootEnv() {
  const file = path.join(ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export function ports() {
  return {
    backend: Number(process.env.PORT ?? 4000),
    sandbox: Number(process.env.SANDBOX_PORT ?? 4010),
    frontend: Number(process.env.FRONTEND_PORT ?? 5173),
  };
}

/** Keys starting with rzp_test_sandbox (or none) select the offline sandbox, as in config.ts. */
export function sandboxMode() {
  return (process.env.RAZORPAY_KEY_ID ?? 'rzp_test_sandbox').startsWith('rzp_test_sandbox');
}

/** Does this workspace exist and define the script? (Lets `dev` run "everything that exists".) */
export function hasScript(workspace, script) {
  const file = path.join(ROOT, workspace, 'package.json');
  if (!existsSync(file)) return false;
  return Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.[script]);
}

/** Polls a URL until it answers (any HTTP status) or the deadline passes. */
export async function waitForUrl(url, { timeoutMs = 10 * 60_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  return false;
}

export function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '─'.repeat(width);
  return ['', `┌${bar}┐`, ...lines.map((l) => `│  ${l.padEnd(width - 2)}│`), `└${bar}┘`, ''].join(
    '\n',
  );
}
