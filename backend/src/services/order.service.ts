import { randomBytes } from 'node:crypto';
import { HttpError } from '../errors';
import type { Types } from 'mongoose';
import { OrderModel, type Order, type OrderDocument } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { ProductModel } from '../models/product.model';
import { timelineEntry } from '../models/timeline.schema';
import type { Currency } from '@checkout-lab/contracts/money';
import type { CreateOrderInput } from '@checkout-lab/contracts/schemas';
import type { OrderDto } from '@checkout-lab/contracts/dto';
import type { ServiceContext } from './context';
import { expiryWindow } from './expiry-window';
import { toOrderDto } from './order.dto';
import { computeTotals, couponProblem, findCoupon } from './pricing.service';

/** 128 random bits: an order URL is a capability, so its id must not be guessable. */
export function newOrderPublicId(): string {
  return `ord_${randomBytes(16).toString('base64url')}`;
}

type CartLine = CreateOrderInput['items'][number];
const lineLabel = (l: CartLine) => ('slug' in l ? l.slug : l.productId);

/** The most of one product a single order may hold, however many lines name it. */
export const MAX_PER_PRODUCT = 99;

export async function createOrder(ctx: ServiceContext, input: CreateOrderInput): Promise<OrderDto> {
  const slugs = input.items.flatMap((l) => ('slug' in l ? [l.slug] : []));
  const ids = input.items.flatMap((l) => ('productId' in l ? [l.productId] : []));
  // Only the ways the cart names its products are asked for: an `$or` with an empty branch cost
  // the embedded database twice a plain `$in` (docs/database.md).
  const named = [
    ...(slugs.length ? [{ slug: { $in: slugs } }] : []),
    ...(ids.length ? [{ _id: { $in: ids } }] : []),
  ];
  // Plain objects: only read here, and hydrating documents was a measurable part of the request.
  const products = await ProductModel.find({
    active: true,
    ...(named.length === 1 ? named[0] : { $or: named }),
  }).lean();

  // Lines are merged by product, whichever way they name it, before any check: a slug line
  // and a productId line for one product are one line, and the per-line cap is on the sum.
  const wanted = new Map<string, { product: (typeof products)[number]; quantity: number }>();
  for (const line of input.items) {
    const product = products.find((p) =>
      'slug' in line ? p.slug === line.slug : p._id.equals(line.productId),
    );
    if (!product) {
      throw HttpError.badRequest(`Unknown product: ${lineLabel(line)}`, 'UNKNOWN_PRODUCT');
    }
    const id = product._id.toString();
    wanted.set(id, { product, quantity: (wanted.get(id)?.quantity ?? 0) + line.quantity });
  }

  const items = [...wanted.values()].map(({ product, quantity }) => {
    // Each line passed its schema (1–99); only the merged sum is over: a limit of the shop, not
    // a malformed request, so it gets its own code rather than VALIDATION_ERROR.
    if (quantity > MAX_PER_PRODUCT) {
      throw HttpError.badRequest(
        `items: at most ${MAX_PER_PRODUCT} of ${product.name} per order (the cart asks for ${quantity})`,
        'QUANTITY_LIMIT',
      );
    }
    if (quantity > product.stock) {
      throw HttpError.conflict(
        product.stock === 0
          ? `${product.name} is out of stock`
          : `Only ${product.stock} of ${product.name} left in stock`,
        'INSUFFICIENT_STOCK',
      );
    }
    return {
      product: product._id,
      slug: product.slug,
      name: product.name,
      image: product.image,
      unitPrice: product.price,
      quantity,
      lineTotal: product.price * quantity,
      currency: product.currency as Currency,
    };
  });

  const currencies = new Set(items.map((i) => i.currency));
  if (currencies.size > 1) {
    throw HttpError.badRequest(
      'An order is paid in one currency: put INR and BDT products in separate orders',
      'MIXED_CURRENCY',
    );
  }
  const currency = items[0]!.currency;

  const coupon = input.coupon ? findCoupon(input.coupon) : undefined;
  if (input.coupon && !coupon) {
    throw HttpError.badRequest(`Unknown coupon: ${input.coupon}`, 'INVALID_COUPON');
  }
  const subtotal = items.reduce((sum, i) => sum + i.lineTotal, 0);
  const problem = coupon && couponProblem(coupon, currency, subtotal);
  if (problem) throw HttpError.badRequest(problem, 'INVALID_COUPON');

  const totals = computeTotals(items, currency, coupon);
  const order = await OrderModel.create({
    publicId: newOrderPublicId(),
    customer: { ...input.customer, contact: input.customer.contact ?? '' },
    items: items.map(({ currency: _c, ...item }) => item),
    ...totals,
    coupon: coupon?.code,
    currency,
    status: 'pending',
    ...expiryWindow(ctx.config.orderExpiryMs),
    timeline: [
      timelineEntry(
        'order.created',
        'checkout',
        'Order created; prices and totals computed on the server',
      ),
    ],
  });
  return toOrderDto(order);
}

export async function findOrder(publicId: string): Promise<OrderDocument> {
  return found(await OrderModel.findOne({ publicId }));
}

export type StoredOrder = Order & { _id: Types.ObjectId };

/** The order as a plain object, for a caller that only reads it (checkout). */
export async function readOrder(publicId: string): Promise<StoredOrder> {
  return found(await OrderModel.findOne({ publicId }).lean<StoredOrder>());
}

function found<T>(order: T | null): T {
  if (!order) throw HttpError.notFound('No such order', 'ORDER_NOT_FOUND');
  return order;
}

/** The order with its payments and their merged timeline: what the success page polls. */
export async function getOrder(publicId: string): Promise<OrderDto> {
  return describeOrder(await findOrder(publicId));
}

export async function describeOrder(order: OrderDocument): Promise<OrderDto> {
  const payments = await PaymentModel.find({ order: order._id }).sort({ createdAt: 1 });
  return toOrderDto(order, payments);
}
