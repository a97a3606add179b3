// Reconciliation: the safety net for lost webhooks, closed tabs and crashes. It asks the gateway
// about every attempt still created/authorized after a grace period and settles what it learns,
// expires unpaid orders past ORDER_EXPIRY_MINUTES (order-expiry.service), retries webhook events
// that were stored but not processed, settles captured payments whose order was never paid,
// finishes interrupted fulfilment, and gives back expired stock holds.
// Each part is a service call, so a scheduler (a lease, issue 13) can run them unchanged.
import type { ReconcileSummary } from '@checkout-lab/contracts/dto';
import type { PaymentStatus } from '@checkout-lab/contracts/statuses';
import type { Types } from 'mongoose';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { checkAttempts, OPEN_PAYMENT_FIELDS, type OpenPayment } from './attempt-check.service';
import type { ServiceContext } from './context';
import { fulfilOrder } from './fulfilment.service';
import { oncePerProcess } from './once-per-process';
import { startPeriodicJob } from './job-lease.service';
import { settleOrderForPayment } from './order-state';
import { expireAbandonedOrders } from './order-expiry.service';
import { releaseExpiredHolds } from './stock-hold.service';
import { retryUnprocessedWebhooks } from './webhook.service';

/** Open attempts read per page, and checked per sweep at most (the rest are due next run). */
const PAGE = 100;
export const MAX_CHECKS_PER_SWEEP = 500;

/**
 * How long after its n-th check an open attempt is due again: 1 min, 5 min, 30 min, then hourly.
 * A buyer still in the modal is caught within a minute or two; a tab closed for good costs one
 * gateway call an hour instead of one a run.
 */
export const RECHECK_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 60 * 60_000] as const;

export function recheckDelayMs(checksDone: number): number {
  return RECHECK_AFTER_MS[Math.min(Math.max(checksDone, 1), RECHECK_AFTER_MS.length) - 1]!;
}

const OPEN_STATUSES: PaymentStatus[] = ['created', 'authorized'];

export interface ReconcileOptions {
  /**
   * Ask about every open attempt, not only those due (the admin's "Reconcile now": a person is
   * waiting for an answer about the attempt in front of them). Still paged and capped.
   */
  allOpen?: boolean;
  /** Gateway calls this sweep may make at most (MAX_CHECKS_PER_SWEEP unless told). */
  maxChecks?: number;
}

export async function reconcile(
  ctx: ServiceContext,
  olderThanMs: number,
  opts: ReconcileOptions = {},
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    checked: 0,
    pages: 0,
    settled: 0,
    gatewayErrors: 0,
    webhooksRetried: 0,
    ordersRepaired: 0,
    fulfilmentsResumed: 0,
    holdsReleased: 0,
    ordersExpired: 0,
  };
  const now = new Date();
  const cutoff = new Date(now.getTime() - olderThanMs);
  await checkDuePayments(ctx, now, cutoff, summary, opts);
  // After the due checks, before the hold sweep: an order past its window is asked about one
  // last time, then cancelled, so its attempts leave the open set the checks above walk.
  summary.ordersExpired = await expireAbandonedOrders(ctx, summary, now);

  summary.webhooksRetried = await retryUnprocessedWebhooks(ctx);
  summary.ordersRepaired = await settleCapturedPayments(ctx, cutoff);

  summary.fulfilmentsResumed = await resumeFulfilment(ctx, cutoff);
  summary.holdsReleased = await releaseExpiredHolds(new Date());
  return summary;
}

/**
 * Asks the gateway about the open attempts that are due, soonest first, in pages, until none is
 * due or the sweep's cap is reached. Each attempt is claimed by moving its next check forward
 * with a conditional update, so a second instance sweeping at the same time skips it, and a
 * claimed attempt leaves the due range: every page is new work, whatever the history holds.
 */
