import { randomBytes } from 'node:crypto';
import { HttpError } from '../errors';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { ProductModel } from '../models/product.model';
import { timelineEntry } from '../models/timeline.schema';
import type { Currency } from '@checkout-lab/contracts/money';
import type { CreateOrderInput } from '@checkout-lab/contracts/schemas';
import type { OrderDto } from '@checkout-lab/contracts/dto';
import { toOrderDto } from './order.dto';
import { computeTotals, couponProblem, findCoupon } from './pricing.service';

/** 128 random bits: an order URL is a capability, so its id must not be guessable. */
export function newOrderPublicId(): string {
  return `ord_${randomBytes(16).toString('base64url')}`;
}

type CartLine = CreateOrderInput['items'][number];
const lineKey = (l: CartLine) => ('slug' in l ? `slug:${l.slug}` : `id:${l.productId}`);

/** Same product twice in a cart is one line with the quantities added. */
function mergeLines(lines: CartLine[]): CartLine[] {
  const merged = new Map<string, CartLine>();
  for (const line of lines) {
    const seen = merged.get(lineKey(line));
    merged.set(lineKey(line), seen ? { ...seen, quantity: seen.quantity + line.quantity } : line);
  }
  return [...merged.values()];
}

export async function createOrder(input: CreateOrderInput): Promise<OrderDto> {
  const lines = mergeLines(input.items);
  const slugs = lines.flatMap((l) => ('slug' in l ? [l.slug] : []));
  const ids = lines.flatMap((l) => ('productId' in l ? [l.productId] : []));
  const products = await ProductModel.find({
    active: true,
    $or: [{ slug: { $in: slugs } }, { _id: { $in: ids } }],
  });

  const items = lines.map((line) => {
    const product = products.find((p) =>
      'slug' in line ? p.slug === line.slug : p.id === line.productId,
    );
    const label = 'slug' in line ? line.slug : line.productId;
    if (!product) throw HttpError.badRequest(`Unknown product: ${label}`, 'UNKNOWN_PRODUCT');
    if (line.quantity > product.stock) {
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
      quantity: line.quantity,
      lineTotal: product.price * line.quantity,
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
  const order = await OrderModel.findOne({ publicId });
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
