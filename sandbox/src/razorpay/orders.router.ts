import { Router } from 'express';
import type { SandboxContext } from '../context';
import { findOrder } from './lookup';
import { createOrder } from './orders.service';
import { collection, paginate, paymentView } from './views';

export function ordersRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.post('/', (req, res) => {
    res.json(createOrder(ctx, req.body));
  });
  router.get('/', (req, res) => {
    res.json(collection(paginate(req, [...ctx.store.orders.values()])));
  });
  router.get('/:id', (req, res) => {
    res.json(findOrder(ctx.store, req.params.id));
  });
  router.get('/:id/payments', (req, res) => {
    const order = findOrder(ctx.store, req.params.id);
    res.json(collection(ctx.store.paymentsOfOrder(order.id).map((p) => paymentView(req, p))));
  });
  return router;
}
