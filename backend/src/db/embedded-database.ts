// Resolves which MongoDB to use, in DESIGN.md's order: MONGODB_URI → mongodb-memory-server →
// FerretDB built from the Go module proxy → a clear error. Never a fake.
import { lookup } from 'node:dns/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DryMongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import type { Logger } from '../logger';
import { ensureFerretdbBinary, hasGo, removeDataDir, startFerretdb } from './ferretdb';

export type DatabaseKind = 'external' | 'mongodb-memory-server' | 'ferretdb';

export interface DatabaseServer {
  uri: string;
  kind: DatabaseKind;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** MONGODB_URI, when set. */
  uri?: string;
  /** Where development data persists; when omitted the database is fresh and thrown away. */
  persistDir?: string;
  /**
   * May mongodb-memory-server download a mongod? Tests say no: they touch no network, so they
   * use a local binary (MONGOMS_SYSTEM_BINARY or the cache) or go straight to FerretDB.
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
        '  3. Install Go (https://go.dev/dl/) so FerretDB can be built from the Go module proxy.',
        'What was tried:',
        ...reasons.map((r) => `  - ${r}`),
      ].join('\n'),
    );
    this.name = 'NoDatabaseError';
  }
}

const MONGODB_DOWNLOAD_HOST = 'fastdl.mongodb.org';

/** Can mongodb-memory-server get a mongod without a doomed multi-second download attempt? */
async function mongodUnavailable(allowDownload: boolean): Promise<string | undefined> {
  if (await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions())) return undefined;
  if (!allowDownload) return 'no local mongod binary (MONGOMS_SYSTEM_BINARY or cache)';
  try {
    await Promise.race([
      lookup(MONGODB_DOWNLOAD_HOST),
      new Promise((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), 3000).unref()),
    ]);
    return undefined;
  } catch (err) {
    return `no cached mongod and ${MONGODB_DOWNLOAD_HOST} is unreachable (${(err as Error).message})`;
  }
}

async function tryMemoryServer(opts: ResolveOptions): Promise<DatabaseServer> {
  const unavailable = await mongodUnavailable(opts.allowDownload ?? true);
  if (unavailable) throw new Error(unavailable);
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
    stop: async () => {
      await server.stop({ doCleanup: !opts.persistDir });
    },
  };
}

async function tryFerretdb(opts: ResolveOptions): Promise<DatabaseServer> {
  if (!(await hasGo())) throw new Error('`go` is not on the PATH, so FerretDB cannot be built');
  const binary = await ensureFerretdbBinary(opts.log);
  const dir = opts.persistDir
    ? path.join(opts.persistDir, 'ferretdb')
    : await mkdtemp(path.join(tmpdir(), 'checkout-lab-ferretdb-'));
  const running = await startFerretdb(binary, dir, opts.log);
  return {
    uri: running.uri,
    kind: 'ferretdb',
    stop: async () => {
      await running.stop();
      if (!opts.persistDir) await removeDataDir(dir);
    },
  };
}

export async function startDatabaseServer(opts: ResolveOptions): Promise<DatabaseServer> {
  if (opts.uri) return { uri: opts.uri, kind: 'external', stop: async () => {} };

  const reasons: string[] = [];
  for (const [name, attempt] of [
    ['mongodb-memory-server', tryMemoryServer],
    ['FerretDB', tryFerretdb],
  ] as const) {
    try {
      const server = await attempt(opts);
      opts.log.info(`Embedded database: ${server.kind}`);
      return server;
    } catch (err) {
      const reason = `${name}: ${(err as Error).message}`;
      reasons.push(reason);
      opts.log.info(reason);
    }
  }
  throw new NoDatabaseError(reasons);
}
