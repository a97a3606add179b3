// Step 2 of fulfilment, for an order paid after its hold expired whose stock is gone: refund the
// payment in full, automatically. Claimed, and the gateway is asked first what it has already
// refunded, so a run killed after the gateway refunded but before we recorded it never refunds
// twice. A gateway without a refund API leaves it to the admin, said in both timelines.
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import { GatewayError } from '../errors';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import { unclaimedOrStale } from './claims';
import type { ServiceContext } from './context';
import { syncOrderRefunds } from './order-transitions';
import { applyGatewayRefund } from './payment-state';
import { notePayment } from './timeline.service';

export async function refundSoldOut(
  ctx: ServiceContext,
  order: OrderDocument,
  source: TimelineSource,
): Promise<void> {
  const claimed = await OrderModel.updateOne(
    {
      _id: order._id,
      'fulfilment.shortfall': { $exists: true },
      'fulfilment.soldOutRefundedAt': { $exists: false },
      $or: unclaimedOrStale('fulfilment.refundClaimedAt', ctx.config.claimStaleMs),
    },
    { $set: { 'fulfilment.refundClaimedAt': new Date() } },
  );
  if (claimed.modifiedCount !== 1) return;
  const payment = order.paidByPayment ? await PaymentModel.findById(order.paidByPayment) : null;
  const paymentId = payment?.refs?.paymentId;
  if (!payment || !paymentId) return;
  const gateway = ctx.gateways.get(payment.gateway);
  const amount = formatMoney(payment.amount, payment.currency as Currency);

  if (!gateway.supportsRefunds) {
    await notePayment(
      payment._id,
      'payment.needs_refund',
      source,
      `Sold out after payment: refund ${amount} from ${gateway.label}'s dashboard`,
    );
    await recordDone(
      order,
      source,
      `Sold out: ${gateway.label} has no refund API, so ${amount} is to be refunded from its dashboard`,
      true,
    );
    return;
  }
  try {
    const gp = await gateway.fetchPayment(paymentId);
    const left = payment.amount - gp.amountRefunded;
    if (left > 0) {
      const refund = await gateway.refund(paymentId, left, {
        order_public_id: order.publicId,
        reason: 'sold_out',
      });
      await applyGatewayRefund(payment, refund, source);
    } else {
      for (const refund of await gateway.fetchRefunds(paymentId)) {
        await applyGatewayRefund(payment, refund, source);
      }
    }
    await syncOrderRefunds(payment._id, source);
    await recordDone(order, source, `Refunded ${amount} in full, automatically: sold out`);
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    ctx.log.warn({ err, order: order.publicId }, 'sold-out refund failed; reconciliation retries');
    // Released at once: the next sweep tries again rather than waiting for the claim to age.
    await OrderModel.updateOne({ _id: order._id }, { $unset: { 'fulfilment.refundClaimedAt': 1 } });
  }
}

async function recordDone(
  order: OrderDocument,
  source: TimelineSource,
  message: string,
  manual = false,
): Promise<void> {
  await OrderModel.updateOne(
    { _id: order._id, 'fulfilment.soldOutRefundedAt': { $exists: false } },
    {
      $set: {
        'fulfilment.soldOutRefundedAt': new Date(),
        ...(manual ? { 'fulfilment.refundManual': true } : {}),
      },
      $push: { timeline: timelineEntry('refund.sold_out', source, message) },
    },
  );
}
