// mongo-java-server (de.bwaldvogel, Maven Central), the offline fallback: a MongoDB-compatible
// server in a JVM, started by the small launcher in tools/mongo-java-server. Maven fetches its
// dependencies and compiles it on first use; later starts only run `java`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger';

const TOOL_DIR = path.resolve(__dirname, '..', '..', '..', 'tools', 'mongo-java-server');
const BUILD_DIR = path.join(TOOL_DIR, 'build');
const MAIN_CLASS = 'checkoutlab.embedded.EmbeddedMongo';
export const MIN_JAVA = 17;

export interface RunningMongoJavaServer {
  uri: string;
  /** The JVM's process id (a test kills it to show acknowledged writes survive). */
  pid: number;
  stop(): Promise<void>;
}

/** Runs a command and resolves with its combined output, or undefined when it cannot start. */
function capture(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => resolve(code === 0 ? out : undefined));
  });
}

/** The major version in `java -version`'s output: 8 for "1.8.0_392", 17 for "17.0.15". */
export function parseJavaMajor(output: string): number | undefined {
  const match = output.match(/version "(\d+)(?:\.(\d+))?/);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Why this Java cannot run mongo-java-server, naming the version needed; undefined when it can. */
export function javaProblem(major: number | undefined): string | undefined {
  if (major === undefined)
    return `\`java\` is not on the PATH (Java ${MIN_JAVA} or newer is needed)`;
  if (major < MIN_JAVA) return `Java ${major} is on the PATH; Java ${MIN_JAVA} or newer is needed`;
  return undefined;
}

/** The major version of `java` on the PATH, or undefined when there is none. */
export async function javaMajorVersion(): Promise<number | undefined> {
  const out = await capture('java', ['-version']);
  return out === undefined ? undefined : parseJavaMajor(out);
}

async function listSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory()
        ? listSources(full)
        : Promise.resolve(e.name.endsWith('.java') ? [full] : []);
    }),
  );
  return files.flat();
}

/** pom.xml and every Java source: any change builds the launcher again. */
async function sourceHash(): Promise<string> {
  const files = [
    path.join(TOOL_DIR, 'pom.xml'),
    ...(await listSources(path.join(TOOL_DIR, 'src'))),
  ];
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash.update(path.relative(TOOL_DIR, file)).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

const classpathOf = (dir: string) =>
  [path.join(dir, 'classes'), path.join(dir, 'lib', '*')].join(path.delimiter);

/** Returns the launcher's classpath, building it first (Maven, from Maven Central) when needed. */
async function ensureLauncher(log: Logger): Promise<string> {
  const hash = await sourceHash();
  const dir = path.join(BUILD_DIR, hash);
  if (existsSync(path.join(dir, 'ready'))) return classpathOf(dir);

  if (!(await capture('mvn', ['--version']))) {
    throw new Error(
      'Maven (`mvn`) is not on the PATH, and tools/mongo-java-server has not been built yet',
    );
  }
  log.info(
    'Fetching mongo-java-server from Maven Central and compiling its launcher (first run only, usually under a minute)…',
  );
  const started = Date.now();
  // Build into a folder of our own and rename: two processes building at once must not clash.
  const tmp = path.join(BUILD_DIR, `tmp-${process.pid}-${started}`);
  await mkdir(BUILD_DIR, { recursive: true });
  await runMaven(['compile', 'dependency:copy-dependencies', `-Dlauncher.out=${tmp}`], log);
  await writeFile(path.join(tmp, 'ready'), `${new Date().toISOString()}\n`);
  await rename(tmp, dir).catch(async () => {
    if (!existsSync(path.join(dir, 'ready'))) throw new Error(`could not move ${tmp} to ${dir}`);
    await rm(tmp, { recursive: true, force: true }); // someone else finished first
  });
  log.info(`mongo-java-server built in ${Math.round((Date.now() - started) / 1000)} s`);
  await removeOtherBuilds(hash);
  return classpathOf(dir);
}

function runMaven(goals: string[], log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    // Batch mode prints one line per download instead of progress bars.
    const child = spawn('mvn', ['-B', ...goals], {
      cwd: TOOL_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    let downloads = 0;
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes('Downloaded from ') && ++downloads % 100 === 0)
        log.info(`  fetched ${downloads} files from Maven Central…`);
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`mvn ${goals[0]} failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
}

/** Earlier builds (the sources changed since) are of no further use. */
async function removeOtherBuilds(keep: string): Promise<void> {
  for (const name of await readdir(BUILD_DIR).catch(() => [] as string[])) {
    if (name !== keep && !name.startsWith('tmp-'))
      await rm(path.join(BUILD_DIR, name), { recursive: true, force: true }).catch(() => {});
  }
}

export interface StartOptions {
  /** The H2 file to persist in; omitted: the memory backend, gone when the process stops. */
  file?: string;
  /** 0 (default): a free loopback port. */
  port?: number;
  log: Logger;
}

/** Starts the launcher as a child process and resolves once it listens. */
export async function startMongoJavaServer(opts: StartOptions): Promise<RunningMongoJavaServer> {
  const classpath = await ensureLauncher(opts.log);
  // The throughput collector: the server's garbage is short-lived request copies, and on two
  // cores G1's concurrent work cost 10–15% more CPU per request (docs/database.md).
  const args = [
    '-XX:+UseParallelGC',
    '-cp',
    classpath,
    MAIN_CLASS,
    '--port',
    String(opts.port ?? 0),
  ];
  if (opts.file) {
    await mkdir(path.dirname(opts.file), { recursive: true });
    args.push('--file', opts.file);
  } else {
    args.push('--memory');
  }
  // stdin stays a pipe: the launcher exits when it closes, so a crashed parent leaves no orphan.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
    opts.log.debug({ mongoJavaServer: line }, 'mongo-java-server');
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('mongo-java-server did not start within 30 s')),
      30_000,
    );
    // The launcher's one line; anything else on stdout (JVM options that print) is skipped.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"uri"')) return opts.log.debug({ mongoJavaServer: line }, 'stdout');
      clearTimeout(timer);
      resolve((JSON.parse(line) as { uri: string }).uri);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mongo-java-server exited with code ${code}:\n${stderr.join('\n')}`));
    });
  });

  return {
    uri,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        // SIGTERM runs the JVM's shutdown hook, which writes and closes the H2 file.
        child.kill('SIGTERM');
      }),
  };
}
