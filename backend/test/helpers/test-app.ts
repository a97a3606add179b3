import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { buildApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { PaymentGateway } from '../../src/gateways/gateway';
import { createGatewayRegistry, gatewaysFromConfig } from '../../src/gateways/registry';
import { createLogger } from '../../src/logger';
import {
  createBackgroundTasks,
  type BackgroundTaskLimits,
} from '../../src/services/background-tasks';
import type { ServiceContext } from '../../src/services/context';
import { createMailer } from '../../src/services/email.service';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const adminHeaders = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export interface TestApp {
  app: Express;
  ctx: ServiceContext;
  config: ServiceContext['config'];
}

/** More gateways than the configuration enables (a test's own), given the config they run in. */
export type ExtraGateways = (config: ServiceContext['config']) => PaymentGateway[];

/** The real app and services, built from a test config (never from the developer's .env). */
export async function buildTestApp(
  env: Record<string, string> = {},
  extraGateways: ExtraGateways = () => [],
  taskLimits?: BackgroundTaskLimits,
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-test-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    DATA_DIR: dataDir,
    RECONCILE_INTERVAL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000',
    WEBHOOK_REJECTS_PER_MINUTE: '100000',
    GATEWAY_TIMEOUT_MS: '3000',
    ...env,
  });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const ctx: ServiceContext = {
    config,
    log,
    gateways: createGatewayRegistry([
      ...gatewaysFromConfig(config, log).list(),
      ...extraGateways(config),
    ]),
    mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox') }),
    tasks: createBackgroundTasks(log, taskLimits),
  };
  return { app: buildApp(ctx), ctx, config };
}

/**
 * Listens on a free loopback port before the app exists (webhooks and redirects need a real
 * socket, and the config needs to know its own URL); `serve` attaches the app afterwards.
 */
export async function listenFirst(): Promise<{
  server: Server;
  url: string;
  serve(app: Express): void;
}> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, serve: (app) => server.on('request', app) };
}
