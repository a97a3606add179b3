// Stripe's signed webhooks, refunds and reconciliation against the sandbox: what arrives at
// POST /api/webhooks/stripe is verified with the SDK's constructEvent on the raw bytes, stored
// once by event id, and only ever moves a payment through the one status machine.
import request from 'supertest';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { getOrder } from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import {
  confirmWith,
  postReturn,
  signedStripeEvent,
  stripeCheckout,
  stripeSdk,
} from '../helpers/stripe';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();
afterEach(() => stack.sandbox.setWebhookUrls([stack.stripeWebhookUrl], 'stripe'));

/** A paid intent whose webhooks never reached us: the event as Stripe would have sent it. */
async function paidWithoutWebhooks() {
  stack.sandbox.setWebhookUrls([], 'stripe');
  const sdk = stripeSdk(stack);
  const { order, checkout, intentId } = await stripeCheckout(stack.app);
  await confirmWith(sdk, checkout, 'pm_card_visa');
  const events = await sdk.events.list({ type: 'payment_intent.succeeded', limit: 10 });
  const event = events.data.find((e) => (e.data.object as { id: string }).id === intentId)!;
  return { order, intentId, event, sdk };
}

const post = (hook: { body: string; headers: Record<string, string> }) =>
  request(stack.app).post('/api/webhooks/stripe').set(hook.headers).send(hook.body);

describe('signatures', () => {
  test('when payment_intent.succeeded is signed with our secret, then it is stored once and pays the order', async () => {
    const { order, event, sdk } = await paidWithoutWebhooks();
    const hook = signedStripeEvent(sdk, event, stack.config.stripe.webhookSecret);
    expect((await post(hook).expect(200)).body).toEqual({ status: 'received' });
    await stack.settle();
    expect((await getOrder(stack.app, order.id)).status).toBe('paid');
    const stored = await WebhookEventModel.findOne({ gateway: 'stripe', eventId: event.id });
    expect(stored).toMatchObject({ type: 'payment_intent.succeeded', outcome: 'applied' });
    expect(Object.keys(stored!.headers ?? {})).toEqual(['stripe-signature']);
  });

  test('when the signature is forged, stale, missing or over other bytes, then it is a 400 and nothing is paid', async () => {
    const { order, event, sdk } = await paidWithoutWebhooks();
    const secret = stack.config.stripe.webhookSecret;
    const forged = signedStripeEvent(sdk, event, 'whsec_not_our_secret_0000000000000');
    const stale = signedStripeEvent(sdk, event, secret, Math.floor(Date.now() / 1000) - 301);
    const genuine = signedStripeEvent(sdk, event, secret);
    const tampered = { ...genuine, body: genuine.body.replace('"succeeded"', '"succeeded" ') };
    const unsigned = { ...genuine, headers: { 'content-type': 'application/json' } };
    for (const hook of [forged, stale, tampered, unsigned]) {
      const res = await post(hook).expect(400);
      expect(res.body.error.code).toBe('INVALID_SIGNATURE');
    }
    const staleRes = await post(stale);
    expect(staleRes.body.error.message).toMatch(/tolerance/i);
    await stack.settle();
    expect((await getOrder(stack.app, order.id)).status).toBe('pending');
    expect(await WebhookEventModel.countDocuments({ gateway: 'stripe', eventId: event.id })).toBe(
      0,
    );
  });

  test('when an event is replayed with a fresh signature, or resent by the sandbox, then it is a duplicate and applied once', async () => {
    const { order, event, sdk } = await paidWithoutWebhooks();
    const secret = stack.config.stripe.webhookSecret;
    await post(signedStripeEvent(sdk, event, secret)).expect(200);
    const again = await post(signedStripeEvent(sdk, event, secret)).expect(200);
    expect(again.body.status).toBe('duplicate');
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.timeline.filter((e) => e.type === 'payment.captured')).toHaveLength(1);
    expect(await WebhookEventModel.countDocuments({ gateway: 'stripe', eventId: event.id })).toBe(
      1,
    );

    // The sandbox resends it byte for byte, newly signed, as Stripe retries a delivery.
    stack.sandbox.setWebhookUrls([stack.stripeWebhookUrl], 'stripe');
    await fetch(`${stack.sandbox.url}/_sandbox/events/${event.id}/resend`, {
      method: 'POST',
    });
    await stack.settle();
    const resent = stack.sandbox.deliveries().filter((d) => d.eventId === event.id);
    expect(resent.at(-1)).toMatchObject({ status: 200 });
    expect(await WebhookEventModel.countDocuments({ gateway: 'stripe', eventId: event.id })).toBe(
      1,
    );
  });

  test('when a genuine event is about an intent that is not ours, then it is stored as unknown_order and changes nothing', async () => {
    const sdk = stripeSdk(stack);
    const stranger = await sdk.paymentIntents.create({ amount: 5000, currency: 'usd' });
    await sdk.paymentIntents.confirm(stranger.id, { payment_method: 'pm_card_visa' });
    await stack.settle();
    const events = await sdk.events.list({ type: 'payment_intent.succeeded', limit: 10 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === stranger.id)!;
    const stored = await WebhookEventModel.findOne({ gateway: 'stripe', eventId: event.id });
    expect(stored).toMatchObject({ signatureValid: true, outcome: 'unknown_order' });
  });

  test('when Stripe sends events the shop does not act on, then they are acknowledged and ignored', async () => {
    const { intentId } = await stripeCheckout(stack.app);
    await stack.settle();
    const created = (
      await stripeSdk(stack).events.list({ type: 'payment_intent.created' })
    ).data.find((e) => (e.data.object as { id: string }).id === intentId)!;
    const stored = await WebhookEventModel.findOne({ gateway: 'stripe', eventId: created.id });
    expect(stored).toMatchObject({ outcome: 'ignored' });
  });
});

