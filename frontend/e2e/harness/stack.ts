// The whole shop on free loopback ports, for browser tests and the benchmark: a fresh embedded
// database, the gateway sandbox, and the real backend as a child process in production mode
// serving the built storefront (frontend/dist) — one origin, exactly as `npm start` runs it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '@checkout-lab/sandbox';
import { startDatabaseServer } from '../../../backend/src/db/embedded-database';
import { createLogger } from '../../../backend/src/logger';
import { stopChild, waitForHealth } from '../../../backend/test/helpers/child-process';
import { freePort } from '../../../backend/test/helpers/free-port';
import { sandboxGatewayEnv } from '../../../backend/test/helpers/sandbox-env';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface StackInfo {
  baseUrl: string;
  adminToken: string;
  sandboxUrl: string;
  databaseKind: string;
  databaseDescription: string;
  /** The embedded database's URI (the benchmark reads the data it wrote). */
  databaseUri: string;
  /** The backend's DATA_DIR (its email outbox is there). */
  dataDir: string;
}

export interface Stack extends StackInfo {
  /** The in-process gateway sandbox (the benchmark redirects its webhooks). */
  sandbox: RunningSandbox;
  /** The backend's process, and the database's when the stack started it (the bench's CPU split). */
  pids: { backend: number; database?: number };
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Where the backend's output goes (a file path); it is only shown when startup fails. */
  logFile?: string;
  /** Persist the embedded database here, as `npm run dev` does; omitted: throw-away. */
  persistDir?: string;
  /** Backend environment on top of the stack's own (the benchmark lifts the rate limits). */
  env?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = createLogger(process.env.E2E_LOG_LEVEL ?? 'warn', 'e2e-stack');
  // Never MONGODB_URI from a developer's shell or .env: the backend would write into their
  // database. E2E_MONGODB_URI opts in to an external server on purpose.
  const database = await startDatabaseServer({
    uri: process.env.E2E_MONGODB_URI,
    persistDir: options.persistDir,
    allowDownload: false,
    log,
  });
  const cleanups: Array<() => Promise<unknown>> = [() => database.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const sandbox = await startSandbox({
      webhookUrls: [`${baseUrl}/api/webhooks/razorpay`],
      stripeWebhookUrls: [`${baseUrl}/api/webhooks/stripe`],
      // Webhook retries in tens of milliseconds rather than tens of seconds.
      timeScale: 0.01,
    });
    cleanups.push(() => sandbox.close());

    const dataDir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const adminToken = randomBytes(24).toString('base64url');
    const gateways = sandboxGatewayEnv(sandbox);

    const logFile = options.logFile ?? path.join(dataDir, 'backend.log');
    await mkdir(path.dirname(logFile), { recursive: true });
    const output = createWriteStream(logFile);
    const backend = spawn(process.execPath, ['--import', 'tsx', 'backend/src/server.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Everything the backend reads is set here, so a developer's .env cannot leak in
        // (server.ts loads .env but never overrides variables that are already set).
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_BASE_URL: baseUrl,
        CORS_ORIGINS: baseUrl,
        MONGODB_URI: database.uri,
        DATA_DIR: dataDir,
        ADMIN_TOKEN: adminToken,
        ...gateways.razorpay,
        ...gateways.rupantorpay,
        ...gateways.stripe,
        SMTP_URL: '',
        // The tests decide when to reconcile (the admin button), not a timer.
        RECONCILE_INTERVAL_MS: '0',
        RATE_LIMIT_PER_MINUTE: '1000',
        LOG_LEVEL: process.env.E2E_BACKEND_LOG_LEVEL ?? 'info',
        ...options.env,
      },
    });
    backend.stdout?.pipe(output);
    backend.stderr?.pipe(output);
    cleanups.push(() => stopChild(backend));

    await waitForHealth(`${baseUrl}/api/health`, backend, 120_000).catch((err: Error) => {
      throw new Error(`${err.message}; see ${logFile}`);
    });
    return {
      baseUrl,
      adminToken,
      sandboxUrl: sandbox.url,
      databaseKind: database.kind,
      databaseDescription: database.description,
      databaseUri: database.uri,
      dataDir,
      sandbox,
      pids: { backend: backend.pid!, database: database.pid },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
