// Held units go back when the attempt fails, is cancelled, replaced or expires, exactly once,
// whoever releases them and however many sweeps run at once.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import { releaseExpiredHolds } from '../../src/services/stock-hold.service';
import {
  createProduct,
  DECLINED_CARD,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
  stockOf,
} from '../helpers/shop';
import { adminHeaders, buildTestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

const attemptsOf = async (orderId: string) => {
  const order = await OrderModel.findOne({ publicId: orderId });
  return PaymentModel.find({ order: order!._id }).sort({ createdAt: 1 });
};
const checkout = (orderId: string) =>
  request(stack.app).post(`/api/orders/${orderId}/checkout`).send({ gateway: 'razorpay' });

test('when the payment fails, then the attempt gives its units back', async () => {
  const item = await createProduct({ stock: 3 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 2 }]);
  const started = await startCheckout(stack.app, order.id);
  expect(await stockOf(item._id)).toBe(1);
  await payInSandbox(stack.sandbox, gatewayOrderId(started), {
    method: 'card',
    card: DECLINED_CARD,
  });
  await stack.settle(); // the payment.failed webhook
  expect(await stockOf(item._id)).toBe(3);
  const [attempt] = await attemptsOf(order.id);
  expect(attempt!.hold).toMatchObject({ state: 'released', reason: 'payment_failed' });
});

test('when an admin cancels the order, then its units go back', async () => {
  const item = await createProduct({ stock: 2 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 2 }]);
  await startCheckout(stack.app, order.id);
  expect(await stockOf(item._id)).toBe(0);
  await request(stack.app)
    .post(`/api/admin/orders/${order.id}/cancel`)
    .set(adminHeaders)
    .expect(200);
  expect(await stockOf(item._id)).toBe(2);
  const final = await getOrder(stack.app, order.id);
  expect(final.payments[0]!.stockHold).toMatchObject({ state: 'released', reason: 'cancelled' });
  expect(final.timeline.some((e) => e.type === 'stock.released')).toBe(true);
});

test('when the gateway is down at checkout, then nothing stays held and no attempt is left', async () => {
  const down = await buildTestApp({ RAZORPAY_API_BASE: 'http://127.0.0.1:9/razorpay' });
  const item = await createProduct({ stock: 1 });
  const order = await placeOrder(down.app, [{ slug: item.slug, quantity: 1 }]);
  await request(down.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'razorpay' })
    .expect(502);
  expect(await stockOf(item._id)).toBe(1);
  expect(await attemptsOf(order.id)).toHaveLength(0);
  expect((await ProductModel.findById(item._id).select('+holds'))!.holds?.size ?? 0).toBe(0);
});

test('when the buyer retries the last unit with a new attempt, then the earlier hold goes back first and the retry holds it', async () => {
  const item = await createProduct({ stock: 1 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  await startCheckout(stack.app, order.id);
  const retry = await checkout(order.id).expect(201);
  expect(await stockOf(item._id)).toBe(0);
  const [first, second] = await attemptsOf(order.id);
  expect(first!.hold).toMatchObject({ state: 'released', reason: 'superseded' });
  expect(second!.hold!.state).toBe('held');

  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(retry.body));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  await stack.settle();
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');
  expect(await stockOf(item._id)).toBe(0);
});

test('when two carts want the same two last units in opposite order (10 rounds), then one gets both and the other is refused', async () => {
  for (let round = 0; round < 10; round++) {
    const lamp = await createProduct({ stock: 1, name: 'Lamp' });
    const shade = await createProduct({ stock: 1, name: 'Shade' });
    const a = await placeOrder(stack.app, [
      { slug: lamp.slug, quantity: 1 },
      { slug: shade.slug, quantity: 1 },
    ]);
    const b = await placeOrder(stack.app, [
      { slug: shade.slug, quantity: 1 },
      { slug: lamp.slug, quantity: 1 },
    ]);
    const results = await Promise.all([checkout(a.id), checkout(b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect([await stockOf(lamp._id), await stockOf(shade._id)]).toEqual([0, 0]);
  }
});

test('when a hold expired but stock remains, then a late payment takes the units afresh and is confirmed', async () => {
  const item = await createProduct({ stock: 2 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const started = await startCheckout(stack.app, order.id);
  await PaymentModel.updateOne(
    { 'refs.orderId': gatewayOrderId(started) },
    { $set: { 'hold.expiresAt': new Date(Date.now() - 1000) } },
  );
  expect(await releaseExpiredHolds(new Date())).toBe(1);
  expect(await stockOf(item._id)).toBe(2);

  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(started));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  await stack.settle();
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');
  expect(await stockOf(item._id)).toBe(1);
  const emails = (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === order.id);
  expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/^Order confirmed/)]);
});

test('when two backends sweep the same expired holds at once, then each unit goes back once', async () => {
  const items = await Promise.all([1, 2, 3].map(() => createProduct({ stock: 4 })));
  const orders = [];
  for (const item of items) {
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 3 }]);
    await startCheckout(stack.app, order.id);
    orders.push(order);
    await PaymentModel.updateMany(
      { order: (await OrderModel.findOne({ publicId: order.id }))!._id },
      { $set: { 'hold.expiresAt': new Date(Date.now() - 1000) } },
    );
  }
  const [one, two] = await Promise.all([
    releaseExpiredHolds(new Date()),
    releaseExpiredHolds(new Date()),
  ]);
  expect(one + two).toBe(3);
  for (const item of items) expect(await stockOf(item._id)).toBe(4);
  for (const order of orders) {
    const timeline = (await getOrder(stack.app, order.id)).timeline;
    expect(timeline.filter((e) => e.type === 'stock.released')).toHaveLength(1);
  }
});

test('when many holds are open and some are due, then the sweep releases exactly the due ones, page after page', async () => {
  const item = await createProduct({ stock: 1 });
  const placed = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  await ProductModel.updateOne({ _id: item._id }, { $set: { stock: 0 } });
  const order = await OrderModel.findOne({ publicId: placed.id });
  const hold = (expiresAt: Date) => ({
    order: order!._id,
    gateway: 'razorpay',
    attempt: 1,
    refs: { orderId: `order_Sweep${Math.random().toString(36).slice(2, 12)}` },
    amount: 100,
    currency: 'INR',
    hold: { state: 'held', expiresAt, lines: [{ product: item._id, quantity: 1, name: 'x' }] },
  });
  const later = new Date(Date.now() + 3600_000);
  const past = new Date(Date.now() - 1000);
  const due = Array.from({ length: 110 }, () => hold(past));
  const inserted = await PaymentModel.insertMany([
    ...Array.from({ length: 200 }, () => hold(later)),
    ...due,
  ]);
  // The product side of each due hold, as checkout would have written it.
  const dueIds = inserted.slice(200).map((p) => p._id.toString());
  await ProductModel.updateOne(
    { _id: item._id },
    {
      $set: Object.fromEntries(
        dueIds.map((id) => [`holds.${id}`, { quantity: 1, state: 'held', at: past }]),
      ),
    },
  );

  expect(await releaseExpiredHolds(new Date())).toBe(110);
  expect(await stockOf(item._id)).toBe(110);
  expect(await PaymentModel.countDocuments({ 'hold.state': 'held', 'hold.expiresAt': later })).toBe(
    200,
  );
  expect(await releaseExpiredHolds(new Date())).toBe(0);
}, 120_000);
