import { Router } from 'express';
import { webhookController } from '../controllers/webhook.controller';
import { limitPerMinute } from '../middleware/rate-limit';
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
  const { perMinute, rejectsPerMinute } = ctx.config.webhookRateLimit;
  const router = Router();
  router.post(
    '/:gateway',
    // Per source address: a forger is cut off after a few rejections, a gateway's genuine
    // deliveries count only against the generous overall limit.
    limitPerMinute('webhook-rejects', rejectsPerMinute, { onlyFailures: true }),
    limitPerMinute('webhooks', perMinute),
    validate({ params: gatewayParams }),
    rawJsonBody,
    c.receive,
  );
  return router;
}
