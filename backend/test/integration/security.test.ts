import { createHmac } from 'node:crypto';
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { WebhookRejectionModel } from '../../src/models/webhook-rejection.model';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';
import { newEventId, postWebhook, sandboxSdk, signedWebhook } from '../helpers/webhooks';

const stack = useTestStack();

beforeAll(() => {
  stack.sandbox.setWebhookUrls([]); // every webhook in this file is sent by the test itself
});

/** A paid-in-the-sandbox checkout nobody has told the backend about yet. */
async function paidButUnknown() {
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  const payment = await sandboxSdk(stack).payments.fetch(paid.body.razorpay_payment_id);
  return { order, checkout, handler: paid.body, payment };
}

async function stateOf(orderId: string) {
  const order = await OrderModel.findOne({ publicId: orderId }).lean();
  const payments = await PaymentModel.find({ order: order!._id }).lean();
  return {
    status: order!.status,
    payments: payments.map((p) => [p.status, p.refs?.paymentId ?? null]),
  };
}

const verify = (body: object) =>
  request(stack.app).post('/api/payments/razorpay/verify').send(body);

describe('the checkout return (verify)', () => {
  test('when the signature is forged, then 400 and the payment stays created, with the attempt in its timeline', async () => {
    const { order, handler } = await paidButUnknown();
    const before = await stateOf(order.id);
    const res = await verify({ ...handler, razorpay_signature: 'a'.repeat(64) }).expect(400);
    expect(res.body.error.code).toBe('INVALID_SIGNATURE');
    expect(await stateOf(order.id)).toEqual(before);
    const timeline = (await getOrder(stack.app, order.id)).timeline;
    expect(timeline.some((e) => e.type === 'signature.rejected' && e.source === 'verify')).toBe(
      true,
    );
  });

  test('when the signature is made with the wrong secret, then 400', async () => {
    const { order, handler } = await paidButUnknown();
    const forged = createHmac('sha256', 'not-the-key-secret')
      .update(`${handler.razorpay_order_id}|${handler.razorpay_payment_id}`)
      .digest('hex');
    await verify({ ...handler, razorpay_signature: forged }).expect(400);
    expect((await stateOf(order.id)).status).toBe('pending');
  });

  test('when a valid signature from another checkout is replayed, then 400 and neither order changes', async () => {
    const a = await paidButUnknown();
    const b = await paidButUnknown();
    const res = await verify({
      ...a.handler,
      razorpay_order_id: b.handler.razorpay_order_id,
    }).expect(400);
    expect(res.body.error.code).toBe('INVALID_SIGNATURE');
    expect((await stateOf(a.order.id)).status).toBe('pending');
    expect((await stateOf(b.order.id)).status).toBe('pending');
  });

  test('when the gateway order is not one of ours, then 400 UNKNOWN_CHECKOUT', async () => {
    const { handler } = await paidButUnknown();
    const res = await verify({ ...handler, razorpay_order_id: 'order_NotOurs00000001' }).expect(
      400,
    );
    expect(res.body.error.code).toBe('UNKNOWN_CHECKOUT');
  });

  test.each([
    ['a missing signature', { razorpay_signature: undefined }],
    ['a non-hex signature', { razorpay_signature: 'z'.repeat(64) }],
    ['an operator as the order id', { razorpay_order_id: { $ne: null } }],
  ])('when the body has %s, then 400 VALIDATION_ERROR', async (_l, patch) => {
    const { handler } = await paidButUnknown();
    const res = await verify({ ...handler, ...patch }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('tampered amounts', () => {
  test('when the checkout request carries its own amount and currency, then the gateway order is for our total', async () => {
    const item = await createProduct({ price: 129900 });
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    const res = await request(stack.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'razorpay', amount: 100, currency: 'USD', total: 100 })
      .expect(201);
    expect(res.body.checkout.options).toMatchObject({ amount: order.total, currency: 'INR' });
    const gatewayOrder = await sandboxSdk(stack).orders.fetch(res.body.checkout.options.order_id);
    expect(gatewayOrder.amount).toBe(order.total);
  });
});

describe('webhooks', () => {
  const secret = () => stack.config.razorpay.webhookSecret;

  test('when a webhook is signed with the wrong secret, then 400, nothing changes, and it is counted and sampled', async () => {
    const { order, payment } = await paidButUnknown();
    const before = await stateOf(order.id);
    const hook = signedWebhook('payment.captured', { payment }, 'wrong-secret');
    const res = await postWebhook(stack.webhookUrl, hook);
    expect(res.status).toBe(400);
    expect(await stateOf(order.id)).toEqual(before);
    const rejections = await WebhookRejectionModel.findById('razorpay');
    expect(rejections!.count).toBeGreaterThan(0);
    expect([...rejections!.samples.values()]).toContainEqual(
      expect.objectContaining({
        reason: expect.stringMatching(/does not match/),
        body: expect.stringContaining(payment.id),
      }),
    );
    // The forged delivery did not take the real event id's slot.
    expect(
      await WebhookEventModel.countDocuments({ eventId: hook.headers['x-razorpay-event-id'] }),
    ).toBe(0);
  });

  test('when the signature is over a different body, then 400 and nothing changes', async () => {
    const { order, payment } = await paidButUnknown();
    const genuine = signedWebhook(
      'payment.failed',
      { payment: { ...payment, status: 'failed' } },
      secret(),
    );
    const swapped = signedWebhook('payment.captured', { payment }, secret());
    const res = await postWebhook(stack.webhookUrl, {
      body: swapped.body,
      headers: genuine.headers,
    });
    expect(res.status).toBe(400);
    expect((await stateOf(order.id)).status).toBe('pending');
  });

  test('when the signature header is missing, then 400', async () => {
    const hook = signedWebhook('payment.captured', {}, secret());
    delete hook.headers['x-razorpay-signature'];
    expect((await postWebhook(stack.webhookUrl, hook)).status).toBe(400);
  });

  test('when a genuine webhook is replayed, then it is acknowledged as a duplicate and applied once', async () => {
    const { order, payment } = await paidButUnknown();
    const hook = signedWebhook('payment.captured', { payment }, secret());
    expect((await postWebhook(stack.webhookUrl, hook)).body).toEqual({ status: 'received' });
    expect((await postWebhook(stack.webhookUrl, hook)).body).toEqual({ status: 'duplicate' });
    await stack.settle();
    expect(
      await WebhookEventModel.countDocuments({ eventId: hook.headers['x-razorpay-event-id'] }),
    ).toBe(1);
    expect((await stateOf(order.id)).status).toBe('paid');
  });

  test('when a signed body is not JSON, then it is stored, acknowledged and ignored', async () => {
    const body = '{"event": "payment.captured", oops';
    const res = await fetch(stack.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-razorpay-signature': createHmac('sha256', secret()).update(body).digest('hex'),
        'x-razorpay-event-id': newEventId(),
      },
      body,
    });
    expect(res.status).toBe(200);
    await stack.settle();
    const stored = await WebhookEventModel.findOne({ type: 'invalid_json' });
    expect(stored).toMatchObject({ outcome: 'ignored', signatureValid: true });
  });

  test('when an event is for an order we never created, then it is stored and acknowledged', async () => {
    const { payment } = await paidButUnknown();
    const foreign = { ...payment, id: 'pay_Foreign0000001', order_id: 'order_Foreign000001' };
    const hook = signedWebhook('payment.captured', { payment: foreign }, secret());
    expect((await postWebhook(stack.webhookUrl, hook)).status).toBe(200);
    await stack.settle();
    const stored = await WebhookEventModel.findOne({
      eventId: hook.headers['x-razorpay-event-id'],
    });
    expect(stored!.outcome).toBe('unknown_order');
  });

  test('when a payment.failed arrives after the capture, then the payment and order stay paid', async () => {
    const { order, handler, payment } = await paidButUnknown();
    await verify(handler).expect(200);
    const late = signedWebhook(
      'payment.failed',
      {
        payment: {
          ...payment,
          status: 'failed',
          error_code: 'BAD_REQUEST_ERROR',
          error_description: 'late',
        },
      },
      secret(),
    );
    expect((await postWebhook(stack.webhookUrl, late)).status).toBe(200);
    await stack.settle();
    expect(await stateOf(order.id)).toEqual({
      status: 'paid',
      payments: [['captured', payment.id]],
    });
    const stored = await WebhookEventModel.findOne({
      eventId: late.headers['x-razorpay-event-id'],
    });
    expect(stored!.outcome).toBe('no_change');
  });

  test("when a signed capture reports a different amount, then the gateway's own record decides", async () => {
    const { order, payment } = await paidButUnknown();
    const hook = signedWebhook(
      'payment.captured',
      { payment: { ...payment, amount: 100 } },
      secret(),
    );
    await postWebhook(stack.webhookUrl, hook);
    await stack.settle();
    // The webhook's amount is never read: the payment is fetched, and the gateway says it was
    // captured for the full total.
    const after = await getOrder(stack.app, order.id);
    expect(after.status).toBe('paid');
    expect(after.payments[0]).toMatchObject({ status: 'captured', amount: order.total });
    expect(after.timeline.some((e) => e.type === 'payment.amount_mismatch')).toBe(false);
  });
});
