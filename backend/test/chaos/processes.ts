// The soak's processes: the database (mongo-java-server on an H2 file, as `npm run dev` runs it,
// on a fixed port so the backends reconnect to it after a restart) and the backend processes,
// each of which can be SIGKILLed and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { startMongoJavaServer, type RunningMongoJavaServer } from '../../src/db/mongo-java-server';
import pino from 'pino';
import { exited, stopChild, waitForHealth } from '../helpers/child-process';
import { freePort } from '../helpers/free-port';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Database {
  uri: string;
  /** SIGKILL (no shutdown hook, no final commit), then start again on the same file and port. */
  crashAndRestart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startDatabase(file: string, logFile: string): Promise<Database> {
  // The JVM's own output (its stderr, at debug) goes to a file kept with a failed soak's logs.
  const log = pino(
    { name: 'chaos-db', level: 'debug' },
    pino.destination({ dest: logFile, sync: false }),
  );
  const port = await freePort();
  let running: RunningMongoJavaServer = await startMongoJavaServer({ file, port, log });
  return {
    uri: running.uri,
    async crashAndRestart(downMs) {
      process.kill(running.pid, 'SIGKILL');
      await running.stop(); // resolves once the killed JVM has exited
      await new Promise((r) => setTimeout(r, downMs));
      running = await startMongoJavaServer({ file, port, log });
    },
    stop: () => running.stop(),
  };
}

export interface Backend {
  name: string;
  url: string;
  up(): boolean;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Times this backend was SIGKILLed. */
  kills: number;
}

export async function backendProcess(
  name: string,
  env: Record<string, string>,
  logFile: string,
): Promise<Backend> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
  let child: ChildProcess | undefined;
  let ready = false;

  const backend: Backend = {
    name,
    url,
    kills: 0,
    up: () => ready,
    async start() {
      const c = spawn(process.execPath, ['--import', 'tsx', 'backend/src/server.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env, PORT: String(port) },
      });
      child = c;
      c.stdout?.pipe(log, { end: false });
      c.stderr?.pipe(log, { end: false });
      c.once('exit', () => (ready = false));
      await waitForHealth(`${url}/api/health`, c, 120_000, 100).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}; see ${logFile}`);
      });
      ready = true;
    },
    async kill() {
      if (!child) return;
      ready = false;
      backend.kills++;
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (!child) return;
      ready = false;
      await stopChild(child);
      log.end();
    },
  };
  return backend;
}
