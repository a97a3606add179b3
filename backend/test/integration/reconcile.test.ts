import request from 'supertest';
import { ProductModel } from '../../src/models/product.model';
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

const stack = useTestStack();
afterEach(() => {
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
  stack.sandbox.setAutoCapture(true);
});

const reconcileNow = () =>
  request(stack.app)
    .post('/api/admin/reconcile')
    .set(adminHeaders)
    .send({ olderThanSeconds: 0 })
    .expect(200);

test('when the webhook is lost and the buyer closed the tab, then reconciliation settles the order', async () => {
  stack.sandbox.setWebhookUrls([]); // the webhook never arrives
  const item = await createProduct({ stock: 5 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout)); // ... and verify is never called

  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
  const res = await reconcileNow();
  expect(res.body.summary).toMatchObject({
    checked: expect.any(Number),
    settled: 1,
    gatewayErrors: 0,
  });

  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect(final.timeline.find((e) => e.type === 'payment.captured')!.source).toBe('reconcile');
  expect((await ProductModel.findById(item._id))!.stock).toBe(4);
  expect(
    (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === order.id),
  ).toHaveLength(1);
});

test('when a payment is younger than the grace period, then reconciliation leaves it alone', async () => {
  stack.sandbox.setWebhookUrls([]);
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await request(stack.app)
    .post('/api/admin/reconcile')
    .set(adminHeaders)
    .send({ olderThanSeconds: 3600 })
    .expect(200);
  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
});

test('when the account only authorizes payments, then the backend captures them', async () => {
  stack.sandbox.setAutoCapture(false);
  stack.sandbox.setWebhookUrls([]);
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));

  await reconcileNow();
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect(final.payments[0]!.status).toBe('captured');
  expect(final.timeline.map((e) => e.type)).toEqual(
    expect.arrayContaining(['payment.authorized', 'payment.capture_requested', 'payment.captured']),
  );
});

test('when the buyer never paid, then reconciliation changes nothing', async () => {
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  await startCheckout(stack.app, order.id);
  await reconcileNow();
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('pending');
  expect(final.payments[0]!.status).toBe('created');
});
