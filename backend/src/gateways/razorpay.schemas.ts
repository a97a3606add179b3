// Zod schemas for the parts of Razorpay's entities we rely on. Unknown fields pass through
// untouched (Razorpay adds fields over time); missing or mistyped ones are a gateway error.
import { z } from 'zod';

const amount = z.number().int().nonnegative();
const nullableString = z.string().nullish();

export const razorpayOrderSchema = z.looseObject({
  id: z.string().startsWith('order_'),
  entity: z.literal('order'),
  amount,
  amount_paid: amount,
  amount_due: amount,
  currency: z.string(),
  receipt: nullableString,
  status: z.enum(['created', 'attempted', 'paid']),
  attempts: z.number().int(),
});

export const razorpayPaymentSchema = z.looseObject({
  id: z.string().startsWith('pay_'),
  entity: z.literal('payment'),
  amount,
  currency: z.string(),
  status: z.enum(['created', 'authorized', 'captured', 'refunded', 'failed']),
  order_id: z.string().nullish(),
  method: nullableString,
  captured: z.boolean().optional(),
  amount_refunded: amount.default(0),
  refund_status: z.enum(['partial', 'full']).nullish(),
  error_code: nullableString,
  error_description: nullableString,
  error_source: nullableString,
  error_step: nullableString,
  error_reason: nullableString,
});

export const razorpayRefundSchema = z.looseObject({
  id: z.string().startsWith('rfnd_'),
  entity: z.literal('refund'),
  amount,
  currency: z.string(),
  payment_id: z.string(),
  status: z.enum(['pending', 'processed', 'failed']),
});

export const razorpayCollectionSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ entity: z.literal('collection'), count: z.number(), items: z.array(item) });

export const razorpayWebhookSchema = z.looseObject({
  entity: z.literal('event'),
  event: z.string(),
  contains: z.array(z.string()).optional(),
  created_at: z.number().optional(),
  payload: z.looseObject({
    payment: z.object({ entity: razorpayPaymentSchema }).optional(),
    order: z.object({ entity: razorpayOrderSchema }).optional(),
    refund: z.object({ entity: razorpayRefundSchema }).optional(),
  }),
});

/** What the SDK rejects with on an HTTP error: `{ statusCode, error: <Razorpay's error body> }`. */
export const razorpaySdkErrorSchema = z.object({
  statusCode: z.number(),
  error: z
    .looseObject({
      code: z.string().optional(),
      description: z.string().optional(),
      field: z.string().nullish(),
      reason: z.string().nullish(),
    })
    .optional(),
});

export type RazorpayOrder = z.infer<typeof razorpayOrderSchema>;
export type RazorpayPayment = z.infer<typeof razorpayPaymentSchema>;
export type RazorpayRefund = z.infer<typeof razorpayRefundSchema>;
export type RazorpayWebhook = z.infer<typeof razorpayWebhookSchema>;