async function checkDuePayments(
  ctx: ServiceContext,
  now: Date,
  cutoff: Date,
  summary: ReconcileSummary,
  opts: ReconcileOptions,
): Promise<void> {
  await backfillSchedule();
  const open = { status: { $in: OPEN_STATUSES }, createdAt: { $lte: cutoff } };
  let after: Types.ObjectId | undefined;
  const maxChecks = opts.maxChecks ?? MAX_CHECKS_PER_SWEEP;
  while (summary.checked < maxChecks) {
    // Every open attempt walks by _id (a claimed one stays in range); the scheduled sweep reads
    // only the due ones, and a claimed one leaves that range.
    const query = opts.allOpen
      ? PaymentModel.find({ ...open, ...(after && { _id: { $gt: after } }) }).sort({ _id: 1 })
      : PaymentModel.find({ ...open, nextCheckAt: { $lte: now } }).sort({ nextCheckAt: 1 });
    const due = await query
      .select(OPEN_PAYMENT_FIELDS)
      // Never more than the cap leaves room for: each claimed attempt is one call at most.
      .limit(Math.min(PAGE, maxChecks - summary.checked))
      .lean<OpenPayment[]>();
    if (due.length === 0) return;
    after = due[due.length - 1]!._id;
    summary.pages++;
    const claimed: OpenPayment[] = [];
    for (const p of due) if (await claimCheck(p, now)) claimed.push(p);
    await checkAttempts(ctx, claimed, summary);
    if (due.length < PAGE) return;
  }
}

/**
 * Attempts stored before the schedule existed (a database from an older version) become due
 * once. Once per process, not per sweep: it reads every open attempt, the cost sweeps avoid.
 */
const backfillSchedule = oncePerProcess(() =>
  PaymentModel.updateMany(
    { status: { $in: OPEN_STATUSES }, nextCheckAt: { $exists: false } },
    { $set: { nextCheckAt: new Date(0) } },
  ),
);

async function claimCheck(p: OpenPayment, now: Date): Promise<boolean> {
  const checks = (p.checks ?? 0) + 1;
  const claim = await PaymentModel.updateOne(
    { _id: p._id, nextCheckAt: p.nextCheckAt },
    {
      $set: { nextCheckAt: new Date(now.getTime() + recheckDelayMs(checks)), lastCheckedAt: now },
      $inc: { checks: 1 },
    },
  );
  return claim.modifiedCount === 1;
}

/**
 * Walks every match of `filter` by _id, a page at a time, up to the sweep's cap. The cursor, not
 * "the oldest N", decides what comes next, so a document that stays stuck (an email transport
 * that keeps failing) is visited once per sweep and never hides the ones behind it.
 */
async function forEachPage<T extends { _id: Types.ObjectId }>(
  find: (after?: Types.ObjectId) => Promise<T[]>,
  visit: (doc: T) => Promise<void>,
): Promise<number> {
  let visited = 0;
  let after: Types.ObjectId | undefined;
  while (visited < MAX_CHECKS_PER_SWEEP) {
    const page = await find(after);
    for (const doc of page) await visit(doc);
    visited += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!._id;
  }
  return visited;
}

const afterId = (after?: Types.ObjectId) => (after ? { _id: { $gt: after } } : {});

/**
 * Captured payments whose order was never settled: a crash between the payment's transition
 * and the order's. The capture already came from the gateway, so no call is needed; settling
 * is idempotent (the order moves pending → paid once, the note about a double payment once).
 */
function settleCapturedPayments(ctx: ServiceContext, cutoff: Date): Promise<number> {
  return forEachPage(
    (after) =>
      PaymentModel.find({ settlePending: true, updatedAt: { $lte: cutoff }, ...afterId(after) })
        .sort({ _id: 1 })
        .limit(PAGE),
    (payment) => settleOrderForPayment(ctx, payment, 'reconcile').then(() => undefined),
  );
}

/**
 * Orders whose fulfilment has a step left (stock, sold-out refund, email): a crash, a failed
 * email, a gateway that refused the refund for now. Each step is claimed and recorded, so
 * running it again finishes only what is missing.
 */
function resumeFulfilment(ctx: ServiceContext, cutoff: Date): Promise<number> {
  return forEachPage(
    (after) =>
      OrderModel.find(
        { 'fulfilment.open': true, 'fulfilment.openSince': { $lte: cutoff }, ...afterId(after) },
        { _id: 1 },
      )
        .sort({ _id: 1 })
        .limit(PAGE)
        .lean<{ _id: Types.ObjectId }[]>(),
    (order) => fulfilOrder(ctx, order._id, 'reconcile').then(() => undefined),
  );
}

/**
 * Runs reconcile every `intervalMs`, once per interval across all instances on the database
 * (a per-period claim in MongoDB). Returns a stop function.
 */
export function startReconcileJob(ctx: ServiceContext): () => void {
  const { intervalMs, graceMs } = ctx.config.reconcile;
  return startPeriodicJob(ctx, 'reconcile', intervalMs, async () => {
    const s = await reconcile(ctx, graceMs);
    if (Object.entries(s).some(([k, v]) => k !== 'checked' && k !== 'pages' && v > 0))
      ctx.log.info(s, 'reconcile run');
  });
}
