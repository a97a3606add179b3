import { Router } from 'express';
import { paymentController } from '../controllers/payment.controller';
import { limitPerMinute } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { gatewayParams, paymentReturnBody } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';

export function paymentRoutes(ctx: ServiceContext): Router {
  const c = paymentController(ctx);
  const limit = limitPerMinute('payment-returns', ctx.config.rateLimitPerMinute * 2);
  const router = Router();
  // What the browser brought back from any gateway: a modal's handler payload or a redirect's
  // query string. The gateway named in the path reads it and asks its own API.
  router.post(
    '/:gateway/return',
    limit,
    validate({ params: gatewayParams, body: paymentReturnBody }),
    c.confirmReturn(),
  );
  // The name every Razorpay tutorial gives this step ("verify the signature"); the same handler.
  router.post(
    '/razorpay/verify',
    limit,
    validate({ body: paymentReturnBody }),
    c.confirmReturn('razorpay'),
  );
  return router;
}
