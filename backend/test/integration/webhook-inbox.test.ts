// What the admin's webhook inbox tells a learner: which order and payment each event was about,
// what a refused delivery claimed to be, and Resend (through the sandbox; a real gateway's
// dashboard otherwise), with the redelivery counted rather than applied twice.
import type { WebhookEventDto } from '@checkout-lab/contracts/dto';
import request from 'supertest';
import { RazorpayGateway } from '../../src/gateways/razorpay.gateway';
import { StripeGateway } from '../../src/gateways/stripe.gateway';
import { createLogger } from '../../src/logger';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { stripeSdk, signedStripeEvent } from '../helpers/stripe';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';
import { newEventId, signedWebhook } from '../helpers/webhooks';
import { fakeKey } from '../helpers/fake-keys';

const stack = useTestStack();

async function inbox(query: Record<string, string> = {}): Promise<WebhookEventDto[]> {
  const res = await request(stack.app)
    .get('/api/admin/webhook-events')
    .query({ limit: '100', ...query })
    .set(adminHeaders)
    .expect(200);
  return res.body.items as WebhookEventDto[];
}

async function rejectionSamples(gateway: string) {
  const res = await request(stack.app)
    .get('/api/admin/webhook-rejections')
    .set(adminHeaders)
    .expect(200);
  return (
    res.body.rejections as {
      gateway: string;
      samples: { claimedType: string | null; claimedEventId: string | null }[];
    }[]
  ).find((r) => r.gateway === gateway)!.samples;
}

/** An order paid through the sandbox (the modal's own endpoint), its webhooks delivered. */
async function paidOrder() {
  const product = await createProduct({ price: 25000 });
  const order = await placeOrder(stack.app, [{ slug: product.slug, quantity: 1 }]);
  await payInSandbox(stack.sandbox, gatewayOrderId(await startCheckout(stack.app, order.id)));
  await stack.settle();
  return order;
}

test('when a payment’s webhooks are processed, then each event links to its order and payment', async () => {
  const order = await paidOrder();
  const { body } = await request(stack.app).get(`/api/orders/${order.id}`).expect(200);
  const paymentId = body.order.payments[0].id as string;

  const events = (await inbox()).filter((e) => e.orderId === order.id);
  expect(events.map((e) => e.type).sort()).toEqual([
    'order.paid',
    'payment.authorized',
    'payment.captured',
  ]);
  for (const event of events) expect(event.paymentId).toBe(paymentId);
});

test('when an event is about no order of ours, then it carries no links', async () => {
  const hook = signedWebhook(
    'payment.failed',
    {
      payment: {
        id: 'pay_NotOurs0000001',
        entity: 'payment',
        amount: 100,
        currency: 'INR',
        status: 'failed',
        order_id: 'order_NotOurs000001',
        method: 'card',
        captured: false,
        amount_refunded: 0,
        created_at: Math.floor(Date.now() / 1000),
      },
    },
    stack.config.razorpay.webhookSecret,
  );
  await request(stack.app).post('/api/webhooks/razorpay').set(hook.headers).send(hook.body);
  await stack.settle();
  const eventId = hook.headers['x-razorpay-event-id']!;
  const [event] = await inbox({ eventId });
  expect(event).toMatchObject({ outcome: 'unknown_order', orderId: null, paymentId: null });
});

test('when a Razorpay delivery’s signature fails, then its sample shows the type and id it claimed', async () => {
  const eventId = newEventId();
  const forged = signedWebhook(
    'payment.captured',
    { payment: { id: 'pay_Forged00000002' } },
    'not-the-webhook-secret',
    eventId,
  );
  await request(stack.app)
    .post('/api/webhooks/razorpay')
    .set(forged.headers)
    .send(forged.body)
    .expect(400);
  const [newest] = await rejectionSamples('razorpay');
  expect(newest).toMatchObject({ claimedType: 'payment.captured', claimedEventId: eventId });
});

test('when a Stripe delivery’s signature fails, then its sample shows the type and id it claimed', async () => {
  const forged = signedStripeEvent(
    stripeSdk(stack),
    { id: 'evt_1ForgedClaim00000000', object: 'event', type: 'payment_intent.succeeded' },
    'whsec_not_the_secret_at_all',
  );
  await request(stack.app)
    .post('/api/webhooks/stripe')
    .set(forged.headers)
    .send(forged.body)
    .expect(400);
  const [newest] = await rejectionSamples('stripe');
  expect(newest).toMatchObject({
    claimedType: 'payment_intent.succeeded',
    claimedEventId: 'evt_1ForgedClaim00000000',
  });
});

