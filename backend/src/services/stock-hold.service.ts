// Stock holds. Checkout takes an attempt's units out of `stock` at once (held), payment takes
// them for good (taken), anything else gives them back (released). No transactions: each
// product's change and its record are ONE conditional update of that product, on its `holds`
// ledger keyed by the holding attempt's id, so every step can be repeated, raced (two
// backends, a sweep and a webhook) or resumed after a crash without counting twice.
//
//   hold:     { stock ≥ q, no entry }      → stock −q, entry { q, held }
//   give back { entry held }               → stock +q, no entry
//   take:     { entry held }               → entry taken            (the hold becomes a sale)
//             { stock ≥ q, no entry }      → stock −q, entry taken  (the hold was given back)
//   forget:   { entry taken }              → no entry               (after the order recorded it)
import type { HoldState, TimelineSource } from '@checkout-lab/contracts/statuses';
import type { Types } from 'mongoose';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { ProductModel } from '../models/product.model';
import { timelineEntry } from '../models/timeline.schema';

export interface HoldLine {
  product: Types.ObjectId;
  quantity: number;
  name: string;
}

type HoldId = Types.ObjectId;

export type ReleaseReason =
  'payment_failed' | 'cancelled' | 'superseded' | 'expired' | 'sold_out' | 'order_paid';

const RELEASED: Record<ReleaseReason, string> = {
  payment_failed: 'Stock hold released: the payment failed',
  cancelled: 'Stock hold released: the order was cancelled',
  superseded: 'Stock hold released: a new checkout attempt replaced this one',
  expired: 'Stock hold released: the hold expired before the payment',
  sold_out: 'Stock hold released: the order could not be filled',
  order_paid: 'Stock hold released: the order was paid by another attempt',
};

const entry = (holdId: HoldId) => `holds.${holdId.toString()}`;

/** A fixed order (by product id), so two carts never take each other's partial holds. */
function inProductOrder(lines: readonly HoldLine[]): HoldLine[] {
  return [...lines].sort((a, b) => a.product.toString().localeCompare(b.product.toString()));
}

/**
 * Holds every line for `holdId`, or none: on the first line that cannot be held (sold out,
 * archived) what was taken goes back, and that line is returned.
 */
export async function holdLines(
  holdId: HoldId,
  lines: readonly HoldLine[],
): Promise<HoldLine | undefined> {
  for (const line of inProductOrder(lines)) {
    const held = await ProductModel.updateOne(
      {
        _id: line.product,
        active: true,
        stock: { $gte: line.quantity },
        [entry(holdId)]: { $exists: false },
      },
      {
        $inc: { stock: -line.quantity },
        $set: { [entry(holdId)]: { quantity: line.quantity, state: 'held', at: new Date() } },
      },
    );
    if (held.modifiedCount !== 1) {
      await giveBackLines(holdId, lines);
      return line;
    }
  }
  return undefined;
}

/** Gives back whatever `holdId` still holds; a line it does not hold is left alone. */
export async function giveBackLines(holdId: HoldId, lines: readonly HoldLine[]): Promise<void> {
  for (const line of inProductOrder(lines)) {
    await ProductModel.updateOne(
      { _id: line.product, [`${entry(holdId)}.state`]: 'held' },
      { $inc: { stock: line.quantity }, $unset: { [entry(holdId)]: 1 } },
    );
  }
}

/**
 * Takes the lines for good under `holdId`: the held units become a sale, and a line whose hold
 * was given back (expired) is taken afresh if stock allows. All or nothing: when any line is
 * gone, what this call took goes back and the lines that could not be had are returned.
 * Callers hold fulfilment's stock claim, so only one take per order runs at a time.
 */
