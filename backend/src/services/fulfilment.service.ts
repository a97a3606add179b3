// Fulfilment runs once per paid order, in steps that each record when they are done:
//   1. take the stock for good (under a claim): the attempt's held units become a sale;
//   2. if the stock is gone (paid after the hold expired), refund the payment in full;
//   3. send one email: the confirmation, or "sorry, sold out — refunded".
// Racing callers cannot both run a step (each is claimed by a conditional update), and a crash
// between any two awaits is finished by reconciliation, which resumes every order whose
// `fulfilment.openSince` is still set (see claims.ts for when a claim may be taken over).
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import { unclaimedOrStale } from './claims';
import type { ServiceContext } from './context';
import { sendOrderEmail } from './order-email.service';
import { findAttemptByGatewayOrder } from './payment-attempt.service';
import { refundSoldOut } from './sold-out-refund.service';
import {
  forgetTaken,
  releaseHold,
  releaseOrderHolds,
  takeLines,
  type HoldLine,
} from './stock-hold.service';

export async function fulfilOrder(
  ctx: ServiceContext,
  orderId: OrderDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  await takeStock(orderId, source, ctx.config.claimStaleMs);
  const order = await OrderModel.findById(orderId);
  if (!order) return;
  // Without the take recorded, another caller holds the stock claim (or the order is no longer
  // paid): the steps after it wait.
  if (order.fulfilment?.stockDecrementedAt) {
    await settleHolds(order, source);
    if (order.fulfilment.shortfall?.length) await refundSoldOut(ctx, order, source);
    await sendOrderEmail(ctx, orderId, source);
  }
  // Done when the email is out, or when an admin refunded the order before there was anything
  // to send (a sold-out order is done only once its notice is sent).
  await OrderModel.updateOne(
    {
      _id: orderId,
      $or: [
        { 'fulfilment.emailSentAt': { $exists: true } },
        { status: { $nin: ['paid', 'fulfilled'] }, 'fulfilment.shortfall': { $exists: false } },
      ],
    },
    { $unset: { 'fulfilment.open': 1, 'fulfilment.openSince': 1 } },
  );
}

function linesOf(order: OrderDocument): HoldLine[] {
  return order.items.map((i) => ({ product: i.product, quantity: i.quantity, name: i.name }));
}

/** Step 1, claimed: the units are taken under the paying attempt's hold, all or none. */
async function takeStock(
  orderId: OrderDocument['_id'],
  source: TimelineSource,
  staleMs: number,
): Promise<void> {
  // #region tutorial:fulfil-once
  const order = await OrderModel.findOneAndUpdate(
    {
      _id: orderId,
      status: 'paid',
      'fulfilment.stockDecrementedAt': { $exists: false },
      $or: unclaimedOrStale('fulfilment.claimedAt', staleMs),
    },
    { $set: { 'fulfilment.claimedAt': new Date() } },
    { returnDocument: 'after' },
  );
  if (!order) return;
  // #endregion
  const holdId = await findHoldId(order);
  const short = await takeLines(holdId, linesOf(order));
  const slugs = order.items.filter((i) => short.some((l) => l.product.equals(i.product)));
  const names = short.map((l) => l.name).join(', ');
  await OrderModel.updateOne(
    { _id: orderId, 'fulfilment.stockDecrementedAt': { $exists: false } },
    {
      $set: {
        'fulfilment.stockDecrementedAt': new Date(),
        'fulfilment.holdId': holdId,
        ...(short.length ? { 'fulfilment.shortfall': slugs.map((i) => i.slug) } : {}),
      },
      $push: {
        timeline: short.length
          ? timelineEntry(
              'stock.shortfall',
              source,
              `Paid after the stock hold ran out, and ${names} sold out meanwhile: the payment is refunded in full and no confirmation is sent`,
            )
          : timelineEntry('stock.decremented', source, 'Stock taken for every item'),
      },
    },
  );
}

/**
 * The units were taken under the hold of the attempt that created the gateway order (later
 * payments in that order share it); an order from before holds existed uses its payment's id.
 */
async function findHoldId(order: OrderDocument) {
  const paying = order.paidByPayment ? await PaymentModel.findById(order.paidByPayment) : null;
  if (!paying) return order._id;
  if (paying.hold?.state) return paying._id;
  const attempt = paying.refs?.orderId
    ? await findAttemptByGatewayOrder(paying.gateway, paying.refs.orderId)
    : null;
  return attempt?.hold?.state ? attempt._id : paying._id;
}

/**
 * After step 1 is recorded (repeatable): the ledger entries are dropped, the paying attempt's
 * hold is marked taken (or released, when sold out), and other attempts' holds go back.
 */
async function settleHolds(order: OrderDocument, source: TimelineSource): Promise<void> {
  const holdId = order.fulfilment?.holdId;
  if (!holdId) return;
  if (order.fulfilment?.shortfall?.length) {
    await releaseHold(holdId, 'sold_out', source);
  } else {
    await forgetTaken(holdId, linesOf(order));
    await PaymentModel.updateOne(
      { _id: holdId, 'hold.state': { $in: ['holding', 'held', 'releasing', 'released'] } },
      { $set: { 'hold.state': 'taken' } },
    );
  }
  await releaseOrderHolds(order._id, 'order_paid', source, holdId);
}
