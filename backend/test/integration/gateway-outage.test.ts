import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack({ env: { GATEWAY_TIMEOUT_MS: '300' } });
afterEach(() => stack.sandbox.setFaults({ apiLatencyMs: 0, apiErrorRate: 0 }));

async function snapshot(orderId: string) {
  const order = await OrderModel.findOne({ publicId: orderId }).lean();
  return {
    attempts: order!.attempts,
    status: order!.status,
    payments: await PaymentModel.countDocuments({ order: order!._id }),
  };
}

test('when the gateway is unreachable, then checkout answers 502 and leaves no half-made attempt', async () => {
  const down: TestApp = await buildTestApp({
    RAZORPAY_API_BASE: 'http://127.0.0.1:9/razorpay',
    GATEWAY_TIMEOUT_MS: '1000',
  });
  const item = await createProduct();
  const order = await placeOrder(down.app, [{ slug: item.slug, quantity: 1 }]);
  const before = await snapshot(order.id);
  const res = await request(down.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'razorpay' })
    .expect(502);
  expect(res.body.error).toEqual({
    code: 'GATEWAY_ERROR',
    message: expect.stringMatching(/could not be reached/),
  });
  expect(await snapshot(order.id)).toEqual(before);
});

test('when the gateway does not answer in time, then checkout answers 502 and writes nothing', async () => {
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const before = await snapshot(order.id);
  stack.sandbox.setFaults({ apiLatencyMs: 1500 });
  const res = await request(stack.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'razorpay' })
    .expect(502);
  expect(res.body.error.message).toMatch(/did not answer in time/);
  expect(await snapshot(order.id)).toEqual(before);
});

test('when the gateway fails while verifying, then 502 and the payment stays as it was', async () => {
  stack.sandbox.setWebhookUrls([]);
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  stack.sandbox.setFaults({ apiErrorRate: 1 });
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(502);
  const payment = await PaymentModel.findOne({ 'refs.orderId': gatewayOrderId(checkout) });
  expect(payment!.status).toBe('created');

  // Once the gateway is back, the same call succeeds.
  stack.sandbox.setFaults({ apiErrorRate: 0 });
  const ok = await request(stack.app)
    .post('/api/payments/razorpay/verify')
    .send(paid.body)
    .expect(200);
  expect(ok.body.order.status).toBe('paid');
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
});
