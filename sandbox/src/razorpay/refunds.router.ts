import { Router } from 'express';
import type { SandboxContext } from '../context';
import { findRefund } from './lookup';
import { collection, inTimeRange, paginate } from './views';

export function refundsRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.get('/', (req, res) => {
    res.json(collection(paginate(req, inTimeRange(req, [...ctx.store.refunds.values()]))));
  });
  router.get('/:id', (req, res) => {
    res.json(findRefund(ctx.store, req.params.id));
  });
  return router;
}
