import { Router } from 'express';
import type { SandboxContext } from '../context';
import { findOrder } from './lookup';
import { listOrders } from './order-list';
import { createOrder, updateOrderNotes } from './orders.service';
import { collection, paymentView } from './views';

export function ordersRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.post('/', (req, res) => {
    res.json(createOrder(ctx, req.body));
  });
  router.get('/', (req, res) => {
    res.json(listOrders(ctx, req));
  });
  router.get('/:id', (req, res) => {
    res.json(findOrder(ctx.store, req.params.id));
  });
  router.patch('/:id', (req, res) => {
    res.json(updateOrderNotes(ctx, req.params.id, req.body));
  });
  router.get('/:id/payments', (req, res) => {
    const order = findOrder(ctx.store, req.params.id);
    res.json(collection(ctx.store.paymentsOfOrder(order.id).map((p) => paymentView(req, p))));
  });
  return router;
}
