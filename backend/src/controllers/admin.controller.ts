import type { Request, Response } from 'express';
import type {
  ReconcileInput,
  RefundInput,
  WebhookResendInput,
} from '@checkout-lab/contracts/schemas';
import type {
  OrderListQuery,
  PaymentListQuery,
  WebhookEventListQuery,
} from '../schemas/admin.schema';
import * as admin from '../services/admin.service';
import type { ServiceContext } from '../services/context';
import { findOrder, getOrder } from '../services/order.service';
import { cancelOrder, markOrderFulfilled } from '../services/order-state';
import { reconcile } from '../services/reconcile.service';
import { refundOrder } from '../services/refund.service';
import { listRejections } from '../services/webhook-rejection.service';
import { resendWebhook } from '../services/webhook-resend.service';

type IdParams = { id: string };

export function adminController(ctx: ServiceContext) {
  return {
    async listOrders(req: Request, res: Response) {
      res.json(await admin.listOrders(req.query as unknown as OrderListQuery));
    },
    async getOrder(req: Request<IdParams>, res: Response) {
      res.json({ order: await getOrder(req.params.id) });
    },
    async refund(req: Request<IdParams>, res: Response) {
      res.json({ order: await refundOrder(ctx, req.params.id, req.body as RefundInput) });
    },
    async fulfil(req: Request<IdParams>, res: Response) {
      await markOrderFulfilled((await findOrder(req.params.id))._id);
      res.json({ order: await getOrder(req.params.id) });
    },
    async cancel(req: Request<IdParams>, res: Response) {
      await cancelOrder((await findOrder(req.params.id))._id);
      res.json({ order: await getOrder(req.params.id) });
    },
    async listPayments(req: Request, res: Response) {
      res.json(await admin.listPayments(req.query as unknown as PaymentListQuery));
    },
    async listWebhookEvents(req: Request, res: Response) {
      res.json(await admin.listWebhookEvents(req.query as unknown as WebhookEventListQuery));
    },
    async listWebhookRejections(_req: Request, res: Response) {
      res.json({ rejections: await listRejections() });
    },
    async resendWebhook(req: Request, res: Response) {
      res.status(202).json(await resendWebhook(ctx, req.body as WebhookResendInput));
    },
    async reconcile(req: Request, res: Response) {
      const input = req.body as ReconcileInput;
      const graceMs =
        input.olderThanSeconds === undefined
          ? ctx.config.reconcile.graceMs
          : input.olderThanSeconds * 1000;
      res.json({ summary: await reconcile(ctx, graceMs, { allOpen: true }) });
    },
    async listEmails(_req: Request, res: Response) {
      res.json({ emails: await ctx.mailer.listOutbox() });
    },
  };
}
