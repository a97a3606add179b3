// The payment status machine. Forward only:
//   created → authorized → captured → refunded (partial → full)
//   created | authorized → failed
//   created → expired (the order's expiry: order-expiry.service)
//   expired → captured | failed: expiry is our decision, not the gateway's. Razorpay may still
//   capture (or fail) the attempt afterwards; the late answer is recorded, never dropped, and a
//   capture on the cancelled order is flagged for a refund (order-state's settleOrderForPayment).
// Every transition is one conditional atomic update: `updateOne({ _id, status: <a status the
// target is reachable from> }, …)`. When verify, a webhook and reconciliation race on one
// payment, exactly one update matches and only its caller runs the side effects.
import { formatMoney, isCurrency } from '@checkout-lab/contracts/money';
import type { TimelineSource, PaymentStatus } from '@checkout-lab/contracts/statuses';
import type { GatewayPayment, GatewayRefund } from '../gateways/gateway';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import { notePayment } from './timeline.service';

/** For each target status, the statuses it may be reached from. */
export const REACHABLE_FROM: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: [],
  authorized: ['created'],
  captured: ['created', 'authorized', 'expired'],
  failed: ['created', 'authorized', 'expired'],
  refunded: ['captured'],
  // Never from authorized: the bank holds the buyer's money and it may still be captured.
  expired: ['created'],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return REACHABLE_FROM[to].includes(from);
}

const MESSAGES: Partial<Record<PaymentStatus, string>> = {
  authorized: 'Payment authorized: the bank approved it, the money is not captured yet',
  captured: 'Payment captured: the money is ours',
  failed: 'Payment failed',
  expired: 'Checkout attempt expired unpaid',
};

/** Timeline messages are read by buyers: money as the storefront shows it. */
function describeAmount(amount: number, currency: string): string {
  return isCurrency(currency) && Number.isSafeInteger(amount)
    ? formatMoney(amount, currency)
    : `${amount} ${currency} (minor units)`;
}

// #region tutorial:conditional-transition
/** Moves a payment to `to` if its current status allows it; true when this call did it. */
export async function transitionPayment(
  paymentId: PaymentDocument['_id'],
  to: Exclude<PaymentStatus, 'created'>,
  source: TimelineSource,
  set: Record<string, unknown> = {},
  message = MESSAGES[to] ?? `Payment ${to}`,
): Promise<boolean> {
  const result = await PaymentModel.updateOne(
    { _id: paymentId, status: { $in: REACHABLE_FROM[to] } },
    {
      $set: { status: to, ...set },
      $push: { timeline: timelineEntry(`payment.${to}`, source, message) },
    },
  );
  return result.modifiedCount === 1;
}
// #endregion

export type ApplyResult = 'captured' | 'changed' | 'no_change' | 'amount_mismatch';

/**
 * Applies what the gateway says about a payment. Returns 'captured' only to the one caller
 * whose update moved it to captured: that caller settles the order.
 */
export async function applyGatewayPayment(
  doc: PaymentDocument,
  gp: GatewayPayment,
  source: TimelineSource,
): Promise<ApplyResult> {
  const charged = gp.status !== 'created' && gp.status !== 'failed';
  if (charged && (gp.amount !== doc.amount || gp.currency !== doc.currency)) {
    await notePayment(
      doc._id,
      'payment.amount_mismatch',
      source,
      `Gateway reports ${describeAmount(gp.amount, gp.currency)}, the attempt was for ${describeAmount(doc.amount, doc.currency)}; not accepted`,
    );
    return 'amount_mismatch';
  }
  const set: Record<string, unknown> = { gatewayResponse: gp.raw };
  if (gp.method) set.method = gp.method;
  if (gp.acquirerRef) set['refs.acquirerRef'] = gp.acquirerRef;

  switch (gp.status) {
    case 'created':
      return 'no_change';
    case 'authorized':
      return (await transitionPayment(doc._id, 'authorized', source, set))
        ? 'changed'
        : 'no_change';
    case 'failed': {
      const message = `Payment failed: ${gp.error?.description ?? 'no reason given'}`;
      const failed = await transitionPayment(
        doc._id,
        'failed',
        source,
        { ...set, error: gp.error ?? {} },
        message,
      );
      return failed ? 'changed' : 'no_change';
    }
    case 'captured':
    case 'refunded': {
      // A refund we hear about first still implies the capture before it.
      const captured = await transitionPayment(doc._id, 'captured', source, {
        ...set,
        settlePending: true,
      });
      return captured ? 'captured' : 'no_change';
    }
  }
}

/**
 * Records a refund the first time we hear of it, then moves it forward (pending → processed |
 * failed), then recomputes the payment's refunded amount. Returns true if anything changed.
 */
export async function applyGatewayRefund(
  payment: PaymentDocument,
  refund: GatewayRefund,
  source: TimelineSource,
): Promise<boolean> {
  const paymentId = payment._id;
  // Refund ids become map keys: nothing that could be read as a path or an operator.
  if (!/^[A-Za-z0-9_]+$/.test(refund.refundId))
    throw new Error(`Unexpected refund id ${refund.refundId}`);
  const key = `refunds.${refund.refundId}`;
  const now = new Date();
  const inserted = await PaymentModel.updateOne(
    { _id: paymentId, [key]: { $exists: false } },
    {
      $set: { [key]: { amount: refund.amount, status: 'pending', createdAt: now } },
      $push: {
        timeline: timelineEntry(
          'refund.created',
          source,
          `Refund ${refund.refundId} of ${describeAmount(refund.amount, payment.currency)} created`,
        ),
      },
    },
  );
  let changed = inserted.modifiedCount === 1;
  if (refund.status !== 'pending') {
    const moved = await PaymentModel.updateOne(
      { _id: paymentId, [`${key}.status`]: 'pending' },
      {
        $set: { [`${key}.status`]: refund.status, [`${key}.processedAt`]: now },
        $push: {
          timeline: timelineEntry(
            `refund.${refund.status}`,
            source,
            `Refund ${refund.refundId} ${refund.status}`,
          ),
        },
      },
    );
    changed = moved.modifiedCount === 1 || changed;
  }
  if (changed) await recomputeRefunded(paymentId, source);
  return changed;
}

/**
 * amountRefunded is the sum of *processed* refunds. Processed is final, so the sum only grows:
 * the `$lt` guard lets concurrent recomputations race safely (the largest, newest sum wins),
 * and the payment moves captured → refunded (partial → full), never back.
 */
async function recomputeRefunded(
  paymentId: PaymentDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  const payment = await PaymentModel.findById(paymentId);
  if (!payment) return;
  const processed = [...payment.refunds.values()]
    .filter((r) => r.status === 'processed')
    .reduce((sum, r) => sum + r.amount, 0);
  if (processed === 0) return;
  const refundStatus = processed >= payment.amount ? 'full' : 'partial';
  await PaymentModel.updateOne(
    {
      _id: paymentId,
      amountRefunded: { $lt: processed },
      status: { $in: ['captured', 'refunded'] },
    },
    {
      $set: { amountRefunded: processed, status: 'refunded', refundStatus },
      $push: {
        timeline: timelineEntry(
          `payment.refunded_${refundStatus}`,
          source,
          refundStatus === 'full'
            ? 'Payment fully refunded'
            : `Payment partly refunded (${describeAmount(processed, payment.currency)} so far)`,
        ),
      },
    },
  );
}
