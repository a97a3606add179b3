// `npm run seed`: restores the demo catalogue in the same database `npm run dev` uses.
import { loadConfigOrExit } from '../config';
import { createLogger } from '../logger';
import { connectDatabase, disconnectDatabase } from './connect';
import { startDatabaseServer } from './embedded-database';
import { resetDemoProducts } from './seed';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'info', 'seed', true);
  const database = await startDatabaseServer({
    uri: config.mongodbUri,
    persistDir: config.dataDir,
    log: logger,
  });
  try {
    await connectDatabase(database.uri);
    const count = await resetDemoProducts();
    logger.info(`Seeded ${count} demo products (${database.kind})`);
  } finally {
    await disconnectDatabase();
    await database.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
