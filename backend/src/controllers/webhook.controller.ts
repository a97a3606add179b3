import type { Request, Response } from 'express';
import type { ServiceContext } from '../services/context';
import { receiveWebhook } from '../services/webhook.service';

export function webhookController(ctx: ServiceContext) {
  return {
    async receive(req: Request<{ gateway: string }>, res: Response) {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.json(await receiveWebhook(ctx, req.params.gateway, body, req.headers, req.ip));
    },
  };
}
