import { Router } from 'express';
import type { SandboxContext } from '../context';
import { idDoesNotExist } from './razorpay-error';
import { findPayment, findRefund } from './lookup';
import { capture, refund, updatePaymentNotes } from './payments.service';
import { collection, inTimeRange, paginate, paymentView } from './views';

export function paymentsRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.get('/', (req, res) => {
    res.json(
      collection(
        paginate(req, inTimeRange(req, [...ctx.store.payments.values()])).map((p) =>
          paymentView(req, p),
        ),
      ),
    );
  });
  router.get('/:id', (req, res) => {
    res.json(paymentView(req, findPayment(ctx.store, req.params.id)));
  });
  router.patch('/:id', (req, res) => {
    res.json(paymentView(req, updatePaymentNotes(ctx, req.params.id, req.body)));
  });
  router.post('/:id/capture', (req, res) => {
    res.json(paymentView(req, capture(ctx, req.params.id, req.body)));
  });
  router.post('/:id/refund', (req, res) => {
    res.json(refund(ctx, req.params.id, req.body));
  });
  router.get('/:id/refunds', (req, res) => {
    const payment = findPayment(ctx.store, req.params.id);
    res.json(collection(paginate(req, inTimeRange(req, ctx.store.refundsOfPayment(payment.id)))));
  });
  router.get('/:id/refunds/:refundId', (req, res) => {
    const payment = findPayment(ctx.store, req.params.id);
    const found = findRefund(ctx.store, req.params.refundId);
    if (found.payment_id !== payment.id) throw idDoesNotExist();
    res.json(found);
  });
  return router;
}
