// RupantorPay's wire format: amounts in taka (major units) as strings or numbers, statuses in
// capitals, errors as `{ status: false, message }`.
import { z } from 'zod';

export const TRANSACTION_ID = /^[A-Za-z0-9_-]{6,64}$/;

export const checkoutResponseSchema = z.looseObject({
  status: z.literal(true),
  payment_url: z.url({ protocol: /^https?$/ }),
  message: z.string().optional(),
});

export const verifyResponseSchema = z.looseObject({
  status: z.enum(['COMPLETED', 'PENDING', 'FAILED']),
  transaction_id: z.string().regex(TRANSACTION_ID),
  amount: z.union([z.string(), z.number()]),
  currency: z.string().default('BDT'),
  payment_method: z.string().nullish(),
  metadata: z
    .looseObject({
      merchant_ref: z.string().optional(),
      order_public_id: z.string().optional(),
      payment_id: z.string().optional(),
    })
    .nullish(),
});

export const errorBodySchema = z.looseObject({ status: z.literal(false), message: z.string() });

/** The unsigned webhook: only the transaction id is used, to ask the gateway. */
export const webhookHintSchema = z.looseObject({
  transaction_id: z.string().regex(TRANSACTION_ID),
  status: z.string().optional(),
});

export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
