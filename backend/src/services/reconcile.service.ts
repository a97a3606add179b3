// Reconciliation: the safety net for lost webhooks and closed tabs. It asks the gateway about
// every attempt still created/authorized after a grace period and settles what it learns,
// retries webhook events that were stored but not processed, and finishes interrupted
// fulfilment (an unsent confirmation email).
import type { GatewayName } from '@checkout-lab/contracts/dto';
import type { ReconcileSummary } from '@checkout-lab/contracts/dto';
import { GatewayError } from '../errors';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import type { ServiceContext } from './context';
import { fulfilOrder } from './fulfilment.service';
import { settleOrderForPayment } from './order-state';
import { settleGatewayPayment } from './settlement.service';
import { retryUnprocessedWebhooks } from './webhook.service';

const BATCH = 200;
const STALE_EMAIL_CLAIM_MS = 5 * 60_000;

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

  summary.webhooksRetried = await retryUnprocessedWebhooks(ctx);
  summary.ordersRepaired = await settleCapturedPayments(ctx, cutoff);

  const staleClaim = new Date(Date.now() - STALE_EMAIL_CLAIM_MS);
  const unfinished = await OrderModel.find({
    status: { $in: ['paid', 'fulfilled'] },
    'fulfilment.emailSentAt': { $exists: false },
    $or: [
      { 'fulfilment.emailClaimedAt': { $exists: false } },
      { 'fulfilment.emailClaimedAt': { $lt: staleClaim } },
    ],
  }).limit(BATCH);
  for (const order of unfinished) {
    await OrderModel.updateOne(
      { _id: order._id, 'fulfilment.emailClaimedAt': { $lt: staleClaim } },
      { $unset: { 'fulfilment.emailClaimedAt': 1 } },
    );
    await fulfilOrder(ctx, order._id, 'reconcile');
    summary.fulfilmentsResumed++;
  }
  return summary;
}

/**
 * Captured payments whose order was never settled: a crash between the payment's transition
 * and the order's. The capture already came from the gateway, so no call is needed; settling
 * is idempotent (the order moves pending → paid once, the note about a double payment once).
 */
async function settleCapturedPayments(ctx: ServiceContext, cutoff: Date): Promise<number> {
  const unsettled = await PaymentModel.find({
    status: { $in: ['captured', 'refunded'] },
    orderSettledAt: { $exists: false },
    updatedAt: { $lte: cutoff },
  })
    .sort({ updatedAt: 1 })
    .limit(BATCH);
  for (const payment of unsettled) await settleOrderForPayment(ctx, payment, 'reconcile');
  return unsettled.length;
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
        if (s.settled || s.webhooksRetried || s.ordersRepaired || s.fulfilmentsResumed)
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
