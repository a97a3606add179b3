import type { Request, Response } from 'express';
import type { ServiceContext } from '../services/context';
import { getPublicConfig } from '../services/public-config.service';

export function configController(ctx: ServiceContext) {
  return {
    get(_req: Request, res: Response) {
      res.json(getPublicConfig(ctx.config, ctx.gateways));
    },
  };
}
