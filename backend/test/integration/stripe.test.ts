// Stripe, the embedded gateway, against the sandbox's Stripe API through the official SDK: a
// PaymentIntent per attempt, the browser's part played with Stripe's test PaymentMethods and
// the 3-D Secure page, and the return checked by retrieving the intent.
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { createProduct, getOrder, placeOrder } from '../helpers/shop';
import {
  checkoutWithStripe,
  confirmWith,
  finishChallenge,
  intentIdOf,
  postReturn,
  returnParams,
  stripeCheckout,
  stripeSdk,
} from '../helpers/stripe';
import { buildTestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

test('when the browser asks for its config, then Stripe is offered for USD as an embedded form with its publishable key', async () => {
  const res = await request(stack.app).get('/api/config').expect(200);
  expect(res.body.gateways).toContainEqual(
    expect.objectContaining({
      name: 'stripe',
      kind: 'embedded',
      currencies: ['USD'],
      publicKey: stack.config.stripe.publishableKey,
      scriptUrl: stack.sandbox.stripeJsUrl,
    }),
  );
  expect(JSON.stringify(res.body)).not.toContain(stack.config.stripe.secretKey);
});

test('when a USD order is checked out with Stripe, then a PaymentIntent is made for exactly its total with our ids, and only its client secret reaches the browser', async () => {
  const { order, checkout, intentId } = await stripeCheckout(stack.app, 2599);
  expect(order.total).toBe(2599 + 500); // under $50: $5 shipping, no tax
  expect(checkout).toEqual({
    kind: 'embedded',
    scriptUrl: stack.sandbox.stripeJsUrl,
    publicKey: stack.config.stripe.publishableKey,
    clientSecret: expect.stringMatching(/^pi_\w+_secret_\w+$/),
    returnUrl: `${stack.url}/payment/return?gateway=stripe&order=${order.id}`,
  });
  const intent = await stripeSdk(stack).paymentIntents.retrieve(intentId);
  expect(intent).toMatchObject({
    amount: order.total,
    currency: 'usd',
    status: 'requires_payment_method',
  });
  const payment = await PaymentModel.findOne({ 'refs.orderId': intentId });
  expect(intent.metadata).toEqual({ order_public_id: order.id, payment_id: payment!.id });
  expect(payment!.refs).toMatchObject({ orderId: intentId, paymentId: intentId });
});

test('when the buyer pays with the success card and returns, then the server retrieves the intent and the order is paid once', async () => {
  const { order, checkout } = await stripeCheckout(stack.app);
  const { intent } = await confirmWith(stripeSdk(stack), checkout, 'pm_card_visa');
  expect(intent!.status).toBe('succeeded');

  // What Stripe appends to return_url; `redirect_status` is read by nobody but people.
  const res = await postReturn(stack.app, order.id, {
    payment_intent: intent!.id,
    payment_intent_client_secret: checkout.clientSecret,
    redirect_status: 'succeeded',
  }).expect(200);
  expect(res.body.order.status).toBe('paid');
  expect(res.body.order.payments).toEqual([
    expect.objectContaining({ status: 'captured', amount: order.total, method: 'card' }),
  ]);
  await stack.settle();
  const final = await getOrder(stack.app, order.id);
  expect(final.timeline.map((e) => e.type)).toEqual(
    expect.arrayContaining([
      'gateway.verified',
      'payment.captured',
      'order.paid',
      'webhook.received',
    ]),
  );
  expect(final.timeline.filter((e) => e.type === 'payment.captured')).toHaveLength(1);
  const emails = await stack.ctx.mailer.listOutbox();
  expect(emails.filter((e) => e.orderId === order.id)).toHaveLength(1);
});

test('when the buyer paid and never came back, then payment_intent.succeeded alone pays the order', async () => {
  const { order, checkout } = await stripeCheckout(stack.app);
  await confirmWith(stripeSdk(stack), checkout, 'pm_card_mastercard');
  await stack.settle();
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');
});

test('when a card is declined and the buyer retries on the same intent, then the decline is recorded, the order stays payable, and the success pays it once', async () => {
  const sdk = stripeSdk(stack);
  const { order, checkout } = await stripeCheckout(stack.app);
  const declined = await confirmWith(sdk, checkout, 'pm_card_visa_chargeDeclinedInsufficientFunds');
  expect(declined.error).toMatchObject({
    code: 'card_declined',
    decline_code: 'insufficient_funds',
  });
  await stack.settle();
  const pending = await getOrder(stack.app, order.id);
  expect(pending.status).toBe('pending');
  expect(pending.payments).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        status: 'created',
        refs: expect.objectContaining({ paymentId: intentIdOf(checkout) }),
      }),
      expect.objectContaining({
        status: 'failed',
        refs: expect.objectContaining({ paymentId: expect.stringMatching(/^ch_/) }),
        error: expect.objectContaining({
          reason: 'insufficient_funds',
          description: 'Your card has insufficient funds.',
        }),
      }),
    ]),
  );

  const { intent } = await confirmWith(sdk, checkout, 'pm_card_visa');
  await postReturn(stack.app, order.id, { payment_intent: intent!.id }).expect(200);
  await stack.settle();
  const paid = await getOrder(stack.app, order.id);
  expect(paid.status).toBe('paid');
  expect(paid.payments.map((p) => p.status).sort()).toEqual(['captured', 'failed']);
  expect(paid.payments.find((p) => p.status === 'captured')!.refs.paymentId).toBe(intent!.id);
});

