// Builders for the things a test needs: products, orders, checkouts and sandbox payments.
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { SUCCESS_CARDS, type RunningSandbox } from '@checkout-lab/sandbox';
import { ProductModel } from '../../src/models/product.model';
import type { CheckoutResponse, OrderDto } from '@checkout-lab/contracts/dto';
import type { Mailer } from '../../src/services/email.service';

export async function createProduct(overrides: Record<string, unknown> = {}) {
  return ProductModel.create({
    slug: `test-item-${randomBytes(4).toString('hex')}`,
    name: 'Test Item',
    price: 49900,
    currency: 'INR',
    stock: 10,
    ...overrides,
  });
}

export const buyer = { name: 'Asha Rao', email: 'asha@example.com', contact: '+919876543210' };

export async function placeOrder(
  app: Express,
  items: { slug: string; quantity: number }[],
  extra: Record<string, unknown> = {},
): Promise<OrderDto> {
  const res = await request(app)
    .post('/api/orders')
    .send({ items, customer: buyer, ...extra });
  if (res.status !== 201)
    throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.order as OrderDto;
}

export async function startCheckout(app: Express, orderId: string): Promise<CheckoutResponse> {
  const res = await request(app)
    .post(`/api/orders/${orderId}/checkout`)
    .send({ gateway: 'razorpay' });
  if (res.status !== 201)
    throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CheckoutResponse;
}

export function gatewayOrderId(checkout: CheckoutResponse): string {
  if (checkout.checkout.kind !== 'modal') throw new Error('expected a modal checkout');
  return checkout.checkout.options.order_id as string;
}

export const RUPAY_CARD = {
  number: SUCCESS_CARDS.rupay,
  expiry_month: 12,
  expiry_year: new Date().getFullYear() + 3,
  cvv: '123',
  name: 'Asha Rao',
};
export const DECLINED_CARD = { ...RUPAY_CARD, number: '4100280000060003' };

export interface HandlerPayload {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/** Pays through the endpoint the sandbox's modal itself uses; answers like the modal would. */
export async function payInSandbox(
  sandbox: RunningSandbox,
  razorpayOrderId: string,
  body: Record<string, unknown> = { method: 'card', card: RUPAY_CARD },
): Promise<{ status: number; body: HandlerPayload & { error?: Record<string, unknown> } }> {
  const res = await fetch(`${sandbox.url}/razorpay/_sandbox/orders/${razorpayOrderId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as HandlerPayload };
}

export async function getOrder(app: Express, id: string): Promise<OrderDto> {
  const res = await request(app).get(`/api/orders/${id}`).expect(200);
  return res.body.order as OrderDto;
}

/** Units of a product for sale now. */
export async function stockOf(productId: unknown): Promise<number> {
  return (await ProductModel.findById(productId))!.stock;
}

/** Every email the outbox holds about one order, oldest first. */
export async function emailsAbout(mailer: Mailer, orderId: string) {
  return (await mailer.listOutbox(1000)).filter((e) => e.orderId === orderId).reverse();
}
