// Entry point: config → database → listen → graceful shutdown.
import type { Server } from 'node:http';
import path from 'node:path';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { createHttpServer, describeListenError, listenOn } from './http-server';
import { connectDatabase, disconnectDatabase } from './db/connect';
import { startDatabaseServer, type DatabaseServer } from './db/embedded-database';
import { seedIfEmpty } from './db/seed';
import { gatewaysFromConfig } from './gateways/registry';
import { createLogger } from './logger';
import { createBackgroundTasks } from './services/background-tasks';
import { createMailer } from './services/email.service';
import { startReconcileJob } from './services/reconcile.service';

const STOREFRONT_DIR = path.resolve(__dirname, '..', '..', 'frontend', 'dist');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'backend', config.env === 'development');

  let database: DatabaseServer;
  try {
    database = await startDatabaseServer({
      uri: config.mongodbUri,
      persistDir: config.dataDir,
      log: logger,
    });
    await connectDatabase(database.uri);
  } catch (err) {
    logger.fatal((err as Error).message);
    process.exit(1);
  }
  // Demo products belong to a learner's laptop, never to a production database (`npm start`
  // seeds its own local database; anyone else runs `npm run seed` on purpose).
  if (config.env !== 'production') {
    const seeded = await seedIfEmpty();
    if (seeded > 0) logger.info(`Seeded ${seeded} demo products into the empty database`);
  }

  const context = {
    config,
    log: logger,
    gateways: gatewaysFromConfig(config, logger),
    mailer: createMailer({
      outboxDir: path.join(config.dataDir, 'outbox'),
      smtpUrl: config.smtpUrl,
      storeName: config.storeName,
    }),
    tasks: createBackgroundTasks(logger),
  };
  const app = buildApp({
    ...context,
    staticDir: config.env === 'production' ? STOREFRONT_DIR : undefined,
  });
  const stopReconcile = startReconcileJob(context);
  const server: Server = createHttpServer(app, config);
  try {
    await listenOn(server, config.port);
  } catch (err) {
    // Fatal: a backend that cannot listen must not stay up looking healthy to its supervisor.
    // Plain stderr, like a configuration error, so the sentence survives the exit below.
    console.error(`\n${describeListenError(err as NodeJS.ErrnoException, config.port)}\n`);
    stopReconcile();
    await disconnectDatabase().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(1);
  }
  logger.info(`API listening on http://localhost:${config.port}/api (${config.mode} mode)`);
  // The token itself is in npm run dev's banner; a configured ADMIN_TOKEN is never printed.
  if (config.adminTokenGenerated && config.env === 'development') {
    logger.info('Admin token: npm run admin-token prints it (kept in the data folder)');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    stopReconcile();
    server.close();
    server.closeIdleConnections();
    await context.tasks.idle();
    await disconnectDatabase().catch(() => {});
    await database.stop().catch(() => {});
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
