import { Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { badRequest } from '../razorpay/razorpay-error';
import {
  RUPANTOR_DIALECT_PRESETS,
  rupantorDialectSchema,
  type RupantorDialect,
} from '../rupantorpay/dialect';

const presetNames = Object.keys(RUPANTOR_DIALECT_PRESETS) as [
  keyof typeof RUPANTOR_DIALECT_PRESETS,
];
const dialectChange = rupantorDialectSchema
  .partial()
  .extend({ preset: z.enum(presetNames).optional() })
  .strict();

/** Applies `{ preset?, ...fields }` to the current dialect: the preset first, then the fields. */
export function changeDialect(current: RupantorDialect, body: unknown): RupantorDialect {
  const parsed = dialectChange.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || null;
    throw badRequest(`${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, field);
  }
  const { preset, ...fields } = parsed.data;
  return { ...(preset ? RUPANTOR_DIALECT_PRESETS[preset] : current), ...fields };
}

/** `/_sandbox/rupantorpay/dialect`: which of RupantorPay's documented variants the sandbox speaks. */
export function dialectRouter(ctx: SandboxContext): Router {
  const router = Router();
  const { settings } = ctx;
  router.get('/dialect', (_req, res) => {
    res.json(settings.rupantorpayDialect);
  });
  router.put('/dialect', (req, res) => {
    settings.rupantorpayDialect = changeDialect(settings.rupantorpayDialect, req.body);
    res.json(settings.rupantorpayDialect);
  });
  router.delete('/dialect', (_req, res) => {
    settings.rupantorpayDialect = { ...ctx.config.rupantorpayDialect };
    res.json(settings.rupantorpayDialect);
  });
  return router;
}
