// One embedded database server for the whole run; every test file gets its own database in it.
import { startDatabaseServer, type DatabaseServer } from '../../src/db/embedded-database';
import { createLogger } from '../../src/logger';

declare global {
  var __DATABASE_SERVER__: DatabaseServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = createLogger(process.env.TEST_DB_LOG ?? 'info', 'test-db');
  const server = await startDatabaseServer({
    uri: process.env.MONGODB_URI,
    allowDownload: false,
    log,
  });
  globalThis.__DATABASE_SERVER__ = server;
  process.env.TEST_MONGODB_URI = server.uri;
}
