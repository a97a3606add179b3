// buildApp assembles the Express application from its dependencies; it never listens.
// server.ts (and the tests) decide where it runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { Logger } from './logger';
import { requireAdmin } from './middleware/admin-auth';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { healthRoutes } from './routes/health.routes';
import { adminProductRoutes, productRoutes } from './routes/product.routes';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** The built storefront to serve (npm start); omitted in development and tests. */
  staticDir?: string;
}

export const JSON_BODY_LIMIT = '100kb';

export function buildApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityDirectives(config) } }));
  app.use(
    '/api',
    cors({ origin: config.corsOrigins, methods: ['GET', 'POST', 'PATCH', 'DELETE'], maxAge: 600 }),
  );
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT, strict: true }));

  const admin = requireAdmin(config.adminToken);
  app.use('/api/health', healthRoutes());
  app.use('/api/products', productRoutes(admin));
  app.use('/api/admin/products', admin, adminProductRoutes());
  app.use('/api', notFoundHandler);

  if (deps.staticDir && existsSync(deps.staticDir)) serveStorefront(app, deps.staticDir);

  app.use(errorHandler(logger));
  return app;
}

/** The storefront loads the gateway's checkout script and frames its modal: allow those origins. */
function contentSecurityDirectives(config: Config) {
  const checkoutOrigin = new URL(config.razorpay.checkoutUrl).origin;
  const gatewayOrigins =
    config.mode === 'live'
      ? [checkoutOrigin, 'https://api.razorpay.com', 'https://*.razorpay.com']
      : [checkoutOrigin];
  return {
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
