import { Router } from 'express';
import { webhookController } from '../controllers/webhook.controller';
import { rawJsonBody } from '../middleware/raw-body';
import { validate } from '../middleware/validate';
import { gatewayParams } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';

/**
 * Mounted before the JSON parser: these routes need the exact bytes the gateway signed.
 * POST /api/webhooks/<gateway>, for every gateway the registry enables.
 */
export function webhookRoutes(ctx: ServiceContext): Router {
  const c = webhookController(ctx);
  const router = Router();
  router.post('/:gateway', validate({ params: gatewayParams }), rawJsonBody, c.receive);
  return router;
}
