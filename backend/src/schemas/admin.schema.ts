import { emailSchema, gatewayNameSchema } from '@checkout-lab/contracts/schemas';
import {
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  WEBHOOK_OUTCOMES,
} from '@checkout-lab/contracts/statuses';
import { z } from 'zod';

const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const orderListQuery = z.strictObject({
  ...paging,
  status: z.enum(ORDER_STATUSES).optional(),
  email: emailSchema.optional(),
});

export const paymentListQuery = z.strictObject({
  ...paging,
  status: z.enum(PAYMENT_STATUSES).optional(),
  gateway: gatewayNameSchema.optional(),
});

export const webhookEventListQuery = z.strictObject({
  ...paging,
  gateway: gatewayNameSchema.optional(),
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

export type OrderListQuery = z.infer<typeof orderListQuery>;
export type PaymentListQuery = z.infer<typeof paymentListQuery>;
export type WebhookEventListQuery = z.infer<typeof webhookEventListQuery>;
