import { Router } from 'express';
import { paymentController } from '../controllers/payment.controller';
import { limitPerMinute } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { razorpayVerifyBody, rupantorpayVerifyBody } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';

export function paymentRoutes(ctx: ServiceContext): Router {
  const c = paymentController(ctx);
  const router = Router();
  router.post(
    '/razorpay/verify',
    limitPerMinute(ctx.config.rateLimitPerMinute * 2),
    validate({ body: razorpayVerifyBody }),
    c.verifyRazorpay,
  );
  router.post(
    '/rupantorpay/verify',
    limitPerMinute(ctx.config.rateLimitPerMinute * 2),
    validate({ body: rupantorpayVerifyBody }),
    c.verifyRupantorpay,
  );
  return router;
}
