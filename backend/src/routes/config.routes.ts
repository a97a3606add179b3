import { Router } from 'express';
import { configController } from '../controllers/config.controller';
import type { ServiceContext } from '../services/context';

export function configRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get('/', configController(ctx).get);
  return router;
}
