import { z } from 'zod';
import { ORDER_STATUSES } from '../models/order.model';
import { GATEWAYS, PAYMENT_STATUSES } from '../models/payment.model';
import { WEBHOOK_OUTCOMES } from '../models/webhook-event.model';

const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const orderListQuery = z.strictObject({
  ...paging,
  status: z.enum(ORDER_STATUSES).optional(),
  email: z.email().optional(),
});

export const paymentListQuery = z.strictObject({
  ...paging,
  status: z.enum(PAYMENT_STATUSES).optional(),
  gateway: z.enum(GATEWAYS).optional(),
});

export const webhookEventListQuery = z.strictObject({
  ...paging,
  gateway: z.enum(GATEWAYS).optional(),
  type: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  outcome: z.enum(WEBHOOK_OUTCOMES).optional(),
  eventId: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,80}$/)
    .optional(),
});

// Both bodies may be omitted entirely (a full refund; the default grace period).
export const refundBody = z
  .strictObject({
    /** Minor units; omitted means everything still refundable. */
    amount: z.number().int().min(1).optional(),
    reason: z.string().trim().max(200).optional(),
  })
  .default({});

export const reconcileBody = z
  .strictObject({
    /** Only payments older than this are re-checked; the configured grace period by default. */
    olderThanSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .optional(),
  })
  .default({});

export type OrderListQuery = z.infer<typeof orderListQuery>;
export type PaymentListQuery = z.infer<typeof paymentListQuery>;
export type WebhookEventListQuery = z.infer<typeof webhookEventListQuery>;
export type RefundInput = z.infer<typeof refundBody>;
export type ReconcileInput = z.infer<typeof reconcileBody>;
