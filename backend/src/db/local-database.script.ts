// `npm start`'s local database (scripts/start.mjs runs this from dist): production refuses to
// start without MONGODB_URI, so on a laptop the launcher starts the embedded database here, beside
// the server, seeds the demo products into it when it is empty, and hands the server its URI. The
// backend itself never starts an embedded database or seeds in production.
// Protocol: one line `DATABASE_READY {"uri","description","seeded"}` on stdout, then it runs until
// SIGINT / SIGTERM or until its parent closes stdin.
import { loadConfigOrExit } from '../config';
import { createLogger } from '../logger';
import { connectDatabase, disconnectDatabase } from './connect';
import { startDatabaseServer } from './embedded-database';
import { seedIfEmpty } from './seed';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger('info', 'database', true);
  const database = await startDatabaseServer({ persistDir: config.dataDir, log });
  await connectDatabase(database.uri);
  const seeded = await seedIfEmpty();
  await disconnectDatabase();
  const ready = { uri: database.uri, description: database.description, seeded };
  process.stdout.write(`DATABASE_READY ${JSON.stringify(ready)}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
