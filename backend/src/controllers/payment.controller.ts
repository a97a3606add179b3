import type { Request, Response } from 'express';
import type { RazorpayVerifyInput } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';
import { verifyRazorpayPayment } from '../services/verification.service';

export function paymentController(ctx: ServiceContext) {
  return {
    async verifyRazorpay(req: Request, res: Response) {
      res.json({ order: await verifyRazorpayPayment(ctx, req.body as RazorpayVerifyInput) });
    },
  };
}
