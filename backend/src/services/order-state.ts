// Order transitions (forward only): pending → paid → fulfilled, pending → cancelled,
// paid | fulfilled → refunded. One conditional update each, like payments.
import type { TimelineSource, TimelineType } from '@checkout-lab/contracts/statuses';
import { HttpError } from '../errors';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import type { ServiceContext } from './context';
import { fulfilOrder } from './fulfilment.service';
import { transitionOrder } from './order-transitions';
import { releaseOrderHolds } from './stock-hold.service';

/**
 * Called by whoever moved a payment to captured. The order becomes paid when a captured
 * payment covers its full total; the one caller that makes it paid runs fulfilment.
 */
export async function settleOrderForPayment(
  ctx: ServiceContext,
  payment: PaymentDocument,
  source: TimelineSource,
): Promise<void> {
  const order = await OrderModel.findById(payment.order);
  if (!order) return;
  if (payment.amount !== order.total || payment.currency !== order.currency) {
    await markSettled(
      payment,
      'payment.amount_mismatch',
      source,
      'Captured amount does not cover the order total',
    );
    return;
  }
  const paid = await transitionOrder(
    order._id,
    ['pending'],
    'paid',
    source,
    `Order paid (attempt ${payment.attempt})`,
    {
      paidAt: new Date(),
      paidByPayment: payment._id,
      'fulfilment.open': true,
      'fulfilment.openSince': new Date(),
    },
  );
  if (paid) {
    await markSettled(payment);
    await fulfilOrder(ctx, order._id, source);
    return;
  }
  const current = await OrderModel.findById(order._id);
  if (!current || current.paidByPayment?.equals(payment._id)) {
    await markSettled(payment);
    return;
  }
  // The buyer paid twice (two tabs), or after the order was cancelled: keep the money
  // visible to the admin instead of silently dropping it.
  await markSettled(
    payment,
    'payment.needs_refund',
    source,
    current.status === 'cancelled'
      ? 'Captured after the order was cancelled: refund it'
      : 'The order was already paid by another payment: refund this one',
  );
}

/** Records that the order was settled for this payment, with a note, once. */
async function markSettled(
  payment: PaymentDocument,
  ...note: [] | [TimelineType, TimelineSource, string]
): Promise<void> {
  const [type, source, message] = note;
  await PaymentModel.updateOne(
    { _id: payment._id, orderSettledAt: { $exists: false } },
    {
      $set: { orderSettledAt: new Date() },
      $unset: { settlePending: 1 },
      ...(type && source && message
        ? { $push: { timeline: timelineEntry(type, source, message) } }
        : {}),
    },
  );
}

export async function markOrderFulfilled(orderId: OrderDocument['_id']): Promise<void> {
  // A sold-out order is being refunded: there is nothing to ship.
  const done = await transitionOrder(
    orderId,
    ['paid'],
    'fulfilled',
    'admin',
    'Order marked as shipped',
    { fulfilledAt: new Date() },
    {
      'fulfilment.stockDecrementedAt': { $exists: true },
      'fulfilment.shortfall': { $exists: false },
    },
  );
  if (!done) {
    throw HttpError.conflict(
      'Only a paid order with its stock taken can be marked fulfilled',
      'ORDER_NOT_PAID',
    );
  }
}

export async function cancelOrder(orderId: OrderDocument['_id']): Promise<void> {
  const done = await transitionOrder(orderId, ['pending'], 'cancelled', 'admin', 'Order cancelled');
  if (!done) throw HttpError.conflict('Only a pending order can be cancelled', 'ORDER_NOT_PENDING');
  // A crash before this is repaired by the expiry sweep: the hold lapses on its own.
  await releaseOrderHolds(orderId, 'cancelled', 'admin');
}
