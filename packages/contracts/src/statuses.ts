// Every status and event-type list the backend writes and the storefront reads, once, as
// `as const` arrays: the types derive from them, the Mongoose enums and the admin filters use
// them, so a renamed value fails the typecheck on both sides.

/** Forward only: pending → paid → fulfilled, pending → cancelled, paid | fulfilled → refunded. */
export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Forward only: created → authorized → captured → refunded, created | authorized → failed,
 * created → expired (the order's expiry window passed unpaid). `expired` is not final: a late
 * capture or failure the gateway reports afterwards is still recorded (expired → captured |
 * failed), so an expiry never loses a payment that arrives late.
 */
export const PAYMENT_STATUSES = [
  'created',
  'authorized',
  'captured',
  'refunded',
  'failed',
  'expired',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ['pending', 'processed', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A checkout attempt's stock hold: `holding` while checkout takes the units and opens the
 * gateway's order (nobody outside can name the attempt yet), `held` until the
 * payment takes them for good (`taken`) or they go back (`releasing` → `released`: the attempt
 * failed, was cancelled or replaced, or its window passed).
 */
export const HOLD_STATES = ['holding', 'held', 'releasing', 'released', 'taken'] as const;
export type HoldState = (typeof HOLD_STATES)[number];

/** Who reported a fact on a timeline. */
export const TIMELINE_SOURCES = ['checkout', 'verify', 'webhook', 'reconcile', 'admin'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

/** What happened to a stored webhook event. */
export const WEBHOOK_OUTCOMES = [
  'pending',
  'applied',
  'no_change',
  'unknown_order',
  'ignored',
  'rejected',
  'failed',
] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** How the browser pays: a modal on our page, the gateway's hosted page, or an embedded element. */
export const CHECKOUT_KINDS = ['modal', 'redirect', 'embedded'] as const;
export type CheckoutKind = (typeof CHECKOUT_KINDS)[number];

/**
 * Every timeline entry type the backend writes. The order page's progress steps are written
 * against these, so a step can only wait for a string that really appears.
 */
export const TIMELINE_TYPES = [
  'order.created',
  'order.paid',
  'order.fulfilled',
  'order.cancelled',
  'order.refunded',
  'checkout.started',
  'signature.verified',
  'signature.rejected',
  'gateway.verified',
  'webhook.received',
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'payment.expired',
  'payment.refunded',
  'payment.refunded_partial',
  'payment.refunded_full',
  'payment.retried',
  'payment.mismatch',
  'payment.amount_mismatch',
  'payment.needs_refund',
  'payment.capture_requested',
  'payment.capture_failed',
  'refund.created',
  'refund.pending',
  'refund.processed',
  'refund.failed',
  'refund.reason',
  'refund.sold_out',
  'stock.held',
  'stock.released',
  'stock.decremented',
  'stock.shortfall',
  'email.sent',
  'email.failed',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/**
 * True when the shop cancelled the order on its own because it went unpaid past its expiry
 * window: the expiry sweep cancels as `reconcile`, an admin as `admin`. The backend's checkout
 * refusal and the storefront's notices tell the buyer which by this one rule.
 */
export function expiredUnpaid(order: {
  status: string;
  timeline: ReadonlyArray<{ type: string; source: string }>;
}): boolean {
  return (
    order.status === 'cancelled' &&
    order.timeline.some((e) => e.type === 'order.cancelled' && e.source === 'reconcile')
  );
}
