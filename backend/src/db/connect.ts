import mongoose from 'mongoose';

// Operator injection is stopped at the edge: every body, path and query value passes a zod
// schema of plain strings and numbers, so `{ "$gt": "" }` never reaches a filter. mongoose's
// global `sanitizeFilter` is deliberately off: it would also neuter our own `$in` / `$lt` /
// `$exists` guards, the conditional updates the status machines are built on.
mongoose.set('strictQuery', true);

/** The database name used by `npm run dev`, `npm start` and `npm run seed`. */
export const DEFAULT_DB_NAME = 'checkout-lab';

export interface ConnectOptions {
  dbName?: string;
  /** How long a query waits for an unreachable database before failing (then: 503). */
  serverSelectionTimeoutMS?: number;
}

/**
 * Connects the default mongoose connection and builds every registered model's indexes.
 * Index creation is explicit (not mongoose's background autoIndex) so that the unique indexes
 * idempotency relies on exist before the first request, and reconnecting rebuilds them.
 */
export async function connectDatabase(uri: string, opts: ConnectOptions = {}): Promise<void> {
  await mongoose.connect(uri, {
    dbName: opts.dbName ?? DEFAULT_DB_NAME,
    serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
    // Fail fast rather than queueing queries while disconnected, so callers answer 503.
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
  });
  await Promise.all(
    Object.values(mongoose.connection.models).map((model) => model.createIndexes()),
  );
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export function isDatabaseConnected(): boolean {
  return mongoose.connection.readyState === mongoose.ConnectionStates.connected;
}

/** A round trip to the server; false when it does not answer within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || !isDatabaseConnected()) return false;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Duplicate inserts fail with code 11000 on MongoDB and mongo-java-server alike. */
export function isDuplicateKey(err: unknown): boolean {
  return err instanceof mongoose.mongo.MongoServerError && err.code === 11000;
}
