// The one path from "a gateway says this about a payment" to our state, whoever reported it:
// the browser's verify call, a webhook, reconciliation or an admin action.
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import { GatewayError } from '../errors';
import type { GatewayPayment, PaymentGateway } from '../gateways/gateway';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import type { ServiceContext } from './context';
import { settleOrderForPayment } from './order-state';
import { syncOrderRefunds } from './order-transitions';
import { resolveAttempt } from './payment-attempt.service';
import { applyGatewayPayment, applyGatewayRefund, type ApplyResult } from './payment-state';
import { releaseHold } from './stock-hold.service';
import { notePayment } from './timeline.service';

export interface Settlement {
  /** Undefined when the payment is not one of ours (an unknown gateway order). */
  payment?: PaymentDocument;
  result: ApplyResult | 'unknown_order';
}

export async function settleGatewayPayment(
  ctx: ServiceContext,
  gateway: PaymentGateway,
  gp: GatewayPayment,
  source: TimelineSource,
): Promise<Settlement> {
  const doc = await resolveAttempt(gateway.name, gp, source);
  if (!doc) return { result: 'unknown_order' };
  return settleAttempt(ctx, gateway, doc, gp, source);
}

/** The same, for a caller that already resolved the attempt the payment belongs to. */
export async function settleAttempt(
  ctx: ServiceContext,
  gateway: PaymentGateway,
  doc: PaymentDocument,
  gp: GatewayPayment,
  source: TimelineSource,
  captureAttempts = 1,
): Promise<Settlement> {
  const result = await applyGatewayPayment(doc, gp, source);
  const fresh = (await PaymentModel.findById(doc._id)) ?? doc;

  // 'captured' goes only to the caller whose update captured it; a captured payment whose
  // order is still pending (a crash in between) is settled again by whoever sees it next.
  if (result === 'captured' || gp.status === 'captured' || gp.status === 'refunded') {
    if (result !== 'amount_mismatch') await settleOrderForPayment(ctx, fresh, source);
  }
  if (gp.amountRefunded > 0 && result !== 'amount_mismatch') {
    await learnRefunds(gateway, fresh, gp, source);
  }
  // A failed attempt gives its units back (if this is killed first, the hold simply expires).
  if (gp.status === 'failed' && fresh.status === 'failed') {
    await releaseHold(fresh._id, 'payment_failed', source);
  }
  if (gp.status === 'authorized' && result !== 'amount_mismatch' && captureAttempts > 0) {
    const captured = await captureAuthorized(ctx, gateway, fresh, gp, source);
    if (captured) return settleAttempt(ctx, gateway, fresh, captured, source, captureAttempts - 1);
  }
  return { payment: fresh, result };
}

/** The gateway reports refunds: record any we have not heard of, then update the order. */
async function learnRefunds(
  gateway: PaymentGateway,
  doc: PaymentDocument,
  gp: GatewayPayment,
  source: TimelineSource,
): Promise<void> {
  const known = [...doc.refunds.values()].reduce((sum, r) => sum + r.amount, 0);
  if (gp.amountRefunded > known) {
    for (const refund of await gateway.fetchRefunds(gp.paymentId)) {
      await applyGatewayRefund(doc, refund, source);
    }
  }
  await syncOrderRefunds(doc._id, source);
}

/**
 * Accounts set to manual capture leave payments authorized; we capture the full amount.
 * If another caller captured first, the gateway refuses and we simply re-read the payment.
 */
async function captureAuthorized(
  ctx: ServiceContext,
  gateway: PaymentGateway,
  doc: PaymentDocument,
  gp: GatewayPayment,
  source: TimelineSource,
): Promise<GatewayPayment | undefined> {
  try {
    const captured = await gateway.capture(gp);
    await notePayment(
      doc._id,
      'payment.capture_requested',
      source,
      'Captured the authorized payment',
    );
    return captured;
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    if (err.kind === 'rejected') return gateway.fetchPayment(gp.paymentId).catch(() => undefined);
    ctx.log.warn({ err, payment: gp.paymentId }, 'capture failed; reconciliation will retry');
    await notePayment(
      doc._id,
      'payment.capture_failed',
      source,
      `Capture failed (${err.message}); will retry`,
    );
    return undefined;
  }
}
