import type { CheckoutResponse, CheckoutStartDto } from '@checkout-lab/contracts/dto';
import { Types } from 'mongoose';
import { HttpError } from '../errors';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { ProductModel } from '../models/product.model';
import { timelineEntry } from '../models/timeline.schema';
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';
import type { CheckoutInput } from '@checkout-lab/contracts/schemas';
import type { CheckoutStart } from '../gateways/gateway';
import type { ServiceContext } from './context';
import { findOrder } from './order.service';

const NOT_PAYABLE: Record<string, string> = {
  paid: 'This order is already paid',
  fulfilled: 'This order is already paid and fulfilled',
  refunded: 'This order was refunded',
  cancelled: 'This order was cancelled',
};

/**
 * Starts a new checkout attempt: a gateway order for exactly our total, then a Payment. The
 * gateway is called first and nothing is written if it fails, so an outage leaves no
 * half-made attempt behind. Calling it again on an unpaid order starts another attempt.
 */
export async function startCheckout(
  ctx: ServiceContext,
  publicId: string,
  input: CheckoutInput,
): Promise<CheckoutResponse> {
  const order = await findOrder(publicId);
  if (order.status !== 'pending') {
    throw HttpError.conflict(
      NOT_PAYABLE[order.status] ?? 'This order cannot be paid',
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
  const products = await ProductModel.find({ _id: { $in: order.items.map((i) => i.product) } });
  for (const item of order.items) {
    const product = products.find((p) => p._id.equals(item.product));
    if (!product?.active || product.stock < item.quantity) {
      throw HttpError.conflict(
        `${item.name} is no longer available in that quantity`,
        'INSUFFICIENT_STOCK',
      );
    }
  }

  const paymentId = new Types.ObjectId();
  const start = await gateway.startCheckout({
    paymentId: paymentId.toString(),
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

  const counted = await OrderModel.findOneAndUpdate(
    { _id: order._id, status: 'pending' },
    { $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  );
  if (!counted) throw HttpError.conflict('This order was paid meanwhile', 'ORDER_NOT_PAYABLE');

  const payment = await PaymentModel.create({
    _id: paymentId,
    order: order._id,
    gateway: gateway.name,
    attempt: counted.attempts,
    refs: start.refs,
    amount: order.total,
    currency,
    status: 'created',
    timeline: [
      timelineEntry(
        'checkout.started',
        'checkout',
        start.kind === 'redirect'
          ? `Redirecting to ${gateway.label}'s payment page for ${formatMoney(order.total, currency)}`
          : `Checkout opened with ${gateway.label} for ${formatMoney(order.total, currency)} (gateway reference ${start.refs.orderId})`,
      ),
    ],
  });

  return {
    payment: { id: payment.id as string, attempt: payment.attempt, gateway: gateway.name },
    checkout: toCheckoutStartDto(start),
  };
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
