import type { Request, Response } from 'express';
import type { PaymentReturnBody } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';
import { confirmPaymentReturn } from '../services/verification.service';

type GatewayParams = { gateway: string };

export function paymentController(ctx: ServiceContext) {
  return {
    /** POST /api/payments/:gateway/return — or a fixed gateway, for the tutorial's alias. */
    confirmReturn(fixedGateway?: string) {
      return async (req: Request<GatewayParams>, res: Response) => {
        const gateway = fixedGateway ?? req.params.gateway;
        const body = req.body as PaymentReturnBody;
        res.json({ order: await confirmPaymentReturn(ctx, gateway, body) });
      };
    },
  };
}