test('when a body is not JSON, then its sample claims nothing', async () => {
  await request(stack.app)
    .post('/api/webhooks/razorpay')
    .set({ 'content-type': 'application/json', 'x-razorpay-signature': 'ab'.repeat(32) })
    .send('{ not json')
    .expect(400);
  const [newest] = await rejectionSamples('razorpay');
  expect(newest).toMatchObject({ claimedType: null, claimedEventId: null });
});

test('when a stored event is resent in sandbox mode, then it comes back, is answered duplicate and counted', async () => {
  const order = await paidOrder();
  const captured = (await inbox()).find(
    (e) => e.orderId === order.id && e.type === 'payment.captured',
  )!;
  expect(captured.redeliveries).toBe(0);

  const res = await request(stack.app)
    .post('/api/admin/webhook-events/resend')
    .set(adminHeaders)
    .send({ gateway: 'razorpay', eventId: captured.eventId })
    .expect(202);
  expect(res.body).toEqual({ resent: { gateway: 'razorpay', eventId: captured.eventId } });
  await stack.settle();

  const [again] = await inbox({ eventId: captured.eventId });
  expect(again).toMatchObject({ redeliveries: 1, outcome: captured.outcome });
  const deliveries = stack.sandbox.deliveries().filter((d) => d.eventId === captured.eventId);
  expect(deliveries.length).toBe(2);
});

test('when the sandbox does not know the event, then resend says so as a gateway refusal', async () => {
  const res = await request(stack.app)
    .post('/api/admin/webhook-events/resend')
    .set(adminHeaders)
    .send({ gateway: 'razorpay', eventId: 'evt_NoSuchEvent000' });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).not.toBe(500);
  expect(res.body.error.message).toMatch(/does not exist/);
});

test('when the gateway cannot resend (RupantorPay’s hints), then 409 says what to do instead', async () => {
  const res = await request(stack.app)
    .post('/api/admin/webhook-events/resend')
    .set(adminHeaders)
    .send({ gateway: 'rupantorpay', eventId: 'hint_TXN_x_1' })
    .expect(409);
  expect(res.body.error).toMatchObject({ code: 'RESEND_UNAVAILABLE' });
  expect(res.body.error.message).toMatch(/Reconcile now/);
});

test('when the keys are real (no sandbox), then Razorpay and Stripe name their dashboards', async () => {
  const log = createLogger('silent');
  const razorpay = new RazorpayGateway(
    {
      keyId: fakeKey('rzp_test', 14),
      keySecret: 'x'.repeat(24),
      webhookSecret: 'y'.repeat(16),
      apiBase: 'https://api.razorpay.com',
      checkoutUrl: 'https://checkout.razorpay.com/v1/checkout.js',
      timeoutMs: 1000,
      storeName: 'Test',
    },
    log,
  );
  expect(await razorpay.resendWebhook('evt_x')).toEqual({
    resent: false,
    how: expect.stringMatching(/Dashboard: Developers → Webhooks → Replay events/),
  });
  const stripe = new StripeGateway(
    {
      secretKey: fakeKey('sk_test', 21),
      publishableKey: fakeKey('pk_test', 21),
      webhookSecret: fakeKey('whsec', 17),
      apiBase: 'https://api.stripe.com',
      publicBaseUrl: 'https://shop.example.com',
      timeoutMs: 1000,
    },
    log,
  );
  expect(await stripe.resendWebhook('evt_x')).toEqual({
    resent: false,
    how: expect.stringMatching(/stripe events resend/),
  });
});

test('when the resend body is not an event id, then 400 and nothing is sent', async () => {
  await request(stack.app)
    .post('/api/admin/webhook-events/resend')
    .set(adminHeaders)
    .send({ gateway: 'razorpay', eventId: '../../faults' })
    .expect(400);
  await request(stack.app)
    .post('/api/admin/webhook-events/resend')
    .send({ gateway: 'razorpay', eventId: 'evt_x' })
    .expect(401);
});
