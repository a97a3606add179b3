// Stripe's objects mapped to the gateway-neutral types of gateway.ts. One PaymentIntent is one
// checkout attempt, and the intent itself is the payment that can succeed: it is `created`
// while it can still be paid (even after a decline: Stripe lets the buyer try again on the same
// intent), `captured` once it succeeded, `failed` only when it was canceled. A declined try is
// a failed payment of its own, named by its charge, so it is recorded without ever failing the
// intent that may still be paid.
import type { GatewayPayment, GatewayRefund, ParsedWebhook, WebhookKind } from './gateway';
import {
  idOf,
  stripeChargeSchema,
  stripeEventSchema,
  stripeIntentSchema,
  stripeRefundSchema,
  type StripeCharge,
  type StripeIntent,
  type StripeRefund,
} from './stripe.schemas';
import { stripeMoney } from './stripe.amounts';

/** The events to subscribe the shop's endpoint to (Dashboard → Webhooks, `npm run tunnel`). */
export const STRIPE_WEBHOOK_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'charge.refunded',
  'refund.created',
  'refund.updated',
] as const;

function intentStatus(intent: StripeIntent, charge?: StripeCharge): GatewayPayment['status'] {
  switch (intent.status) {
    case 'succeeded':
      return charge?.refunded ? 'refunded' : 'captured';
    case 'requires_capture':
      return 'authorized';
    case 'canceled':
      return 'failed';
    default:
      // requires_payment_method (also after a decline), requires_confirmation,
      // requires_action (a challenge not finished) and processing: still open.
      return 'created';
  }
}

/** The intent as our payment for the whole attempt. */
export function intentToPayment(intent: StripeIntent): GatewayPayment {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : undefined;
  const status = intentStatus(intent, charge ?? undefined);
  const { currency, from } = stripeMoney(intent.currency);
  const paid = status === 'captured' || status === 'refunded';
  return {
    paymentId: intent.id,
    orderId: intent.id,
    status,
    amount: from(paid ? intent.amount_received : intent.amount),
    currency,
    method:
      charge?.payment_method_details?.type ??
      (intent.payment_method_types.length === 1 ? intent.payment_method_types[0] : undefined),
    amountRefunded: charge ? from(charge.amount_refunded) : 0,
    ...(status === 'failed'
      ? {
          error: {
            code: 'canceled',
            description: `The payment was canceled${intent.cancellation_reason ? ` (${intent.cancellation_reason})` : ''}`,
            reason: intent.cancellation_reason ?? undefined,
          },
        }
      : {}),
    raw: intent,
  };
}

/** A declined try on an intent that is still payable: a failed payment named by its charge. */
export function declinedAttempt(intent: StripeIntent): GatewayPayment | undefined {
  const error = intent.last_payment_error;
  if (!error?.charge || intent.status === 'succeeded') return undefined;
  const { currency, from } = stripeMoney(intent.currency);
  return {
    paymentId: error.charge,
    orderId: intent.id,
    status: 'failed',
    amount: from(intent.amount),
    currency,
    amountRefunded: 0,
    error: {
      code: error.code ?? error.type,
      description: error.message ?? undefined,
      reason: error.decline_code ?? error.code ?? undefined,
    },
    raw: error,
  };
}

/**
 * A charge as what it says about our payment: a failed charge is a declined try of its own; a
 * successful one is the intent's money, so it reports the intent (refunds included).
 */
export function chargeToPayment(charge: StripeCharge): GatewayPayment | undefined {
  const intentId = idOf(charge.payment_intent);
  if (!intentId) return undefined;
  const { currency, from } = stripeMoney(charge.currency);
  const failed = charge.status === 'failed';
  return {
    paymentId: failed ? charge.id : intentId,
    orderId: intentId,
    status: failed
      ? 'failed'
      : charge.status === 'pending'
        ? 'created'
        : charge.refunded
          ? 'refunded'
          : 'captured',
    amount: from(charge.amount),
    currency,
    method: charge.payment_method_details?.type,
    amountRefunded: from(charge.amount_refunded),
    ...(failed
      ? {
          error: {
            code: charge.failure_code ?? undefined,
            description: charge.failure_message ?? undefined,
            reason: charge.outcome?.reason ?? charge.failure_code ?? undefined,
          },
        }
      : {}),
    raw: charge,
  };
}

export function toGatewayRefund(refund: StripeRefund): GatewayRefund {
  const status =
    refund.status === 'succeeded'
      ? 'processed'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending';
  return {
    refundId: refund.id,
    // Our payment is the intent; a refund of a charge without one names the charge.
    paymentId: idOf(refund.payment_intent) ?? idOf(refund.charge) ?? '',
    amount: stripeMoney(refund.currency).from(refund.amount),
    status,
    raw: refund,
  };
}

const REFUND_KINDS: Record<GatewayRefund['status'], WebhookKind> = {
  pending: 'refund.created',
  processed: 'refund.processed',
  failed: 'refund.failed',
};

/**
 * Maps a verified event body to the gateway-neutral shape; never throws on content.
 * `fallbackId` names a signed body that is not an event we can read (a digest of its bytes).
 */
export function interpretStripeEvent(json: unknown, fallbackId: string): ParsedWebhook {
  const event = stripeEventSchema.safeParse(json);
  if (!event.success) {
    return {
      eventId: fallbackId,
      type: 'unreadable',
      kind: 'unsupported',
      refs: {},
      payload: json,
    };
  }
  const { id: eventId, type, data } = event.data;
  const base = { eventId, type, payload: json };
  const unsupported: ParsedWebhook = { ...base, kind: 'unsupported', refs: {} };
  if (!(STRIPE_WEBHOOK_EVENTS as readonly string[]).includes(type)) return unsupported;

  if (type.startsWith('refund.')) {
    const refund = stripeRefundSchema.safeParse(data.object);
    if (!refund.success) return unsupported;
    const gr = toGatewayRefund(refund.data);
    const refs = { orderId: gr.paymentId, paymentId: gr.paymentId, refundId: gr.refundId };
    return { ...base, kind: REFUND_KINDS[gr.status], refs, amount: gr.amount, refund: gr };
  }
  let payment: GatewayPayment | undefined;
  if (type === 'charge.refunded') {
    const charge = stripeChargeSchema.safeParse(data.object);
    payment = charge.success ? chargeToPayment(charge.data) : undefined;
  } else {
    const intent = stripeIntentSchema.safeParse(data.object);
    if (intent.success) {
      // A decline names its charge; a failed 3-D Secure challenge charged nothing and leaves
      // the intent payable, so it reports the (still open) intent.
      payment =
        (type === 'payment_intent.payment_failed' && declinedAttempt(intent.data)) ||
        intentToPayment(intent.data);
    }
  }
  if (!payment) return unsupported;
  // Every payment kind is applied alike (the payment's status decides); the kind is for people.
  const kind: WebhookKind =
    type === 'payment_intent.payment_failed' || type === 'payment_intent.canceled'
      ? 'payment.failed'
      : 'payment.captured';
  return {
    ...base,
    kind,
    refs: { orderId: payment.orderId, paymentId: payment.paymentId },
    amount: payment.amount,
    payment,
  };
}
