// Order expiry: an unpaid order whose newest checkout attempt is older than ORDER_EXPIRY_MINUTES
// is cancelled, so abandoned checkouts leave the open set the reconcile sweep keeps asking about.
// Nothing is lost to it:
// - the gateway is asked about each open attempt one last time first (reconcile's own check),
//   so a payment made meanwhile pays the order as usual; an unreachable gateway skips the order;
// - an authorized attempt holds the buyer's money at the bank and may still be captured: its
//   order is left pending and reconcile keeps checking it;
// - `expired` is not final: a capture the gateway reports later moves expired → captured, and
//   settleOrderForPayment flags it `payment.needs_refund` on the cancelled order for the admin.
// Runs under the reconcile job's lease; each order is claimed by a conditional update of its
// expiresAt (as reconcile claims attempts), and the cancel is conditional on that claim, so two
// runs at once cancel an order once and release its holds once.
import type { PaymentStatus } from '@checkout-lab/contracts/statuses';
import type { Types } from 'mongoose';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import {
  checkAttempts,
  OPEN_PAYMENT_FIELDS,
  type CheckTally,
  type OpenPayment,
} from './attempt-check.service';
import type { ServiceContext } from './context';
import { expiryWindow } from './expiry-window';
import { oncePerProcess } from './once-per-process';
import { transitionOrder } from './order-transitions';
import { transitionPayment } from './payment-state';
import { releaseOrderHolds } from './stock-hold.service';

const PAGE = 100;
/** Orders looked at per sweep at most; the rest are due next run. */
export const MAX_EXPIRIES_PER_SWEEP = 200;
/**
 * A claimed order that could not be expired (gateway unreachable, an authorized attempt, a run
 * that crashed) is due again after this, not on every run: its cost stays one look per interval.
 */
export const EXPIRY_RETRY_MS = 10 * 60_000;

/** Statuses that mean money moved or may still move: such an order is never expired. */
const MONEY_STATUSES: PaymentStatus[] = ['authorized', 'captured', 'refunded'];

type DueOrder = { _id: Types.ObjectId; expiresAt: Date };

/**
 * Expires the pending orders whose window passed by `now`, oldest first, in pages. Reads only
 * pending orders that are due (index expiryOpen + expiresAt); a claimed order leaves that range, so
 * every page is new work. Returns how many orders this run cancelled.
 */
export async function expireAbandonedOrders(
  ctx: ServiceContext,
  tally: CheckTally,
  now = new Date(),
): Promise<number> {
  const expiryMs = ctx.config.orderExpiryMs;
  if (expiryMs <= 0) return 0;
  await backfillExpiry(expiryMs);
  let cancelled = 0;
  let seen = 0;
  while (seen < MAX_EXPIRIES_PER_SWEEP) {
    const due = await OrderModel.find({ expiryOpen: true, expiresAt: { $lte: now } })
      .sort({ expiresAt: 1 })
      .select({ expiresAt: 1 })
      .limit(Math.min(PAGE, MAX_EXPIRIES_PER_SWEEP - seen))
      .lean<DueOrder[]>();
    seen += due.length;
    for (const order of due) {
      const claim = await claimExpiry(order, now);
      if (claim && (await expireOrder(ctx, order._id, claim, now, expiryMs, tally))) cancelled++;
    }
    if (due.length < PAGE) break;
  }
  return cancelled;
}

/**
 * Pending orders stored without a window (from before expiry existed, or while it was off) get
 * one from now. Once per process: it reads those orders, a cost sweeps avoid.
 */
let expiryBackfill: (() => Promise<unknown>) | undefined;
function backfillExpiry(expiryMs: number): Promise<unknown> {
  expiryBackfill ??= oncePerProcess(() =>
    OrderModel.updateMany(
      { status: 'pending', expiryOpen: { $exists: false } },
      { $set: expiryWindow(expiryMs)! },
    ),
  );
  return expiryBackfill();
}

/** Moves the order's window forward by the retry delay; the new value when this run took it. */
async function claimExpiry(order: DueOrder, now: Date): Promise<Date | undefined> {
  const claim = new Date(now.getTime() + EXPIRY_RETRY_MS);
  const taken = await OrderModel.updateOne(
    { _id: order._id, status: 'pending', expiresAt: order.expiresAt },
    { $set: { expiresAt: claim } },
  );
  return taken.modifiedCount === 1 ? claim : undefined;
}

/** One claimed order: last check, then expire its attempts and cancel it. True if cancelled. */
async function expireOrder(
  ctx: ServiceContext,
  orderId: Types.ObjectId,
  claim: Date,
  now: Date,
  expiryMs: number,
  tally: CheckTally,
): Promise<boolean> {
  // Money moved or may still move: nothing to ask, the order stays (reconcile keeps checking).
  if (await hasMoney(orderId)) return false;
  const open = await PaymentModel.find({
    order: orderId,
    status: { $in: ['created', 'authorized'] },
  })
    .select(OPEN_PAYMENT_FIELDS)
    .lean<OpenPayment[]>();
  const errorsBefore = tally.gatewayErrors;
  await checkAttempts(ctx, open, tally);
  // The gateway could not say: the buyer may have paid. Ask again after the retry delay.
  if (tally.gatewayErrors > errorsBefore || (await hasMoney(orderId))) return false;

  const minutes = Math.round(expiryMs / 60_000);
  const cutoff = new Date(now.getTime() - expiryMs);
  // Only attempts older than the window: one started since belongs to a buyer paying now.
  const stale = await PaymentModel.find(
    { order: orderId, status: 'created', createdAt: { $lte: cutoff } },
    { _id: 1 },
  ).lean<{ _id: Types.ObjectId }[]>();
  for (const p of stale) {
    await transitionPayment(
      p._id,
      'expired',
      'reconcile',
      {},
      `Checkout attempt expired unpaid after ${minutes} minutes; a payment the gateway reports later is still recorded`,
    );
  }
  // An attempt younger than the window (a payment made inside a checkout the gateway reports
  // only now) is someone paying: keep the order.
  if (await PaymentModel.exists({ order: orderId, status: 'created', createdAt: { $gt: cutoff } }))
    return false;
  // Conditional on the claim: a checkout started since moved expiresAt, and the order stays.
  const done = await transitionOrder(
    orderId,
    ['pending'],
    'cancelled',
    'reconcile',
    `Order cancelled: not paid within ${minutes} minutes of its last checkout`,
    {},
    { expiresAt: claim },
  );
  // A crash before this is finished by the hold sweep: the holds lapse on their own.
  if (done) await releaseOrderHolds(orderId, 'expired', 'reconcile');
  return done;
}

function hasMoney(orderId: Types.ObjectId): Promise<unknown> {
  return PaymentModel.exists({ order: orderId, status: { $in: MONEY_STATUSES } });
}
