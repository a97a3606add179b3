// The API's responses, written once, as zod schemas: the TypeScript types derive from them, the
// backend's mappers are typed against those types (a field renamed on one side fails the
// typecheck of the other), and the OpenAPI document describes responses with them. Money is
// integer minor units plus a currency; times are ISO 8601 strings.
import { z } from 'zod';
import { CURRENCIES } from './money';
import {
  CHECKOUT_KINDS,
  HOLD_STATES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  TIMELINE_SOURCES,
  TIMELINE_TYPES,
  WEBHOOK_OUTCOMES,
} from './statuses';

const currency = z.enum(CURRENCIES);
const minor = z.number().int();
const isoTime = z.iso.datetime();
const nullableTime = isoTime.nullable();

/** A gateway's name as the API uses it ("razorpay"); the storefront never branches on it. */
export const gatewayNameDto = z.string();
export type GatewayName = z.infer<typeof gatewayNameDto>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const productDtoSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  image: z.string(),
  price: minor,
  currency,
  stock: z.number().int(),
  active: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type ProductDto = z.infer<typeof productDtoSchema>;

/** What a gateway lets the browser know (GET /api/config): never a secret. */
export const gatewayInfoSchema = z.object({
  name: gatewayNameDto,
  /** For people: "Razorpay". */
  label: z.string(),
  /** One line for the payment step: "Cards, UPI, netbanking and wallets". */
  description: z.string(),
  kind: z.enum(CHECKOUT_KINDS),
  currencies: z.array(currency),
  /** The public half of the gateway's keys (Razorpay key id, Stripe publishable key). */
  publicKey: z.string().optional(),
  /** The gateway's browser script (checkout.js, stripe.js), when it has one. */
  scriptUrl: z.string().optional(),
});
export type GatewayInfo = z.infer<typeof gatewayInfoSchema>;

export const publicConfigSchema = z.object({
  storeName: z.string(),
  mode: z.enum(['sandbox', 'live']),
  gateways: z.array(gatewayInfoSchema),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const customerDtoSchema = z.object({
  name: z.string(),
  email: z.string(),
  contact: z.string(),
});
export type CustomerDto = z.infer<typeof customerDtoSchema>;

export const orderItemDtoSchema = z.object({
  slug: z.string(),
  name: z.string(),
  image: z.string(),
  unitPrice: minor,
  quantity: z.number().int(),
  lineTotal: minor,
});
export type OrderItemDto = z.infer<typeof orderItemDtoSchema>;

export const paymentErrorDtoSchema = z.object({
  code: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  step: z.string().optional(),
  reason: z.string().optional(),
});
export type PaymentErrorDto = z.infer<typeof paymentErrorDtoSchema>;

export const refundDtoSchema = z.object({
  id: z.string(),
  amount: minor,
  status: z.enum(REFUND_STATUSES),
  createdAt: isoTime,
  processedAt: nullableTime,
});
export type RefundDto = z.infer<typeof refundDtoSchema>;

export const stockHoldDtoSchema = z.object({
  state: z.enum(HOLD_STATES),
  /** When a held attempt's units go back if it is not paid. */
  expiresAt: nullableTime,
  /** Why the units went back: payment_failed, cancelled, superseded, expired, … */
  reason: z.string().nullable(),
});
export type StockHoldDto = z.infer<typeof stockHoldDtoSchema>;

export const paymentDtoSchema = z.object({
  id: z.string(),
  attempt: z.number().int(),
  gateway: gatewayNameDto,
  status: z.enum(PAYMENT_STATUSES),
  amount: minor,
  currency,
  method: z.string().nullable(),
  refundStatus: z.enum(['partial', 'full']).nullable(),
  amountRefunded: minor,
  signatureVerified: z.boolean(),
  refs: z.object({
    orderId: z.string().nullable(),
    paymentId: z.string().nullable(),
    /** The wallet's, bank's or network's own id for the payment (RupantorPay's `trx_id`). */
    acquirerRef: z.string().nullable(),
  }),
  error: paymentErrorDtoSchema.nullable(),
  refunds: z.array(refundDtoSchema),
  /** The units this checkout attempt holds (only the attempt checkout created has one). */
  stockHold: stockHoldDtoSchema.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type PaymentDto = z.infer<typeof paymentDtoSchema>;

export const timelineItemDtoSchema = z.object({
  at: isoTime,
  type: z.enum(TIMELINE_TYPES),
  source: z.enum(TIMELINE_SOURCES),
  message: z.string(),
  /** Which checkout attempt an entry belongs to; absent for order-level entries. */
  attempt: z.number().int().optional(),
});
export type TimelineItemDto = z.infer<typeof timelineItemDtoSchema>;

export const orderDtoSchema = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  currency,
  customer: customerDtoSchema,
  items: z.array(orderItemDtoSchema),
  subtotal: minor,
  discount: minor,
  tax: minor,
  shipping: minor,
  total: minor,
  coupon: z.string().nullable(),
  amountRefunded: minor,
  paidAt: nullableTime,
  createdAt: isoTime,
  updatedAt: isoTime,
  payments: z.array(paymentDtoSchema),
  timeline: z.array(timelineItemDtoSchema),
});
export type OrderDto = z.infer<typeof orderDtoSchema>;

/** The options a modal gateway's script takes (Razorpay's `new Razorpay(options)`), minus callbacks. */
export const modalOptionsSchema = z.looseObject({
  key: z.string(),
  order_id: z.string(),
  amount: minor,
  currency: z.string(),
  name: z.string(),
  description: z.string().optional(),
  prefill: z
    .object({
      name: z.string().optional(),
      email: z.string().optional(),
      contact: z.string().optional(),
    })
    .optional(),
  notes: z.record(z.string(), z.string()).optional(),
});
export type ModalOptions = z.infer<typeof modalOptionsSchema>;

/** How the browser continues after POST /api/orders/:id/checkout; one branch per checkout kind. */
export const checkoutStartDtoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal'), scriptUrl: z.string(), options: modalOptionsSchema }),
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({
    kind: z.literal('embedded'),
    scriptUrl: z.string(),
    publicKey: z.string(),
    clientSecret: z.string(),
    /** Where the gateway sends the browser after a confirmation that needs a redirect. */
    returnUrl: z.string(),
  }),
]);
export type CheckoutStartDto = z.infer<typeof checkoutStartDtoSchema>;

