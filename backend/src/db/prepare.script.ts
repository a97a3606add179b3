// `npm run db:prepare -w backend`: makes sure an embedded database can start (fetching and
// compiling mongo-java-server when that is the option in use), then stops it. CI runs it before
// the tests so the one-off download shows its own progress instead of hiding inside a test's
// global setup.
import { loadConfigOrExit } from '../config';
import { createLogger } from '../logger';
import { startDatabaseServer } from './embedded-database';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger('info', 'db:prepare', true);
  const server = await startDatabaseServer({ uri: config.mongodbUri, allowDownload: false, log });
  log.info(`Database ready: ${server.description}`);
  await server.stop();
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