test('when a card asks for 3-D Secure and the buyer completes it, then the return from the challenge pays the order', async () => {
  const { order, checkout } = await stripeCheckout(stack.app);
  const { intent } = await confirmWith(
    stripeSdk(stack),
    checkout,
    'pm_card_authenticationRequired',
  );
  expect(intent!.status).toBe('requires_action');
  // Returning before the challenge is finished proves nothing was paid.
  const early = await postReturn(stack.app, order.id, { payment_intent: intent!.id }).expect(200);
  expect(early.body.order.status).toBe('pending');

  const back = await finishChallenge(intent!, 'complete');
  expect(`${back.origin}${back.pathname}`).toBe(`${stack.url}/payment/return`);
  expect(back.searchParams.get('order')).toBe(order.id);
  expect(back.searchParams.get('redirect_status')).toBe('succeeded');
  const res = await postReturn(stack.app, order.id, returnParams(back)).expect(200);
  expect(res.body.order.status).toBe('paid');
});

test('when the 3-D Secure challenge fails, then nothing is paid and the order can be paid with a new attempt', async () => {
  const { order, checkout } = await stripeCheckout(stack.app);
  const { intent } = await confirmWith(
    stripeSdk(stack),
    checkout,
    'pm_card_authenticationRequired',
  );
  const back = await finishChallenge(intent!, 'fail');
  expect(back.searchParams.get('redirect_status')).toBe('failed');
  const res = await postReturn(stack.app, order.id, returnParams(back)).expect(200);
  expect(res.body.order.status).toBe('pending');
  expect(res.body.order.payments.every((p: { status: string }) => p.status !== 'captured')).toBe(
    true,
  );

  const retry = await checkoutWithStripe(stack.app, order.id);
  const { intent: paid } = await confirmWith(stripeSdk(stack), retry, 'pm_card_visa');
  await postReturn(stack.app, order.id, { payment_intent: paid!.id }).expect(200);
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');
});

test('when the buyer abandons the challenge, then the order stays pending and payable, and the old intent is not paid', async () => {
  const sdk = stripeSdk(stack);
  const { order, checkout, intentId } = await stripeCheckout(stack.app);
  await confirmWith(sdk, checkout, 'pm_card_authenticationRequired');
  await stack.settle();
  expect((await getOrder(stack.app, order.id)).status).toBe('pending');

  const retry = await checkoutWithStripe(stack.app, order.id);
  expect(intentIdOf(retry)).not.toBe(intentId);
  await confirmWith(sdk, retry, 'pm_card_visa');
  await stack.settle();
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect((await sdk.paymentIntents.retrieve(intentId)).status).toBe('requires_action');
});

test('when a return link pairs an order with another order’s intent, then it is refused and neither order changes', async () => {
  const mine = await stripeCheckout(stack.app);
  const other = await stripeCheckout(stack.app, 9900);
  const { intent } = await confirmWith(stripeSdk(stack), other.checkout, 'pm_card_visa');
  const res = await postReturn(stack.app, mine.order.id, { payment_intent: intent!.id }).expect(
    400,
  );
  expect(res.body.error.code).toBe('RETURN_ORDER_MISMATCH');
  expect((await getOrder(stack.app, mine.order.id)).status).toBe('pending');
});

