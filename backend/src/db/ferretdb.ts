// FerretDB v1 (MongoDB wire protocol on SQLite), the last embedded option: built once from the Go
// module proxy by the small embedding program in tools/ferretdb, then run as a child process.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger';

export const FERRETDB_TOOL_DIR = path.resolve(__dirname, '..', '..', '..', 'tools', 'ferretdb');
const BIN_DIR = path.join(FERRETDB_TOOL_DIR, 'bin');
const BINARY = path.join(BIN_DIR, 'ferretdb-embedded');
const STAMP = path.join(BIN_DIR, '.source-hash');

export interface RunningFerretdb {
  uri: string;
  stop(): Promise<void>;
}

/** Is the Go toolchain on the PATH? */
export async function hasGo(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('go', ['version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** Every Go source plus go.mod/go.sum: any change rebuilds the binary. */
async function sourceHash(): Promise<string> {
  const files = (await readdir(FERRETDB_TOOL_DIR))
    .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash.update(file).update(await readFile(path.join(FERRETDB_TOOL_DIR, file)));
  return hash.digest('hex');
}

/** Returns the path of an up-to-date binary, building it first when missing or stale. */
export async function ensureFerretdbBinary(log: Logger): Promise<string> {
  const wanted = await sourceHash();
  const stamp = existsSync(STAMP) ? (await readFile(STAMP, 'utf8')).trim() : '';
  if (existsSync(BINARY) && stamp === wanted) return BINARY;

  await mkdir(BIN_DIR, { recursive: true });
  // Build under a unique name and rename: two processes building at once must not clash.
  const tmp = `${BINARY}.tmp-${process.pid}`;
  log.info(
    'Building FerretDB (first run, or tools/ferretdb changed; downloads Go modules and compiles: 1–5 minutes)…',
  );
  const started = Date.now();
  let packages = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['build', '-v', '-trimpath', '-o', tmp, '.'], {
      cwd: FERRETDB_TOOL_DIR,
      env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const tail: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.startsWith('go: downloading')) log.info(`  ${line}`);
      else if (++packages % 50 === 0) log.info(`  compiled ${packages} packages…`);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`go build failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
  await rename(tmp, BINARY);
  await writeFile(STAMP, wanted);
  log.info(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s (${BINARY})`);
  return BINARY;
}

/** Starts FerretDB (a free loopback port unless `listen` says otherwise) with its SQLite files in `dataDir`. */
export async function startFerretdb(
  binary: string,
  dataDir: string,
  log: Logger,
  listen = '127.0.0.1:0',
): Promise<RunningFerretdb> {
  await mkdir(dataDir, { recursive: true });
  // stdin stays a pipe: the child exits when it closes, so a crashed parent leaves no orphan.
  const child = spawn(binary, ['-dir', dataDir, '-listen', listen], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
    log.debug({ ferretdb: line }, 'ferretdb');
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('FerretDB did not start within 30 s')), 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { uri: string }).uri);
      } catch {
        reject(new Error(`Unexpected FerretDB output: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB exited with code ${code}:\n${stderr.join('\n')}`));
    });
  });

  return {
    uri,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Removes a test database directory. */
export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
