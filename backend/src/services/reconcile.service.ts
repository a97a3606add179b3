// Reconciliation: the safety net for lost webhooks, closed tabs and crashes. It asks the gateway
// about every attempt still created/authorized after a grace period and settles what it learns,
// retries webhook events that were stored but not processed, settles captured payments whose
// order was never paid, finishes interrupted fulfilment, and gives back expired stock holds.
// Each part is a service call, so a scheduler (a lease, issue 13) can run them unchanged.
import type { GatewayName } from '@checkout-lab/contracts/dto';
import type { ReconcileSummary } from '@checkout-lab/contracts/dto';
import { GatewayError } from '../errors';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import type { ServiceContext } from './context';
import { fulfilOrder } from './fulfilment.service';
import { settleOrderForPayment } from './order-state';
import { settleGatewayPayment } from './settlement.service';
import { releaseExpiredHolds } from './stock-hold.service';
import { retryUnprocessedWebhooks } from './webhook.service';

const BATCH = 200;

export async function reconcile(
  ctx: ServiceContext,
  olderThanMs: number,
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    checked: 0,
    settled: 0,
    gatewayErrors: 0,
    webhooksRetried: 0,
    ordersRepaired: 0,
    fulfilmentsResumed: 0,
    holdsReleased: 0,
  };
  const cutoff = new Date(Date.now() - olderThanMs);
  const open = await PaymentModel.find({
    status: { $in: ['created', 'authorized'] },
    createdAt: { $lte: cutoff },
  })
    .sort({ createdAt: 1 })
    .limit(BATCH);

  // One gateway order may have several payments under it: ask once per checkout attempt.
  const checkouts = new Map<
    string,
    { gateway: GatewayName; orderId: string; paymentId?: string }
  >();
  for (const p of open) {
    if (!p.refs?.orderId) continue;
    checkouts.set(`${p.gateway}:${p.refs.orderId}:${p.refs.paymentId ?? ''}`, {
      gateway: p.gateway,
      orderId: p.refs.orderId,
      paymentId: p.refs.paymentId ?? undefined,
    });
  }
  // #region tutorial:reconcile
  for (const { gateway: name, ...refs } of checkouts.values()) {
    summary.checked++;
    const gateway = ctx.gateways.get(name);
    try {
      for (const gp of await gateway.fetchAttemptPayments(refs)) {
        const { result } = await settleGatewayPayment(ctx, gateway, gp, 'reconcile');
        if (result === 'captured' || result === 'changed') summary.settled++;
      }
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      summary.gatewayErrors++;
      ctx.log.warn({ err, refs }, 'reconcile: gateway unavailable; will try again next run');
    }
  }
  // #endregion

  summary.webhooksRetried = await retryUnprocessedWebhooks(ctx);
  summary.ordersRepaired = await settleCapturedPayments(ctx, cutoff);

  summary.fulfilmentsResumed = await resumeFulfilment(ctx, cutoff);
  summary.holdsReleased = await releaseExpiredHolds(new Date());
  return summary;
}

/**
 * Captured payments whose order was never settled: a crash between the payment's transition
 * and the order's. The capture already came from the gateway, so no call is needed; settling
 * is idempotent (the order moves pending → paid once, the note about a double payment once).
 */
async function settleCapturedPayments(ctx: ServiceContext, cutoff: Date): Promise<number> {
  const unsettled = await PaymentModel.find({
    settlePending: true,
    updatedAt: { $lte: cutoff },
  })
    .sort({ updatedAt: 1 })
    .limit(BATCH);
  for (const payment of unsettled) await settleOrderForPayment(ctx, payment, 'reconcile');
  return unsettled.length;
}

/**
 * Orders whose fulfilment has a step left (stock, sold-out refund, email): a crash, a failed
 * email, a gateway that refused the refund for now. Each step is claimed and recorded, so
 * running it again finishes only what is missing.
 */
async function resumeFulfilment(ctx: ServiceContext, cutoff: Date): Promise<number> {
  const open = await OrderModel.find({
    'fulfilment.open': true,
    'fulfilment.openSince': { $lte: cutoff },
  })
    .sort({ 'fulfilment.openSince': 1 })
    .limit(BATCH);
  for (const order of open) await fulfilOrder(ctx, order._id, 'reconcile');
  return open.length;
}

/** Runs reconcile every `intervalMs`, never two runs at once. Returns a stop function. */
export function startReconcileJob(ctx: ServiceContext): () => void {
  const { intervalMs, graceMs } = ctx.config.reconcile;
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcile(ctx, graceMs)
      .then((s) => {
        if (Object.entries(s).some(([k, v]) => k !== 'checked' && v > 0))
          ctx.log.info(s, 'reconcile run');
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'reconcile run failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
