import type { Request, Response } from 'express';
import type { GatewayName } from '../gateways/gateway';
import type { ServiceContext } from '../services/context';
import { receiveWebhook } from '../services/webhook.service';

export function webhookController(ctx: ServiceContext) {
  return {
    receive(gateway: GatewayName) {
      return async (req: Request, res: Response) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        res.json(await receiveWebhook(ctx, gateway, body, req.headers));
      };
    },
  };
}
