// Zod schemas for the parts of Stripe's objects we rely on (API reference:
// https://docs.stripe.com/api/payment_intents/object, /api/charges/object, /api/refunds/object,
// /api/events/object). Unknown fields pass through; missing or mistyped ones are a gateway error.
import { z } from 'zod';

const amount = z.number().int().nonnegative();
const id = (prefix: string) => z.string().startsWith(`${prefix}_`);
/** An expandable field: the id, or the object when expanded. */
const ref = (prefix: string) => z.union([id(prefix), z.looseObject({ id: id(prefix) })]);

export const stripeChargeSchema = z.looseObject({
  id: id('ch'),
  object: z.literal('charge'),
  amount,
  amount_refunded: amount,
  currency: z.string(),
  status: z.enum(['succeeded', 'pending', 'failed']),
  refunded: z.boolean(),
  payment_intent: ref('pi').nullable(),
  failure_code: z.string().nullish(),
  failure_message: z.string().nullish(),
  outcome: z.looseObject({ reason: z.string().nullish(), type: z.string().nullish() }).nullish(),
  payment_method_details: z.looseObject({ type: z.string() }).nullish(),
});

/** What a failed attempt left on the intent (a decline, a failed 3-D Secure challenge). */
const lastPaymentErrorSchema = z.looseObject({
  type: z.string(),
  code: z.string().nullish(),
  decline_code: z.string().nullish(),
  message: z.string().nullish(),
  charge: z.string().nullish(),
  payment_method: z.looseObject({ id: z.string() }).nullish(),
});

export const stripeIntentSchema = z.looseObject({
  id: id('pi'),
  object: z.literal('payment_intent'),
  amount,
  amount_received: amount.default(0),
  currency: z.string(),
  status: z.enum([
    'requires_payment_method',
    'requires_confirmation',
    'requires_action',
    'processing',
    'requires_capture',
    'canceled',
    'succeeded',
  ]),
  client_secret: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).default({}),
  latest_charge: z.union([id('ch'), stripeChargeSchema]).nullish(),
  last_payment_error: lastPaymentErrorSchema.nullish(),
  cancellation_reason: z.string().nullish(),
  payment_method_types: z.array(z.string()).default([]),
});

export const stripeRefundSchema = z.looseObject({
  id: id('re'),
  object: z.literal('refund'),
  amount,
  currency: z.string(),
  status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']).nullable(),
  payment_intent: ref('pi').nullish(),
  charge: ref('ch').nullish(),
});

export const stripeListSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });

export const stripeEventSchema = z.looseObject({
  id: id('evt'),
  object: z.literal('event'),
  type: z.string(),
  created: z.number().int(),
  data: z.looseObject({ object: z.unknown() }),
});

export type StripeCharge = z.infer<typeof stripeChargeSchema>;
export type StripeIntent = z.infer<typeof stripeIntentSchema>;
export type StripeRefund = z.infer<typeof stripeRefundSchema>;

/** The id of an expandable field, whether or not it was expanded. */
export function idOf(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.id;
}
