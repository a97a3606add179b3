import { Router } from 'express';
import { adminController } from '../controllers/admin.controller';
import { validate } from '../middleware/validate';
import { reconcileBody, refundBody, webhookResendBody } from '@checkout-lab/contracts/schemas';
import { orderListQuery, paymentListQuery, webhookEventListQuery } from '../schemas/admin.schema';
import { orderIdParams } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';
import { adminProductRoutes } from './product.routes';

/** Everything here sits behind requireAdmin (mounted in app.ts). */
export function adminRoutes(ctx: ServiceContext): Router {
  const c = adminController(ctx);
  const router = Router();
  router.use('/products', adminProductRoutes());
  router.get('/orders', validate({ query: orderListQuery }), c.listOrders);
  router.get('/orders/:id', validate({ params: orderIdParams }), c.getOrder);
  router.post(
    '/orders/:id/refund',
    validate({ params: orderIdParams, body: refundBody }),
    c.refund,
  );
  router.post('/orders/:id/fulfil', validate({ params: orderIdParams }), c.fulfil);
  router.post('/orders/:id/cancel', validate({ params: orderIdParams }), c.cancel);
  router.get('/payments', validate({ query: paymentListQuery }), c.listPayments);
  router.get('/webhook-events', validate({ query: webhookEventListQuery }), c.listWebhookEvents);
  router.get('/webhook-rejections', c.listWebhookRejections);
  router.post('/webhook-events/resend', validate({ body: webhookResendBody }), c.resendWebhook);
  router.post('/reconcile', validate({ body: reconcileBody }), c.reconcile);
  router.get('/emails', c.listEmails);
  return router;
}
