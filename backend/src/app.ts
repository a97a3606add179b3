// buildApp assembles the Express application from its dependencies; it never listens.
// server.ts (and the tests) decide where it runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { GatewayRegistry } from './gateways/registry';
import { requestLogOptions } from './logger';
import { requireAdmin } from './middleware/admin-auth';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { methodNotAllowed } from './middleware/method-not-allowed';
import { expandOperations } from './openapi/openapi.document';
import { requireJsonBody } from './middleware/require-json';
import { adminRoutes } from './routes/admin.routes';
import { configRoutes } from './routes/config.routes';
import { docsRoutes } from './routes/docs.routes';
import { healthRoutes } from './routes/health.routes';
import { orderRoutes } from './routes/order.routes';
import { paymentRoutes } from './routes/payment.routes';
import { productRoutes } from './routes/product.routes';
import { webhookRoutes } from './routes/webhook.routes';
import type { ServiceContext } from './services/context';

export interface AppDeps extends ServiceContext {
  /** The built storefront to serve (npm start); omitted in development and tests. */
  staticDir?: string;
}

export const JSON_BODY_LIMIT = '100kb';
const COMPRESS_ABOVE = '8kb';

export function buildApp(deps: AppDeps): Express {
  const { config, log: logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Only a configured proxy may say who the client is (X-Forwarded-For); by default nobody can,
  // so a spoofed header cannot dodge a rate limit.
  app.set('trust proxy', config.trustProxy);

  app.use(pinoHttp(requestLogOptions(logger, config.env === 'production')));
  app.use(
    helmet({
      contentSecurityPolicy: { directives: contentSecurityDirectives(config, deps.gateways) },
    }),
  );
  // The storefront's JavaScript is ~300 KB raw and ~100 KB gzipped: compress it. API answers
  // are mostly 1–3 KB, where gzip saves a packet or two for ~0.13 ms of CPU per request (7–9%
  // of GET /api/products and POST /api/orders, measured; docs/database.md): not below 8 KB.
  app.use(compression({ threshold: COMPRESS_ABOVE }));
  app.use(
    '/api',
    cors({ origin: config.corsOrigins, methods: ['GET', 'POST', 'PATCH', 'DELETE'], maxAge: 600 }),
  );
  app.use('/api', methodNotAllowed(expandOperations(deps.gateways.list())));
  // Webhooks first: they need the raw bytes, before any JSON parser runs.
  app.use('/api/webhooks', webhookRoutes(deps));
  app.use('/api', requireJsonBody, express.json({ limit: JSON_BODY_LIMIT, strict: true }));

  const admin = requireAdmin(config.adminToken);
  app.use('/api/health', healthRoutes());
  app.use('/api/config', configRoutes(deps));
  app.use('/api/products', productRoutes(admin));
  app.use('/api/orders', orderRoutes(deps));
  app.use('/api/payments', paymentRoutes(deps));
  app.use('/api/admin', admin, adminRoutes(deps));
  app.use('/api', docsRoutes(deps));
  app.use('/api', notFoundHandler);

  if (deps.staticDir && existsSync(deps.staticDir)) serveStorefront(app, deps.staticDir);

  app.use(errorHandler(logger));
  return app;
}

/** The storefront loads gateways' scripts and frames their pages: allow what each one declares. */
function contentSecurityDirectives(config: Config, gateways: GatewayRegistry) {
  const gatewayOrigins = [...new Set(gateways.list().flatMap((g) => g.browserOrigins))];
  return {
    // Over plain http (a phone on the LAN), upgrading requests to https would break the page.
    upgradeInsecureRequests: config.publicBaseUrl.startsWith('https:') ? [] : null,
    scriptSrc: ["'self'", ...gatewayOrigins],
    frameSrc: ["'self'", ...gatewayOrigins],
    connectSrc: ["'self'", ...gatewayOrigins],
    imgSrc: ["'self'", 'data:', 'https:'],
    formAction: ["'self'", 'http:', 'https:'],
  };
}

function serveStorefront(app: Express, dir: string): void {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Client-side routes (/orders/…, /admin) all render the single-page app.
  app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
}