test('when a return names an intent we never made, a malformed id or another intent’s client secret, then each is refused', async () => {
  const { order, checkout, intentId } = await stripeCheckout(stack.app);
  const stranger = await stripeSdk(stack).paymentIntents.create({ amount: 5000, currency: 'usd' });
  const unknown = await postReturn(stack.app, order.id, { payment_intent: stranger.id }).expect(
    400,
  );
  expect(unknown.body.error.code).toBe('UNKNOWN_CHECKOUT');
  const malformed = await postReturn(stack.app, order.id, { payment_intent: 'pi_$ne' }).expect(400);
  expect(malformed.body.error.code).toBe('VALIDATION_ERROR');
  const wrongSecret = await postReturn(stack.app, order.id, {
    payment_intent: intentId,
    payment_intent_client_secret: stranger.client_secret!,
  }).expect(400);
  expect(wrongSecret.body.error.code).toBe('INVALID_SIGNATURE');
  expect(checkout.clientSecret).not.toBe(stranger.client_secret);
  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
});

test('when the intent’s amount was changed at Stripe before it was paid, then the payment is not accepted and the order stays unpaid', async () => {
  const sdk = stripeSdk(stack);
  const { order, checkout, intentId } = await stripeCheckout(stack.app);
  await sdk.paymentIntents.update(intentId, { amount: 60 });
  await confirmWith(sdk, checkout, 'pm_card_visa');
  const res = await postReturn(stack.app, order.id, { payment_intent: intentId }).expect(200);
  await stack.settle();
  expect(res.body.order.status).toBe('pending');
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('pending');
  expect(final.timeline.some((e) => e.type === 'payment.amount_mismatch')).toBe(true);
});

async function attemptsOf(orderId: string) {
  const order = await OrderModel.findOne({ publicId: orderId }).lean();
  return {
    attempts: order!.attempts,
    payments: await PaymentModel.countDocuments({ order: order!._id }),
  };
}

test('when Stripe answers every call with a 500, then checkout is a 502 and no attempt or intent is left behind', async () => {
  const sdk = stripeSdk(stack);
  const product = await createProduct({ price: 2500, currency: 'USD' });
  const order = await placeOrder(stack.app, [{ slug: product.slug, quantity: 1 }]);
  const intents = (await sdk.paymentIntents.list({ limit: 100 })).data.length;
  stack.sandbox.setFaults({ apiErrorRate: 1 });
  try {
    const res = await request(stack.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'stripe' })
      .expect(502);
    expect(res.body.error.code).toBe('GATEWAY_ERROR');
  } finally {
    stack.sandbox.setFaults({ apiErrorRate: 0 });
  }
  expect(await attemptsOf(order.id)).toEqual({ attempts: 0, payments: 0 });
  expect((await sdk.paymentIntents.list({ limit: 100 })).data).toHaveLength(intents);
});

test('when Stripe cannot be reached, then checkout is a 502 that says so and writes nothing', async () => {
  const down = await buildTestApp({
    STRIPE_API_BASE: 'http://127.0.0.1:9',
    GATEWAY_TIMEOUT_MS: '2000',
  });
  const product = await createProduct({ price: 2500, currency: 'USD' });
  const order = await placeOrder(down.app, [{ slug: product.slug, quantity: 1 }]);
  const res = await request(down.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'stripe' })
    .expect(502);
  expect(res.body.error.message).toMatch(/could not be reached|did not answer/);
  expect(await attemptsOf(order.id)).toEqual({ attempts: 0, payments: 0 });
});

test('when the buyer comes back with the intent’s client secret in the URL, then the request log does not keep it', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = buildApp({ ...stack.ctx, log: pino({ level: 'info' }, sink) });
  const secret = 'pi_3Abc_secret_DoNotLogMe0123456789';
  await request(app).get(
    `/api/payments/stripe/return?payment_intent=pi_3Abc&payment_intent_client_secret=${secret}`,
  );
  await request(app).get(`/payment/return?gateway=stripe&payment_intent_client_secret=${secret}`);
  const log = lines.join('');
  expect(log).toContain('payment_intent=pi_3Abc');
  expect(log).toContain('payment_intent_client_secret=%5Bredacted%5D');
  expect(log).not.toContain('DoNotLogMe');
});