test('when the intent is canceled at Stripe, then payment_intent.canceled fails the attempt and the order can still be paid anew', async () => {
  const { order, intentId } = await stripeCheckout(stack.app);
  await stripeSdk(stack).paymentIntents.cancel(intentId, { cancellation_reason: 'abandoned' });
  await stack.settle();
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('pending');
  expect(final.payments[0]).toMatchObject({
    status: 'failed',
    error: expect.objectContaining({ code: 'canceled', reason: 'abandoned' }),
  });
  await request(stack.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'stripe' })
    .expect(201);
});

describe('refunds', () => {
  async function paidOrder() {
    const { order, checkout, intentId } = await stripeCheckout(stack.app, 8000);
    await confirmWith(stripeSdk(stack), checkout, 'pm_card_visa');
    await postReturn(stack.app, order.id, { payment_intent: intentId }).expect(200);
    await stack.settle();
    return { order: await getOrder(stack.app, order.id), intentId };
  }
  const refund = (orderId: string, body?: object) =>
    request(stack.app).post(`/api/admin/orders/${orderId}/refund`).set(adminHeaders).send(body);

  test('when an admin refunds part and then the rest, then Stripe refunds each and the order ends refunded, counted once', async () => {
    const { order, intentId } = await paidOrder();
    await refund(order.id, { amount: 3000 }).expect(200);
    await stack.settle();
    const partial = await getOrder(stack.app, order.id);
    expect(partial.payments[0]).toMatchObject({
      status: 'refunded',
      refundStatus: 'partial',
      amountRefunded: 3000,
    });

    await refund(order.id, { full: true }).expect(200);
    await stack.settle();
    const full = await getOrder(stack.app, order.id);
    expect(full).toMatchObject({ status: 'refunded', amountRefunded: order.total });
    expect(full.payments[0]!.refunds.map((r) => [r.amount, r.status])).toEqual([
      [3000, 'processed'],
      [order.total - 3000, 'processed'],
    ]);
    const charge = (await stripeSdk(stack).charges.list({ payment_intent: intentId })).data[0]!;
    expect(charge).toMatchObject({ amount_refunded: order.total, refunded: true });
    // refund.created and charge.refunded arrived too, and changed nothing we had not recorded.
    const hooks = await WebhookEventModel.find({
      gateway: 'stripe',
      type: { $in: ['refund.created', 'charge.refunded'] },
    });
    expect(hooks.length).toBeGreaterThanOrEqual(4);
    expect(full.timeline.filter((e) => e.type === 'payment.refunded_full')).toHaveLength(1);
  });

  test('when a refund is made in Stripe’s dashboard, then its webhooks record it on the order', async () => {
    const { order, intentId } = await paidOrder();
    await stripeSdk(stack).refunds.create({ payment_intent: intentId, amount: 1000 });
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.payments[0]).toMatchObject({ refundStatus: 'partial', amountRefunded: 1000 });
  });
});

describe('reconciliation', () => {
  test('when a paid intent’s webhooks were lost and the buyer never returned, then reconciliation retrieves it and pays the order', async () => {
    const { order } = await paidWithoutWebhooks();
    expect((await getOrder(stack.app, order.id)).status).toBe('pending');
    const res = await request(stack.app)
      .post('/api/admin/reconcile')
      .set(adminHeaders)
      .send({ olderThanSeconds: 0 })
      .expect(200);
    expect(res.body.summary.settled).toBeGreaterThanOrEqual(1);
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(
      final.timeline.some((e) => e.type === 'payment.captured' && e.source === 'reconcile'),
    ).toBe(true);
  });

  test('when a decline’s webhook was lost, then reconciliation records it and leaves the intent payable', async () => {
    stack.sandbox.setWebhookUrls([], 'stripe');
    const { order, checkout } = await stripeCheckout(stack.app);
    await confirmWith(stripeSdk(stack), checkout, 'pm_card_visa_chargeDeclined');
    await request(stack.app)
      .post('/api/admin/reconcile')
      .set(adminHeaders)
      .send({ olderThanSeconds: 0 })
      .expect(200);
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('pending');
    expect(final.payments.map((p) => p.status).sort()).toEqual(['created', 'failed']);
  });
});