export const checkoutResponseSchema = z.object({
  payment: z.object({ id: z.string(), attempt: z.number().int(), gateway: gatewayNameDto }),
  checkout: checkoutStartDtoSchema,
});
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;

// ---- Admin ------------------------------------------------------------------------------

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
  });
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export const adminOrderSummarySchema = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  customer: z.object({ name: z.string(), email: z.string() }),
  total: minor,
  currency,
  amountRefunded: minor,
  attempts: z.number().int(),
  createdAt: isoTime,
  paidAt: nullableTime,
});
export type AdminOrderSummary = z.infer<typeof adminOrderSummarySchema>;

export const adminPaymentDtoSchema = paymentDtoSchema.extend({
  /** The shop order's public id. */
  orderId: z.string().nullable(),
});
export type AdminPaymentDto = z.infer<typeof adminPaymentDtoSchema>;

export const webhookEventDtoSchema = z.object({
  id: z.string(),
  gateway: gatewayNameDto,
  eventId: z.string(),
  type: z.string(),
  signatureValid: z.boolean(),
  outcome: z.enum(WEBHOOK_OUTCOMES),
  detail: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** Deliveries of this event after the first (retries, resends): each answered duplicate. */
  redeliveries: z.number().int(),
  receivedAt: isoTime,
  processedAt: nullableTime,
  /** The shop order the event was about (its public id), once processed; null when not ours. */
  orderId: z.string().nullable(),
  /** Our payment attempt it was about (PaymentDto.id), once processed. */
  paymentId: z.string().nullable(),
  payload: z.unknown(),
});
export type WebhookEventDto = z.infer<typeof webhookEventDtoSchema>;

/** One rejected (badly signed) delivery, kept as a sample: the body is cut short. */
export const webhookRejectionSampleDtoSchema = z.object({
  at: isoTime,
  /** The client address (req.ip): the socket's, or a trusted proxy's X-Forwarded-For. */
  source: z.string(),
  reason: z.string(),
  /** The event type the delivery claimed to be (unverified: its signature failed). */
  claimedType: z.string().nullable(),
  /** The event id it claimed. */
  claimedEventId: z.string().nullable(),
  body: z.string(),
});
export type WebhookRejectionSampleDto = z.infer<typeof webhookRejectionSampleDtoSchema>;

/** Rejected deliveries per gateway: a count, and the last few as samples (newest first). */
export const webhookRejectionsDtoSchema = z.object({
  gateway: gatewayNameDto,
  count: z.number().int(),
  lastAt: nullableTime,
  samples: z.array(webhookRejectionSampleDtoSchema),
});
export type WebhookRejectionsDto = z.infer<typeof webhookRejectionsDtoSchema>;

/** The answer to a resend: which event the sandbox is delivering again. */
export const webhookResendDtoSchema = z.object({
  resent: z.object({ gateway: gatewayNameDto, eventId: z.string() }),
});
export type WebhookResendDto = z.infer<typeof webhookResendDtoSchema>;

export const outboxEmailDtoSchema = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The order the email is about (its public id). */
  orderId: z.string().optional(),
  sentAt: isoTime,
  delivery: z.enum(['outbox', 'smtp']),
});
export type OutboxEmailDto = z.infer<typeof outboxEmailDtoSchema>;

export const reconcileSummarySchema = z.object({
  /** Checkout attempts asked about (one gateway call each, at most MAX_CHECKS_PER_SWEEP). */
  checked: z.number().int(),
  /** Pages of due attempts read: the sweep's cost follows what was due, not the history. */
  pages: z.number().int(),
  settled: z.number().int(),
  gatewayErrors: z.number().int(),
  webhooksRetried: z.number().int(),
  /** Captured payments whose order had not been settled (a crash in between), now settled. */
  ordersRepaired: z.number().int(),
  fulfilmentsResumed: z.number().int(),
  /** Stock holds whose window passed (or whose release was interrupted), given back. */
  holdsReleased: z.number().int(),
  /**
   * Pending orders whose newest attempt is older than ORDER_EXPIRY_MINUTES, asked about one last
   * time and then cancelled (their open attempts expired, their holds released).
   */
  ordersExpired: z.number().int(),
});
export type ReconcileSummary = z.infer<typeof reconcileSummarySchema>;
