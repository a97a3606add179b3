import type { SandboxContext } from '../context';
import type { Payment, StoredEvent } from '../store/entities';
import { buildRazorpayEvent } from './events';

/** Razorpay's fee: a 2% platform fee plus 18% GST on it; `fee` includes the tax. */
export function computeFee(amount: number): { fee: number; tax: number } {
  const base = Math.round(amount * 0.02);
  const tax = Math.round(base * 0.18);
  return { fee: base + tax, tax };
}

/**
 * authorized → captured, and the order → paid when this capture covers it. Returns the events in
 * the order Razorpay raises them (`payment.captured`, then `order.paid`).
 */
export function capturePayment(ctx: SandboxContext, payment: Payment): StoredEvent[] {
  const { fee, tax } = computeFee(payment.amount);
  const captured = ctx.store.savePayment({
    ...payment,
    status: 'captured',
    captured: true,
    fee,
    tax,
  });
  const events = [buildRazorpayEvent('payment.captured', { payment: captured })];
  const order = ctx.store.orders.get(payment.order_id);
  if (order && order.status !== 'paid') {
    const amountPaid = Math.min(order.amount, order.amount_paid + payment.amount);
    const paid = ctx.store.saveOrder({
      ...order,
      amount_paid: amountPaid,
      amount_due: order.amount - amountPaid,
      status: amountPaid >= order.amount ? 'paid' : order.status,
    });
    if (paid.status === 'paid')
      events.push(buildRazorpayEvent('order.paid', { payment: captured, order: paid }));
  }
  return events;
}
