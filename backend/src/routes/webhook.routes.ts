import { Router } from 'express';
import { webhookController } from '../controllers/webhook.controller';
import { rawJsonBody } from '../middleware/raw-body';
import type { ServiceContext } from '../services/context';

/** Mounted before the JSON parser: these routes need the exact bytes the gateway signed. */
export function webhookRoutes(ctx: ServiceContext): Router {
  const c = webhookController(ctx);
  const router = Router();
  router.post('/razorpay', rawJsonBody, c.receive('razorpay'));
  router.post('/rupantorpay', rawJsonBody, c.receive('rupantorpay'));
  return router;
}
