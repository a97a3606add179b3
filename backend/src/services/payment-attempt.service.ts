// Maps a gateway payment to our Payment document. One Payment per gateway payment: the
// checkout's document is claimed by the first payment made against its gateway order, and any
// later one (Razorpay's modal lets a buyer retry inside the same order) gets its own document.
// Both steps are single atomic operations, so concurrent verify/webhook/reconcile calls agree.
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import type { GatewayName } from '@checkout-lab/contracts/dto';
import { isDuplicateKey } from '../db/connect';
import type { GatewayPayment } from '../gateways/gateway';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';

/** The checkout attempt that created this gateway order (the first one, if ever several). */
export async function findAttemptByGatewayOrder(
  gateway: GatewayName,
  orderId: string,
): Promise<PaymentDocument | null> {
  return PaymentModel.findOne({ gateway, 'refs.orderId': orderId }).sort({ createdAt: 1 });
}

export async function resolveAttempt(
  gateway: GatewayName,
  gp: GatewayPayment,
  source: TimelineSource,
): Promise<PaymentDocument | null> {
  for (let round = 0; round < 3; round++) {
    const known = await PaymentModel.findOne({ 'refs.paymentId': gp.paymentId });
    if (known) return known;

    const base = gp.orderId ? await findAttemptByGatewayOrder(gateway, gp.orderId) : null;
    if (!base) return null; // not one of ours, or an order we never created

    const claimed = await PaymentModel.findOneAndUpdate(
      { _id: base._id, 'refs.paymentId': { $exists: false } },
      { $set: { 'refs.paymentId': gp.paymentId } },
      { returnDocument: 'after' },
    );
    if (claimed) return claimed;

    try {
      return await PaymentModel.create({
        order: base.order,
        gateway,
        attempt: base.attempt,
        refs: { orderId: gp.orderId, paymentId: gp.paymentId },
        amount: base.amount,
        currency: base.currency,
        status: 'created',
        timeline: [
          timelineEntry(
            'payment.retried',
            source,
            `Another payment (${gp.paymentId}) was made in the same checkout`,
          ),
        ],
      });
    } catch (err) {
      // Someone else inserted it first: the next round finds it by payment id.
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new Error(`Could not resolve payment ${gp.paymentId}`);
}
