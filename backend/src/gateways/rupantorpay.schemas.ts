// RupantorPay's wire format, as its public integrators report it (sandbox/test/fixtures/documented/
// rupantorpay/ keeps every variant): amounts in taka as strings or numbers with any number of
// decimals, statuses in any case, `status: 1` or `true` on create, metadata as an object or as that
// object in a JSON string, the transaction id spelled three ways, errors as `{ status: false }`.
import { z } from 'zod';

export const TRANSACTION_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** Every spelling of the gateway's transaction id seen in return URLs, webhooks and answers. */
export const TRANSACTION_ID_KEYS = ['transaction_id', 'transactionId', 'transactionID'] as const;

/** The first transaction id found under any known spelling, or undefined. */
export function pickTransactionId(value: unknown): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  return TRANSACTION_ID_KEYS.map((k) => record[k]).find((v) => v !== undefined);
}

export const checkoutResponseSchema = z.looseObject({
  status: z.union([z.literal(true), z.literal(1)]),
  payment_url: z.url({ protocol: /^https?$/ }),
  message: z.string().optional(),
});

const ourMetadata = z.looseObject({
  merchant_ref: z.string().optional(),
  order_public_id: z.string().optional(),
  payment_id: z.string().optional(),
});

// Unreadable metadata is not a reason to reject the answer: the attempt is then found by its
// transaction id instead (see verification.service.ts).
const metadata = z
  .preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }, ourMetadata.nullish())
  .catch(null);

// Seed 000 reads `{ status: true, payment_status: 'completed' }`; the status word is then there.
const statusFromPaymentStatus = (v: unknown) => {
  if (!v || typeof v !== 'object') return v;
  const body = v as Record<string, unknown>;
  return typeof body.status === 'boolean' && typeof body.payment_status === 'string'
    ? { ...body, status: body.payment_status }
    : body;
};

export const verifyResponseSchema = z.preprocess(
  statusFromPaymentStatus,
  z.looseObject({
    /** Compared case-insensitively by the gateway module; unknown values mean "still open". */
    status: z.string().trim().min(1),
    transaction_id: z.string().regex(TRANSACTION_ID).optional(),
    amount: z.union([z.string(), z.number()]),
    currency: z.string().default('BDT'),
    payment_method: z.string().nullish(),
    /** The underlying wallet's or bank's own id for the payment. */
    trx_id: z.union([z.string(), z.number()]).nullish(),
    metadata,
  }),
);

export const errorBodySchema = z.looseObject({ status: z.literal(false), message: z.string() });

/** The unsigned webhook: only the transaction id is used, to ask the gateway. */
export const webhookHintSchema = z.preprocess(
  (v) => (v && typeof v === 'object' ? { ...v, transaction_id: pickTransactionId(v) } : v),
  z.looseObject({
    transaction_id: z.string().regex(TRANSACTION_ID),
    status: z.string().optional(),
  }),
);

export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
