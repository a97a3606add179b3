import { z } from 'zod';

// Stripe's objects as its API returns them (API reference and the OpenAPI fixtures). What the
// sandbox reads or changes is typed; nested parts it only copies through are loose objects.
// They double as the snapshot file's schema.

const metadata = z.record(z.string(), z.string());
const loose = z.looseObject({});

export const paymentIntentStatusSchema = z.enum([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
]);
export type PaymentIntentStatus = z.infer<typeof paymentIntentStatusSchema>;

export const lastPaymentErrorSchema = z.looseObject({
  type: z.enum(['card_error', 'invalid_request_error', 'api_error']),
  message: z.string(),
  code: z.string().optional(),
});

export const nextActionSchema = z.union([
  z.object({
    type: z.literal('redirect_to_url'),
    redirect_to_url: z.object({ url: z.string(), return_url: z.string() }),
  }),
  z.object({
    type: z.literal('use_stripe_sdk'),
    use_stripe_sdk: z.object({
      type: z.literal('three_d_secure_redirect'),
      stripe_js: z.string(),
      source: z.string(),
    }),
  }),
]);
export type NextAction = z.infer<typeof nextActionSchema>;

export const paymentIntentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: z.number().int(),
  amount_capturable: z.number().int(),
  amount_received: z.number().int(),
  canceled_at: z.number().int().nullable(),
  cancellation_reason: z.string().nullable(),
  capture_method: z.enum(['automatic', 'automatic_async']),
  client_secret: z.string(),
  created: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  last_payment_error: lastPaymentErrorSchema.nullable(),
  latest_charge: z.string().nullable(),
  metadata,
  next_action: nextActionSchema.nullable(),
  payment_method: z.string().nullable(),
  receipt_email: z.string().nullable(),
  status: paymentIntentStatusSchema,
});
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;

export const paymentMethodSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_method'),
  card: z.looseObject({ brand: z.string(), last4: z.string() }),
  created: z.number().int(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const chargeSchema = z.looseObject({
  id: z.string(),
  object: z.literal('charge'),
  amount: z.number().int(),
  amount_captured: z.number().int(),
  amount_refunded: z.number().int(),
  created: z.number().int(),
  currency: z.string(),
  payment_intent: z.string(),
  refunded: z.boolean(),
  refunds: z.object({
    object: z.literal('list'),
    data: z.array(loose),
    has_more: z.boolean(),
    url: z.string(),
  }),
  status: z.enum(['succeeded', 'pending', 'failed']),
});
export type Charge = z.infer<typeof chargeSchema>;

export const refundSchema = z.looseObject({
  id: z.string(),
  object: z.literal('refund'),
  amount: z.number().int(),
  charge: z.string(),
  created: z.number().int(),
  currency: z.string(),
  metadata,
  payment_intent: z.string(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).nullable(),
  status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
});
export type Refund = z.infer<typeof refundSchema>;

/** Sandbox-only: a 3-D Secure challenge waiting on its page (Stripe keeps this on its side). */
export const challengeSchema = z.object({
  token: z.string(),
  intent_id: z.string(),
  payment_method: z.string(),
  return_url: z.string().nullable(),
  created: z.number().int(),
});
export type Challenge = z.infer<typeof challengeSchema>;

/** Sandbox-only: a saved response for an `Idempotency-Key` (Stripe keeps them 24 hours). */
export const idempotentResponseSchema = z.object({
  key: z.string(),
  endpoint: z.string(),
  paramsHash: z.string(),
  status: z.number().int(),
  body: z.unknown(),
  requestId: z.string(),
  created: z.number().int(),
});
export type IdempotentResponse = z.infer<typeof idempotentResponseSchema>;

export const stripeSnapshotSchema = z.object({
  intents: z.array(paymentIntentSchema),
  paymentMethods: z.array(paymentMethodSchema),
  charges: z.array(chargeSchema),
  refunds: z.array(refundSchema),
  challenges: z.array(challengeSchema),
  idempotency: z.array(idempotentResponseSchema),
});
export type StripeSnapshot = z.infer<typeof stripeSnapshotSchema>;
