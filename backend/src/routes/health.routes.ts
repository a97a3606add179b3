import { Router } from 'express';
import { getHealth } from '../controllers/health.controller';

export function healthRoutes(): Router {
  const router = Router();
  router.get('/', getHealth);
  return router;
}
