import type { Request, Response } from 'express';
import type { RazorpayVerifyInput, RupantorpayVerifyInput } from '../schemas/order.schema';
import type { ServiceContext } from '../services/context';
import { verifyRazorpayPayment, verifyRupantorpayPayment } from '../services/verification.service';

export function paymentController(ctx: ServiceContext) {
  return {
    async verifyRazorpay(req: Request, res: Response) {
      res.json({ order: await verifyRazorpayPayment(ctx, req.body as RazorpayVerifyInput) });
    },
    async verifyRupantorpay(req: Request, res: Response) {
      res.json({ order: await verifyRupantorpayPayment(ctx, req.body as RupantorpayVerifyInput) });
    },
  };
}
