import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { docsController } from '../controllers/docs.controller';
import type { ServiceContext } from '../services/context';

/** GET /api/openapi.json and the browsable page at /api/docs. */
export function docsRoutes(ctx: ServiceContext): Router {
  const c = docsController(ctx);
  const router = Router();
  router.get('/openapi.json', c.openapi);
  router.get('/docs', c.page);
  router.get('/docs/init.js', c.init);
  router.use('/docs/assets', express.static(getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  return router;
}
