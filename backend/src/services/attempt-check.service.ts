// One last word from the gateway about open checkout attempts: what reconciliation's sweep asks
// about each due attempt, and what the order expiry asks before it gives up on an order. One
// path, so an answer found by either (a capture, a failure) settles the order the same way.
import type { GatewayName, ReconcileSummary } from '@checkout-lab/contracts/dto';
import type { Types } from 'mongoose';
import { GatewayError } from '../errors';
import type { ServiceContext } from './context';
import { settleGatewayPayment } from './settlement.service';

export type OpenPayment = {
  _id: Types.ObjectId;
  gateway: GatewayName;
  refs?: { orderId?: string | null; paymentId?: string | null };
  nextCheckAt?: Date;
  checks?: number;
};

/** The counters an attempt check moves (a sweep's summary, or an expiry's own tally). */
export type CheckTally = Pick<ReconcileSummary, 'checked' | 'settled' | 'gatewayErrors'>;

/** Fields of an open payment a check reads. */
export const OPEN_PAYMENT_FIELDS = { gateway: 1, refs: 1, nextCheckAt: 1, checks: 1 } as const;

/**
 * Asks the gateway about each attempt and settles what it says. An unreachable gateway is
 * counted in `gatewayErrors` and changes nothing: the attempt is asked again later.
 */
export async function checkAttempts(
  ctx: ServiceContext,
  attempts: OpenPayment[],
  summary: CheckTally,
): Promise<void> {
  // One gateway order may have several payments under it: ask once per checkout attempt.
  const checkouts = new Map<
    string,
    { gateway: GatewayName; orderId: string; paymentId?: string }
  >();
  for (const p of attempts) {
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
}
