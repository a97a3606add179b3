// The order's conditional transitions and its refunded amount: the lowest layer of the order's
// state, imported by everything that moves an order (no service below it, so no cycles).
import type { OrderStatus, TimelineSource } from '@checkout-lab/contracts/statuses';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';

/** Moves an order from one of `from` to `to`; true when this call did it. */
export async function transitionOrder(
  orderId: OrderDocument['_id'],
  from: OrderStatus[],
  to: Exclude<OrderStatus, 'pending'>,
  source: TimelineSource,
  message: string,
  set: Record<string, unknown> = {},
  where: Record<string, unknown> = {},
): Promise<boolean> {
  const result = await OrderModel.updateOne(
    { ...where, _id: orderId, status: { $in: from } },
    {
      $set: { status: to, ...set },
      // Leaving pending leaves the expiry sweep's range, in the same update.
      ...(from.includes('pending') && { $unset: { expiryOpen: 1 } }),
      $push: { timeline: timelineEntry(`order.${to}`, source, message) },
    },
  );
  return result.modifiedCount === 1;
}

/** Mirrors the paying payment's refunded amount on its order; fully refunded → order refunded. */
export async function syncOrderRefunds(
  paymentId: PaymentDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  const payment = await PaymentModel.findById(paymentId);
  if (!payment || payment.amountRefunded === 0) return;
  const order = await OrderModel.findById(payment.order);
  if (!order?.paidByPayment?.equals(payment._id)) return;
  const amountRefunded = payment.amountRefunded;
  await OrderModel.updateOne(
    { _id: order._id, amountRefunded: { $lt: amountRefunded } },
    { $set: { amountRefunded } },
  );
  if (amountRefunded >= order.total) {
    await transitionOrder(
      order._id,
      ['paid', 'fulfilled'],
      'refunded',
      source,
      'Order fully refunded',
    );
  }
}
