import { Router } from 'express';
import { orderController } from '../controllers/order.controller';
import { limitPerMinute } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { checkoutBody, createOrderBody } from '@checkout-lab/contracts/schemas';
import { orderIdParams } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';

export function orderRoutes(ctx: ServiceContext): Router {
  const c = orderController(ctx);
  const router = Router();
  router.post(
    '/',
    limitPerMinute('orders', ctx.config.rateLimitPerMinute),
    validate({ body: createOrderBody }),
    c.create,
  );
  router.get('/:id', validate({ params: orderIdParams }), c.get);
  router.post(
    '/:id/checkout',
    limitPerMinute('checkout', ctx.config.rateLimitPerMinute),
    validate({ params: orderIdParams, body: checkoutBody }),
    c.checkout,
  );
  return router;
}
