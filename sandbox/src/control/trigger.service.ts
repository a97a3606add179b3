import type { SandboxContext } from '../context';
import type { Order, Payment, Refund } from '../store/entities';
import { payOrder } from '../razorpay/checkout-payment.service';
import { RAZORPAY_EVENTS, type RazorpayEventType } from '../razorpay/events';
import { createOrder } from '../razorpay/orders.service';
import { refund } from '../razorpay/payments.service';
import { badRequest } from '../razorpay/razorpay-error';
import { SUCCESS_CARDS } from '../razorpay/test-cards';
import { STRIPE_EVENTS } from '../stripe/stripe-events';

export interface TriggerResult {
  event: RazorpayEventType;
  order: Order;
  payment: Payment;
  refund: Refund | null;
  /** Every event the action raised, in order (a refund also raises the payment's events). */
  events: { id: string; type: string }[];
}

const DECLINED_CARD = '4100280000060003';

/**
 * Like `stripe trigger`: performs the real sandbox actions that lead to `type` (an order, a
 * payment through the same code the modal uses, a refund) so the webhook carries real ids.
 */
export function trigger(ctx: SandboxContext, type: string): TriggerResult {
  if (!(RAZORPAY_EVENTS as readonly string[]).includes(type)) {
    const known = [...RAZORPAY_EVENTS, ...STRIPE_EVENTS].join(', ');
    throw badRequest(`Unknown event "${type}". Use one of: ${known}`, 'event');
  }
  const event = type as RazorpayEventType;
  const before = new Set(ctx.store.events.keys());
  const order = createOrder(ctx, {
    amount: 50000,
    currency: 'INR',
    receipt: `trigger_${Date.now()}`,
    notes: { source: 'sandbox trigger', event },
  });
  const nextYear = new Date().getFullYear() + 1;
  const card = (number: string) => ({
    number,
    expiry_month: 12,
    expiry_year: nextYear,
    cvv: '123',
    name: 'Sandbox Trigger',
  });
  const result = payOrder(
    ctx,
    order.id,
    {
      method: 'card',
      outcome: 'success',
      card: card(event === 'payment.failed' ? DECLINED_CARD : SUCCESS_CARDS.visa),
      email: 'trigger@example.com',
      contact: '+919000090000',
    },
    { capture: event !== 'payment.authorized' },
  );
  let createdRefund: Refund | null = null;
  if (event.startsWith('refund.')) {
    createdRefund = refund(
      ctx,
      result.payment.id,
      {},
      { outcome: event === 'refund.failed' ? 'failed' : 'processed' },
    );
  }
  const events = [...ctx.store.events.values()]
    .filter((e) => !before.has(e.id))
    .map((e) => ({ id: e.id, type: e.type }));
  return {
    event,
    order: ctx.store.orders.get(order.id) ?? order,
    payment: ctx.store.payments.get(result.payment.id) ?? result.payment,
    refund: createdRefund,
    events,
  };
}
