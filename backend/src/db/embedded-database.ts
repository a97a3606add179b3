// Resolves which MongoDB to use, in DESIGN.md's order: MONGODB_URI → mongodb-memory-server →
// mongo-java-server (Java 17+, fetched from Maven Central) → a clear error. Never a fake.
import { lookup } from 'node:dns/promises';
import path from 'node:path';
import { DryMongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import type { Logger } from '../logger';
import { javaMajorVersion, javaProblem, startMongoJavaServer } from './mongo-java-server';

export type DatabaseKind = 'external' | 'mongodb-memory-server' | 'mongo-java-server';

export interface DatabaseServer {
  uri: string;
  kind: DatabaseKind;
  /** For people: which server, which storage (the bench prints it). */
  description: string;
  /** The server's process when we started one (the bench reads its CPU time). */
  pid?: number;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** MONGODB_URI, when set. */
  uri?: string;
  /** Where development data persists; when omitted the database is fresh and thrown away. */
  persistDir?: string;
  /**
   * May mongodb-memory-server download a mongod? Tests say no: they touch no network, so they
   * use a local binary (MONGOMS_SYSTEM_BINARY or the cache) or go straight to mongo-java-server.
   */
  allowDownload?: boolean;
  log: Logger;
}

export class NoDatabaseError extends Error {
  constructor(reasons: string[]) {
    super(
      [
        'No MongoDB available. Choose one of:',
        '  1. Set MONGODB_URI to a running MongoDB (local, Atlas or a container).',
        '  2. Let mongodb-memory-server use a mongod binary: set MONGOMS_SYSTEM_BINARY=/path/to/mongod,',
        '     or allow it to download one from fastdl.mongodb.org.',
        '  3. Install Java 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jre-headless maven;',
        '     macOS: brew install openjdk@17 maven) so mongo-java-server can be fetched from Maven Central.',
        'What was tried:',
        ...reasons.map((r) => `  - ${r}`),
      ].join('\n'),
    );
    this.name = 'NoDatabaseError';
  }
}

const MONGODB_DOWNLOAD_HOST = 'fastdl.mongodb.org';

/** An option that cannot be used here: `message` for the error list, `calm` for the log. */
class Unavailable extends Error {
  constructor(
    message: string,
    readonly calm: string,
  ) {
    super(message);
  }
}

/** Can mongodb-memory-server get a mongod without a doomed multi-second download attempt? */
async function mongodUnavailable(allowDownload: boolean): Promise<Unavailable | undefined> {
  if (await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions())) return undefined;
  if (!allowDownload) {
    return new Unavailable(
      'no local mongod binary (MONGOMS_SYSTEM_BINARY or cache)',
      'No local mongod binary: using the offline fallback.',
    );
  }
  try {
    await Promise.race([
      lookup(MONGODB_DOWNLOAD_HOST),
      new Promise((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), 3000).unref()),
    ]);
    return undefined;
  } catch (err) {
    // The normal case on an offline machine, not a fault: say what happens next.
    return new Unavailable(
      `no cached mongod and ${MONGODB_DOWNLOAD_HOST} is unreachable (${(err as Error).message})`,
      `No mongod here and ${MONGODB_DOWNLOAD_HOST} is out of reach (offline?): using the offline fallback, mongo-java-server.`,
    );
  }
}

async function tryMemoryServer(opts: ResolveOptions): Promise<DatabaseServer> {
  const unavailable = await mongodUnavailable(opts.allowDownload ?? true);
  if (unavailable) throw unavailable;
  const server = await MongoMemoryServer.create({
    instance: {
      ip: '127.0.0.1',
      storageEngine: 'wiredTiger',
      ...(opts.persistDir ? { dbPath: path.join(opts.persistDir, 'mongo') } : {}),
    },
  });
  return {
    uri: server.getUri(),
    kind: 'mongodb-memory-server',
    description: `mongodb-memory-server (mongod${opts.persistDir ? ', data in .data/mongo' : ', throw-away'})`,
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    stop: async () => {
      await server.stop({ doCleanup: !opts.persistDir });
    },
  };
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Relative to the repository when inside it (`.data/…`), else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

/** H2 file under the data folder for development; the memory backend for tests and benchmarks. */
async function tryMongoJavaServer(opts: ResolveOptions): Promise<DatabaseServer> {
  const problem = javaProblem(await javaMajorVersion());
  if (problem) throw new Error(problem);
  const file = opts.persistDir
    ? path.join(opts.persistDir, 'mongo-java-server', 'checkout-lab.mv.db')
    : undefined;
  const running = await startMongoJavaServer({ file, log: opts.log });
  return {
    uri: running.uri,
    kind: 'mongo-java-server',
    description: file
      ? `mongo-java-server (H2 backend, ${displayPath(file)})`
      : 'mongo-java-server (memory backend)',
    pid: running.pid,
    stop: running.stop,
  };
}

export async function startDatabaseServer(opts: ResolveOptions): Promise<DatabaseServer> {
  if (opts.uri) {
    return { uri: opts.uri, kind: 'external', description: 'MONGODB_URI', stop: async () => {} };
  }

  const reasons: string[] = [];
  for (const [name, attempt] of [
    ['mongodb-memory-server', tryMemoryServer],
    ['mongo-java-server', tryMongoJavaServer],
  ] as const) {
    try {
      const server = await attempt(opts);
      opts.log.info(`Embedded database: ${server.description}`);
      return server;
    } catch (err) {
      const reason = `${name}: ${(err as Error).message}`;
      reasons.push(reason);
      // Expected on many machines (calm); anything else is a real problem worth a warning.
      if (err instanceof Unavailable) opts.log.info(err.calm);
      else opts.log.warn(reason);
    }
  }
  throw new NoDatabaseError(reasons);
}
