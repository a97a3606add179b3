// Stripe in tests: the official SDK pointed at the in-process sandbox (how a test reads the
// gateway's side and plays the browser's part with Stripe's test PaymentMethods), and webhooks
// signed the way Stripe signs them.
import type { CheckoutStartDto, OrderDto } from '@checkout-lab/contracts/dto';
import type { Express } from 'express';
import Stripe from 'stripe';
import request from 'supertest';
import { createProduct, placeOrder } from './shop';
import type { TestStack } from './test-stack';

export type EmbeddedCheckout = Extract<CheckoutStartDto, { kind: 'embedded' }>;

/** The official SDK with the shop's secret key, unchanged but for host, port and protocol. */
export function stripeSdk(stack: TestStack): Stripe {
  const base = new URL(stack.sandbox.stripeApiBase);
  return new Stripe(stack.config.stripe.secretKey, {
    host: base.hostname,
    port: Number(base.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

export const intentIdOf = (checkout: EmbeddedCheckout) =>
  checkout.clientSecret.replace(/_secret_.*$/, '');

/** A USD order for one product of its own, and a Stripe checkout for it. */
export async function stripeCheckout(
  app: Express,
  price = 2500,
): Promise<{ order: OrderDto; checkout: EmbeddedCheckout; intentId: string }> {
  const product = await createProduct({ price, currency: 'USD' });
  const order = await placeOrder(app, [{ slug: product.slug, quantity: 1 }]);
  const checkout = await checkoutWithStripe(app, order.id);
  return { order, checkout, intentId: intentIdOf(checkout) };
}

export async function checkoutWithStripe(app: Express, orderId: string): Promise<EmbeddedCheckout> {
  const res = await request(app)
    .post(`/api/orders/${orderId}/checkout`)
    .send({ gateway: 'stripe' });
  if (res.status !== 201)
    throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.checkout.kind !== 'embedded') throw new Error('expected an embedded checkout');
  return res.body.checkout as EmbeddedCheckout;
}

/**
 * What the Payment Element does when the buyer presses Pay, with one of Stripe's test
 * PaymentMethods (`pm_card_visa`, `pm_card_visa_chargeDeclined`, …). A decline resolves to the
 * card error instead of throwing, as Stripe.js resolves `{ error }`.
 */
export async function confirmWith(
  sdk: Stripe,
  checkout: EmbeddedCheckout,
  paymentMethod: string,
): Promise<{ intent?: Stripe.PaymentIntent; error?: Stripe.errors.StripeError }> {
  try {
    const intent = await sdk.paymentIntents.confirm(intentIdOf(checkout), {
      payment_method: paymentMethod,
      return_url: checkout.returnUrl,
    });
    return { intent };
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) return { error: err };
    throw err;
  }
}

/** The buyer's choice on the 3-D Secure page; resolves to where the page sends the browser. */
export async function finishChallenge(
  intent: Stripe.PaymentIntent,
  action: 'complete' | 'fail',
): Promise<URL> {
  const url = intent.next_action?.redirect_to_url?.url;
  if (!url) throw new Error(`no challenge on ${intent.id} (${intent.status})`);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action }),
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (res.status !== 303 || !location) throw new Error(`challenge answered ${res.status}`);
  return new URL(location);
}

/** Posts a return exactly as the storefront's return page does: the query string plus `order`. */
export function postReturn(app: Express, orderId: string, params: Record<string, string>) {
  return request(app)
    .post('/api/payments/stripe/return')
    .send({ ...params, order: orderId });
}

/** The query Stripe appends to `return_url`, as the return page would send it on. */
export function returnParams(location: URL): Record<string, string> {
  const { gateway: _gateway, order: _order, ...params } = Object.fromEntries(location.searchParams);
  return params;
}

/** A webhook as Stripe sends it: the event's bytes and `Stripe-Signature` over them. */
export function signedStripeEvent(
  sdk: Stripe,
  event: object,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event, null, 2);
  const signature = sdk.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  return { body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } };
}