export async function takeLines(holdId: HoldId, lines: readonly HoldLine[]): Promise<HoldLine[]> {
  const key = entry(holdId);
  const short: HoldLine[] = [];
  for (const line of inProductOrder(lines)) {
    const converted = await ProductModel.updateOne(
      { _id: line.product, [`${key}.state`]: 'held' },
      { $set: { [`${key}.state`]: 'taken' } },
    );
    if (converted.modifiedCount === 1) continue;
    const retaken = await ProductModel.updateOne(
      { _id: line.product, stock: { $gte: line.quantity }, [key]: { $exists: false } },
      {
        $inc: { stock: -line.quantity },
        $set: { [key]: { quantity: line.quantity, state: 'taken', at: new Date() } },
      },
    );
    if (retaken.modifiedCount === 1) continue;
    // Taken already, by a run of this step that was killed before recording it.
    if (await ProductModel.exists({ _id: line.product, [`${key}.state`]: 'taken' })) continue;
    short.push(line);
  }
  if (short.length > 0) {
    for (const line of lines) {
      await ProductModel.updateOne(
        { _id: line.product, [`${key}.state`]: 'taken' },
        { $inc: { stock: line.quantity }, $unset: { [key]: 1 } },
      );
    }
  }
  return short;
}

/** Drops the ledger entries of a take, once the order has recorded it (the units stay sold). */
export async function forgetTaken(holdId: HoldId, lines: readonly HoldLine[]): Promise<void> {
  for (const line of lines) {
    await ProductModel.updateOne(
      { _id: line.product, [`${entry(holdId)}.state`]: 'taken' },
      { $unset: { [entry(holdId)]: 1 } },
    );
  }
}

/**
 * Releases an attempt's hold, once. `holding` (checkout still taking units) is released only by
 * its own checkout or, after the window, by the expiry sweep: a crashed checkout's leftovers.
 * The first update also moves the expiry to now, so a release killed half-way is finished by
 * the next sweep. True when this call finished it.
 */
export async function releaseHold(
  attemptId: PaymentDocument['_id'],
  reason: ReleaseReason,
  source: TimelineSource,
  opts: { includeHolding?: boolean } = {},
): Promise<boolean> {
  const from: HoldState[] = opts.includeHolding
    ? ['holding', 'held', 'releasing']
    : ['held', 'releasing'];
  const attempt = await PaymentModel.findOneAndUpdate(
    { _id: attemptId, 'hold.state': { $in: from } },
    { $set: { 'hold.state': 'releasing', 'hold.reason': reason, 'hold.expiresAt': new Date() } },
    { returnDocument: 'after' },
  );
  if (!attempt) return false;
  await giveBackLines(attempt._id, attempt.hold?.lines ?? []);
  const done = await PaymentModel.updateOne(
    { _id: attempt._id, 'hold.state': 'releasing' },
    {
      $set: { 'hold.state': 'released', 'hold.releasedAt': new Date() },
      $push: { timeline: timelineEntry('stock.released', source, RELEASED[reason]) },
    },
  );
  return done.modifiedCount === 1;
}

/** Releases every open hold of an order's attempts but `except` (cancelled, paid, a new attempt). */
export async function releaseOrderHolds(
  orderId: Types.ObjectId,
  reason: ReleaseReason,
  source: TimelineSource,
  except?: Types.ObjectId,
): Promise<void> {
  const open = await PaymentModel.find(
    { order: orderId, 'hold.state': { $in: ['held', 'releasing'] } },
    { _id: 1 },
  ).lean<{ _id: Types.ObjectId }[]>();
  for (const attempt of open) {
    if (!except?.equals(attempt._id)) await releaseHold(attempt._id, reason, source);
  }
}

const PAGE = 100;
const MAX_PAGES = 50;

/**
 * The expiry sweep: gives back every hold whose window passed, oldest first, in pages. Indexed
 * by (state, expiresAt), so its cost follows what is due, not how many orders exist; released
 * holds leave the index range, so each page is new work. An attempt that never reached its
 * gateway (a checkout killed mid-way) is deleted: nobody can pay it.
 */
export async function releaseExpiredHolds(now: Date): Promise<number> {
  let released = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await PaymentModel.find({
      'hold.state': { $in: ['holding', 'held', 'releasing'] },
      'hold.expiresAt': { $lte: now },
    })
      .sort({ 'hold.expiresAt': 1 })
      .limit(PAGE);
    for (const attempt of due) {
      const reason = (attempt.hold?.reason as ReleaseReason | undefined) ?? 'expired';
      if (await releaseHold(attempt._id, reason, 'reconcile', { includeHolding: true })) {
        released++;
      }
      if (!attempt.refs?.orderId) {
        await PaymentModel.deleteOne({ _id: attempt._id, 'refs.orderId': { $exists: false } });
      }
    }
    if (due.length < PAGE) break;
  }
  return released;
}
