import type { Request, Response } from 'express';
import type { CheckoutInput, CreateOrderInput } from '@checkout-lab/contracts/schemas';
import { startCheckout } from '../services/checkout.service';
import type { ServiceContext } from '../services/context';
import { createOrder, getOrder } from '../services/order.service';

type IdParams = { id: string };

export function orderController(ctx: ServiceContext) {
  return {
    async create(req: Request, res: Response) {
      const order = await createOrder(ctx, req.body as CreateOrderInput);
      res.status(201).location(`/api/orders/${order.id}`).json({ order });
    },
    async get(req: Request<IdParams>, res: Response) {
      res.set('Cache-Control', 'no-store').json({ order: await getOrder(req.params.id) });
    },
    async checkout(req: Request<IdParams>, res: Response) {
      res.status(201).json(await startCheckout(ctx, req.params.id, req.body as CheckoutInput));
    },
  };
}
