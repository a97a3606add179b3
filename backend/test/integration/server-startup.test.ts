// The real entry point (src/server.ts) in a child process: what a person sees when the port is
// taken or production is missing its database, and that production never seeds demo products.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { DEFAULT_DB_NAME } from '../../src/db/connect';

const BACKEND = path.resolve(__dirname, '..', '..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-startup-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Run {
  code: Promise<number | null>;
  output: () => string;
  stop(): void;
}

/** Starts the server with only the variables given (a developer's .env cannot leak in). */
function startServer(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'server.ts')], {
    cwd: BACKEND,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      RECONCILE_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, output: () => output, stop: () => child.kill('SIGTERM') };
}

function occupyLoopbackPort(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function waitForHealth(url: string, run: Run): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no health at ${url}; output:\n${run.output()}`);
}

test('when PORT is already taken, then the server exits non-zero naming the port and PORT', async () => {
  const blocker = await occupyLoopbackPort();
  const { port } = blocker.address() as { port: number };
  try {
    const run = startServer({
      NODE_ENV: 'production',
      PORT: String(port),
      MONGODB_URI: process.env.TEST_MONGODB_URI!,
    });
    expect(await run.code).toBe(1);
    expect(run.output()).toContain(`Port ${port} is already in use`);
    expect(run.output()).toMatch(/set PORT to a free port/);
    expect(run.output()).not.toContain('API listening');
  } finally {
    blocker.close();
  }
}, 60_000);

test('when NODE_ENV=production has no MONGODB_URI, then the server refuses to start and says how to run locally', async () => {
  const run = startServer({ NODE_ENV: 'production', PORT: '0', MONGODB_URI: '' });
  expect(await run.code).toBe(1);
  expect(run.output()).toMatch(/MONGODB_URI: required when NODE_ENV=production/);
  expect(run.output()).toMatch(/npm run dev/);
  expect(run.output()).not.toMatch(/Embedded database/);
}, 60_000);

test('when NODE_ENV=production starts on an empty MONGODB_URI database, then it listens and seeds no demo products', async () => {
  const blocker = await occupyLoopbackPort();
  const { port } = blocker.address() as { port: number };
  blocker.close(); // a port the system just handed out, now free
  const uri = process.env.TEST_MONGODB_URI!;
  const check = await mongoose.createConnection(uri, { dbName: DEFAULT_DB_NAME }).asPromise();
  await check.dropDatabase();
  const run = startServer({ NODE_ENV: 'production', PORT: String(port), MONGODB_URI: uri });
  try {
    const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, run);
    expect(health).toMatchObject({ service: 'checkout-lab-backend', status: 'ok' });
    expect(await check.collection('products').countDocuments()).toBe(0);
  } finally {
    run.stop();
    expect(await run.code).toBe(0);
    await check.dropDatabase();
    await check.close();
  }
}, 90_000);
