import type { CheckoutResponse, CheckoutStartDto } from '@checkout-lab/contracts/dto';
import { HttpError } from '../errors';
import { OrderModel } from '../models/order.model';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { ProductModel } from '../models/product.model';
import { timelineEntry } from '../models/timeline.schema';
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';
import type { CheckoutInput } from '@checkout-lab/contracts/schemas';
import { expiredUnpaid } from '@checkout-lab/contracts/statuses';
import type { CheckoutStart } from '../gateways/gateway';
import type { ServiceContext } from './context';
import { expiryWindow } from './expiry-window';
import { readOrder } from './order.service';
import { holdLines, releaseHold, releaseOrderHolds, type HoldLine } from './stock-hold.service';

const NOT_PAYABLE: Record<string, string> = {
  paid: 'This order is already paid',
  fulfilled: 'This order is already paid and fulfilled',
  refunded: 'This order was refunded',
  cancelled: 'This order was cancelled',
};

/**
 * Starts a new checkout attempt: hold the stock, then a gateway order for exactly our total.
 * The attempt's document is written first because it is the hold's record (a crash mid-way is
 * found by the expiry sweep); if the stock is gone or the gateway fails, the units go back and
 * the document is deleted, so nothing half-made is left. Calling it again on an unpaid order
 * starts another attempt, and the earlier attempts' units go back first.
 */
export async function startCheckout(
  ctx: ServiceContext,
  publicId: string,
  input: CheckoutInput,
): Promise<CheckoutResponse> {
  const order = await readOrder(publicId);
  if (order.status !== 'pending') {
    throw HttpError.conflict(
      expiredUnpaid(order)
        ? 'This order expired unpaid and was cancelled: place a new order'
        : (NOT_PAYABLE[order.status] ?? 'This order cannot be paid'),
      'ORDER_NOT_PAYABLE',
    );
  }
  const gateway = ctx.gateways.get(input.gateway);
  const currency = order.currency as Currency;
  if (!gateway.currencies.includes(currency)) {
    throw HttpError.badRequest(
      `${gateway.name} does not take ${currency} payments`,
      'GATEWAY_CURRENCY',
    );
  }

  // A retry replaces the attempts before it: their units go back first, so a buyer retrying
  // for the last unit is not refused by their own earlier hold. A first checkout has none to
  // look for: a hold becomes `held` only after the attempt counter moved (below); a killed
  // checkout's leftovers are the expiry sweep's.
  if (order.attempts > 0) await releaseOrderHolds(order._id, 'superseded', 'checkout');
  const lines: HoldLine[] = order.items.map((i) => ({
    product: i.product,
    quantity: i.quantity,
    name: i.name,
  }));
  const expiresAt = new Date(Date.now() + ctx.config.stockHoldMs);
  const attempt = await PaymentModel.create({
    order: order._id,
    gateway: gateway.name,
    attempt: order.attempts + 1, // provisional: the counter below decides
    amount: order.total,
    currency,
    status: 'created',
    hold: { state: 'holding', expiresAt, lines },
  });
  const short = await holdLines(attempt._id, lines);
  if (short) {
    await abandonAttempt(attempt);
    throw HttpError.conflict(await soldOutMessage(short), 'INSUFFICIENT_STOCK');
  }
  let start: CheckoutStart;
  try {
    start = await gateway.startCheckout({
      paymentId: attempt.id as string,
      orderPublicId: order.publicId,
      amount: order.total,
      currency,
      description: order.items
        .map((i) => `${i.quantity} × ${i.name}`)
        .join(', ')
        .slice(0, 250),
      customer: {
        name: order.customer.name,
        email: order.customer.email,
        contact: order.customer.contact,
      },
    });
  } catch (err) {
    await abandonAttempt(attempt);
    throw err;
  }

  // A new attempt restarts the order's expiry window (and voids an expiry run's claim on it).
  const expiry = expiryWindow(ctx.config.orderExpiryMs);
  const counted = await OrderModel.findOneAndUpdate(
    { _id: order._id, status: 'pending' },
    {
      $inc: { attempts: 1 },
      ...(expiry && { $set: expiry }),
    },
    { returnDocument: 'after', projection: { attempts: 1 } },
  ).lean();
  if (!counted) {
    await abandonAttempt(attempt);
    throw HttpError.conflict('This order was paid meanwhile', 'ORDER_NOT_PAYABLE');
  }
  const minutes = Math.round(ctx.config.stockHoldMs / 60_000);
  const started = (held: boolean) => ({
    $set: {
      ...(held ? { 'hold.state': 'held' } : {}),
      attempt: counted.attempts,
      'refs.orderId': start.refs.orderId,
      // A gateway whose checkout object is itself the payment (a Stripe PaymentIntent) names
      // it now, so the first report about it (often a decline) cannot claim the attempt.
      ...(start.refs.paymentId ? { 'refs.paymentId': start.refs.paymentId } : {}),
    },
    $push: {
      timeline: {
        $each: [
          timelineEntry(
            'checkout.started',
            'checkout',
            start.kind === 'redirect'
              ? `Redirecting to ${gateway.label}'s payment page for ${formatMoney(order.total, currency)}`
              : `Checkout opened with ${gateway.label} for ${formatMoney(order.total, currency)} (gateway reference ${start.refs.orderId})`,
          ),
          timelineEntry(
            'stock.held',
            'checkout',
            `Stock held for this attempt for ${minutes} minute${minutes === 1 ? '' : 's'}: ${lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}`,
          ),
        ],
      },
    },
  });
  // One write records the gateway's reference and makes the hold `held`. Only a hold still
  // `holding` becomes held: one the expiry sweep gave back meanwhile stays given back.
  const recorded = await PaymentModel.updateOne(
    { _id: attempt._id, 'hold.state': 'holding' },
    started(true),
  );
  if (recorded.modifiedCount === 0)
    await PaymentModel.updateOne({ _id: attempt._id }, started(false));

  return {
    payment: { id: attempt.id as string, attempt: counted.attempts, gateway: gateway.name },
    checkout: toCheckoutStartDto(start),
  };
}

/** An attempt no buyer ever saw: its units go back and its document goes. */
async function abandonAttempt(attempt: PaymentDocument): Promise<void> {
  await releaseHold(attempt._id, 'superseded', 'checkout', { includeHolding: true });
  await PaymentModel.deleteOne({ _id: attempt._id, 'refs.orderId': { $exists: false } });
}

async function soldOutMessage(line: HoldLine): Promise<string> {
  const product = await ProductModel.findById(line.product, { stock: 1, active: 1 });
  if (!product?.active) return `${line.name} is no longer sold`;
  return product.stock === 0
    ? `Sold out: ${line.name} is no longer in stock`
    : `Only ${product.stock} of ${line.name} left: reduce the quantity`;
}

/** What the browser needs to continue; the gateway's references stay on the server. */
function toCheckoutStartDto(start: CheckoutStart): CheckoutStartDto {
  switch (start.kind) {
    case 'modal':
      return { kind: 'modal', scriptUrl: start.scriptUrl, options: start.modal };
    case 'redirect':
      return { kind: 'redirect', url: start.url };
    case 'embedded': {
      const { refs: _refs, ...embedded } = start;
      return embedded;
    }
  }
}
