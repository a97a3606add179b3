// Bad input from the adversarial run (issue 12): wrong content types, broken encodings, odd
// signatures and gateway refusals. Each answers a clear 4xx and changes nothing.
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';
import { postWebhook, sandboxSdk, signedWebhook } from '../helpers/webhooks';

const stack = useTestStack();
beforeAll(() => stack.sandbox.setWebhookUrls([]));

async function paidOrder() {
  const item = await createProduct({ price: 449900 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  return { order: await getOrder(stack.app, order.id), paid: paid.body };
}

const refundUrl = (id: string) => `/api/admin/orders/${id}/refund`;

describe('a refund that is not sent as JSON', () => {
  test.each([
    ['text/plain', 'text/plain', '{"amount":100}'],
    ['a form', 'application/x-www-form-urlencoded', 'amount=100'],
    ['no content type', undefined, '{"amount":100}'],
  ])(
    'when a refund body is sent as %s, then it answers 415 and refunds nothing',
    async (_label, type, body) => {
      const { order } = await paidOrder();
      const req = request(stack.app).post(refundUrl(order.id)).set(adminHeaders);
      if (type) req.set('Content-Type', type);
      else req.unset('Content-Type');
      const res = await req.send(Buffer.from(body));
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await getOrder(stack.app, order.id)).amountRefunded).toBe(0);
    },
  );

  test('when a refund names neither an amount nor full, then it answers 400 and refunds nothing', async () => {
    const { order } = await paidOrder();
    for (const body of [undefined, {}, { reason: 'no amount' }, { full: false }]) {
      const res = await request(stack.app).post(refundUrl(order.id)).set(adminHeaders).send(body);
      expect(res.status).toBe(400);
    }
    expect((await getOrder(stack.app, order.id)).amountRefunded).toBe(0);
  });

  test('when a refund says both an amount and full, then it answers 400', async () => {
    const { order } = await paidOrder();
    await request(stack.app)
      .post(refundUrl(order.id))
      .set(adminHeaders)
      .send({ amount: 100, full: true })
      .expect(400);
  });

  test('when the storefront sends JSON with a charset, then it is accepted', async () => {
    const item = await createProduct();
    await request(stack.app)
      .post('/api/orders')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ items: [{ slug: item.slug, quantity: 1 }], customer: buyerBody() }))
      .expect(201);
  });
});

function buyerBody() {
  return { name: 'Asha Rao', email: 'asha@example.com' };
}

describe('client errors are answered 4xx, never 500', () => {
  test.each([
    ['/api/orders', 'POST'],
    ['/api/webhooks/razorpay', 'POST'],
    ['/api/webhooks/rupantorpay', 'POST'],
  ])('when %s gets a body with a bad Content-Encoding, then 4xx', async (url) => {
    for (const encoding of ['gzip', 'deflate', 'br', 'x-unknown']) {
      const res = await request(stack.app)
        .post(url)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"not":"compressed"}');
      expect([400, 415]).toContain(res.status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
  });

  test.each([
    '/api/products/%E0%A4%A',
    '/api/orders/%E0%A4%A',
    '/api/orders/%ZZ/checkout',
    '/api/webhooks/%E0%A4%A',
  ])('when the path %s has malformed percent-encoding, then 400', async (url) => {
    const res = await request(stack.app).post(url).send({}).set('Content-Type', 'application/json');
    const get = await request(stack.app).get(url);
    for (const r of [res, get]) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });
});

describe('signatures', () => {
  test('when a webhook signature has a 65th hex digit, then it is rejected', async () => {
    const item = await createProduct();
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, order.id);
    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    const payment = await sandboxSdk(stack).payments.fetch(paid.body.razorpay_payment_id);
    const hook = signedWebhook(
      'payment.captured',
      { payment },
      stack.config.razorpay.webhookSecret,
    );
    hook.headers['x-razorpay-signature'] += 'f';
    expect((await postWebhook(stack.webhookUrl, hook)).status).toBe(400);
    await stack.settle();
    expect(
      await WebhookEventModel.countDocuments({ eventId: hook.headers['x-razorpay-event-id'] }),
    ).toBe(0);
    expect((await OrderModel.findOne({ publicId: order.id }))!.status).toBe('pending');
  });
});

describe('gateway refusals are not outages', () => {
  test('when a correctly signed return names a payment the gateway does not know, then 422 and the gateway says why', async () => {
    const item = await createProduct();
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    const orderId = gatewayOrderId(await startCheckout(stack.app, order.id));
    const paymentId = 'pay_Unknown000000001';
    const signature = createHmac('sha256', stack.config.razorpay.keySecret)
      .update(`${orderId}|${paymentId}`)
      .digest('hex');
    const res = await request(stack.app).post('/api/payments/razorpay/verify').send({
      razorpay_order_id: orderId,
      razorpay_payment_id: paymentId,
      razorpay_signature: signature,
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'GATEWAY_REFUSED',
      message: expect.stringMatching(/razorpay gateway refused the request: .+/),
    });
  });

  test('when an over-refund reaches the gateway (it lost a race), then 409 or 422 and the gateway says why', async () => {
    const { order, paid } = await paidOrder();
    // Someone refunds in the gateway's dashboard after our checks read the payment.
    await sandboxSdk(stack).payments.refund(paid.razorpay_payment_id, { amount: order.total });
    const res = await request(stack.app)
      .post(refundUrl(order.id))
      .set(adminHeaders)
      .send({ amount: order.total });
    expect([409, 422]).toContain(res.status);
    expect(res.body.error.code).toBe('GATEWAY_REFUSED');
  });
});
