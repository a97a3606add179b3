import type { SandboxContext } from '../context';
import type { PaymentIntent, Refund } from '../store/stripe-entities';
import type { Caller } from './caller';
import { cancelIntent, confirmIntent, createIntent } from './payment-intents.service';
import { createRefund } from './refunds.service';
import { STRIPE_EVENTS, type StripeEventType } from './stripe-events';
import { StripeApiError } from './stripe-error';
import { newStripeId } from './stripe-ids';

export interface StripeTriggerResult {
  event: StripeEventType;
  payment_intent: PaymentIntent;
  refund: Refund | null;
  /** Every event the actions raised, in order (a refund also raises the payment's events). */
  events: { id: string; type: string }[];
}

export const isStripeEvent = (type: string): type is StripeEventType =>
  (STRIPE_EVENTS as readonly string[]).includes(type);

// Which test PaymentMethod leads to each event, as `stripe trigger` picks its fixtures.
const PAYMENT_METHOD: Partial<Record<StripeEventType, string>> = {
  'payment_intent.succeeded': 'pm_card_visa',
  'charge.succeeded': 'pm_card_visa',
  'charge.refunded': 'pm_card_visa',
  'refund.created': 'pm_card_visa',
  'payment_intent.payment_failed': 'pm_card_visa_chargeDeclined',
  'charge.failed': 'pm_card_visa_chargeDeclined',
  'payment_intent.requires_action': 'pm_card_authenticationRequired',
};

/**
 * Like `stripe trigger <event>`: real sandbox actions through the same services the API uses
 * (a $20.00 intent, a confirmation with a test PaymentMethod, a cancel or a full refund), so the
 * webhook carries real ids that the API can then retrieve.
 */
export function triggerStripe(
  ctx: SandboxContext,
  event: StripeEventType,
  origin: string,
): StripeTriggerResult {
  const before = new Set(ctx.store.events.keys());
  const caller: Caller = {
    key: 'secret',
    request: { requestId: newStripeId('req'), idempotencyKey: null },
    origin,
  };
  let intent = createIntent(
    ctx,
    { amount: '2000', currency: 'usd', metadata: { source: 'sandbox trigger', event } },
    caller,
  );
  const paymentMethod = PAYMENT_METHOD[event];
  if (paymentMethod) {
    try {
      intent = confirmIntent(ctx, intent.id, { payment_method: paymentMethod }, caller);
    } catch (err) {
      // A declined test card is the point of payment_failed; anything else is a real problem.
      if (!(err instanceof StripeApiError) || err.status !== 402) throw err;
    }
  }
  if (event === 'payment_intent.canceled') intent = cancelIntent(ctx, intent.id, {}, caller);
  const refund =
    event === 'charge.refunded' || event === 'refund.created'
      ? createRefund(ctx, { payment_intent: intent.id }, caller)
      : null;
  const events = [...ctx.store.events.values()]
    .filter((e) => !before.has(e.id))
    .map((e) => ({ id: e.id, type: e.type }));
  return {
    event,
    payment_intent: ctx.store.stripe.intents.get(intent.id) ?? intent,
    refund,
    events,
  };
}
