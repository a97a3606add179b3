// Abandoned checkouts expire: past ORDER_EXPIRY_MINUTES an unpaid order is cancelled, its open
// attempts expired and its holds released, after one last question to the gateway; a payment
// that arrives late is still recorded. Time is controlled by the `now` the expiry step is given.
import { GatewayError } from '../../src/errors';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { EXPIRY_RETRY_MS, expireAbandonedOrders } from '../../src/services/order-expiry.service';
import { reconcile } from '../../src/services/reconcile.service';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
  stockOf,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();
afterEach(async () => {
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
  stack.sandbox.setAutoCapture(true);
  jest.restoreAllMocks();
  await stack.settle();
  // Each test expires only its own orders.
  await Promise.all([OrderModel.deleteMany({}), PaymentModel.deleteMany({})]);
});

const EXPIRY_MS = 120 * 60_000; // the default ORDER_EXPIRY_MINUTES
/** A moment just past the window of everything created so far. */
const pastExpiry = (extraMs = 0) => new Date(Date.now() + EXPIRY_MS + 60_000 + extraMs);
const tally = () => ({ checked: 0, settled: 0, gatewayErrors: 0 });
const expire = (now = pastExpiry()) => expireAbandonedOrders(stack.ctx, tally(), now);

async function abandonedCheckout(stock = 3) {
  const item = await createProduct({ stock });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id); // ... and the buyer closes the tab
  return { item, order, checkout };
}

const typesOf = async (orderId: string) => (await getOrder(stack.app, orderId)).timeline;

test('when a checkout is abandoned past ORDER_EXPIRY_MINUTES, then the order is cancelled, its attempt expired and its hold released', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { item, order } = await abandonedCheckout(3);
  expect(await stockOf(item._id)).toBe(2);

  expect(await expire(new Date(Date.now() + EXPIRY_MS - 60_000))).toBe(0); // not yet
  expect(await expire()).toBe(1);

  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('cancelled');
  expect(final.payments.map((p) => p.status)).toEqual(['expired']);
  expect(await stockOf(item._id)).toBe(3);
  const timeline = await typesOf(order.id);
  const cancelled = timeline.filter((e) => e.type === 'order.cancelled');
  expect(cancelled).toEqual([expect.objectContaining({ source: 'reconcile' })]);
  expect(timeline).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'payment.expired', source: 'reconcile' }),
      expect.objectContaining({ type: 'stock.released', source: 'reconcile' }),
    ]),
  );

  // The buyer who comes back is told the order expired, not asked to pay.
  const retry = await startCheckout(stack.app, order.id).catch((err: Error) => err.message);
  expect(retry).toContain('expired unpaid');
});

test('when the buyer started a new checkout within the window, then the order is not expired', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { order } = await abandonedCheckout();
  // The first checkout was two hours ago ...
  const twoHoursAgo = new Date(Date.now() - EXPIRY_MS - 60_000);
  await OrderModel.updateOne({ publicId: order.id }, { $set: { expiresAt: new Date() } });
  await PaymentModel.collection.updateMany({}, { $set: { createdAt: twoHoursAgo } });
  // ... and the buyer came back just now: the window starts again.
  await startCheckout(stack.app, order.id);
  expect(await expire(new Date(Date.now() + 60_000))).toBe(0);
  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
});

test('when the gateway says captured at the last check, then the order is paid, not cancelled', async () => {
  stack.sandbox.setWebhookUrls([]); // no webhook: only the last check can learn of the payment
  const { item, order, checkout } = await abandonedCheckout(3);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));

  const summary = tally();
  expect(await expireAbandonedOrders(stack.ctx, summary, pastExpiry())).toBe(0);
  expect(summary).toMatchObject({ checked: 1, settled: 1, gatewayErrors: 0 });
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect(final.payments.map((p) => p.status)).toEqual(['captured']);
  expect(await stockOf(item._id)).toBe(2);
});

test('when a capture webhook arrives after expiry, then the payment is captured and flagged needs_refund, and the order stays cancelled', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { item, order, checkout } = await abandonedCheckout(3);
  expect(await expire()).toBe(1);

  // The buyer's bank completes the payment after all; the gateway's webhook tells us.
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await stack.settle();

  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('cancelled');
  expect(final.payments.map((p) => p.status)).toEqual(['captured']);
  const flags = (await typesOf(order.id)).filter((e) => e.type === 'payment.needs_refund');
  expect(flags).toHaveLength(1);
  expect(flags[0]!.message).toContain('cancelled');
  expect(await stockOf(item._id)).toBe(3); // no stock taken for a cancelled order
  const payment = await PaymentModel.findOne({ order: (await orderDoc(order.id))._id });
  expect(payment!.settlePending).toBeUndefined(); // settled: the repair sweep leaves it alone
});

test('two concurrent expiry runs cancel once and release once', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { item, order } = await abandonedCheckout(3);
  const now = pastExpiry();
  const runs = await Promise.all([expire(now), expire(now), expire(now)]);
  expect(runs.reduce((a, b) => a + b, 0)).toBe(1);

  const timeline = await typesOf(order.id);
  expect(timeline.filter((e) => e.type === 'order.cancelled')).toHaveLength(1);
  expect(timeline.filter((e) => e.type === 'stock.released')).toHaveLength(1);
  expect(timeline.filter((e) => e.type === 'payment.expired')).toHaveLength(1);
  expect(await stockOf(item._id)).toBe(3);
});

test('an authorized attempt is not expired', async () => {
  stack.sandbox.setWebhookUrls([]);
  stack.sandbox.setAutoCapture(false);
  // The capture call fails for now: the money stays authorized at the bank.
  jest
    .spyOn(stack.ctx.gateways.get('razorpay'), 'capture')
    .mockRejectedValue(new GatewayError('razorpay', 'network', 'capture unreachable'));
  const { item, order, checkout } = await abandonedCheckout(3);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));

  expect(await expire()).toBe(0);
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('pending');
  expect(final.payments.map((p) => p.status)).toEqual(['authorized']);
  expect(await stockOf(item._id)).toBe(2);
  // Looked at again after the retry delay, not on every run.
  expect(await expire(pastExpiry(EXPIRY_RETRY_MS / 2))).toBe(0);
});

test('when the gateway is down, nothing is cancelled, and the next run after it is back expires the order', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { item, order } = await abandonedCheckout(3);
  const fetch = jest
    .spyOn(stack.ctx.gateways.get('razorpay'), 'fetchAttemptPayments')
    .mockRejectedValue(new GatewayError('razorpay', 'network', 'connection refused'));

  const summary = tally();
  expect(await expireAbandonedOrders(stack.ctx, summary, pastExpiry())).toBe(0);
  expect(summary.gatewayErrors).toBe(1);
  const meanwhile = await getOrder(stack.app, order.id);
  expect(meanwhile.status).toBe('pending');
  expect(meanwhile.payments.map((p) => p.status)).toEqual(['created']);
  expect(await stockOf(item._id)).toBe(2);

  fetch.mockRestore();
  expect(await expire(pastExpiry(EXPIRY_RETRY_MS + 60_000))).toBe(1);
  expect((await getOrder(stack.app, order.id)).status).toBe('cancelled');
});

test('when ORDER_EXPIRY_MINUTES is 0, then nothing expires', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { order } = await abandonedCheckout();
  const off = { ...stack.ctx, config: { ...stack.ctx.config, orderExpiryMs: 0 } };
  expect(await expireAbandonedOrders(off, tally(), pastExpiry(365 * 24 * 3600_000))).toBe(0);
  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
});

async function orderDoc(publicId: string) {
  return (await OrderModel.findOne({ publicId }))!;
}

test('when the reconcile sweep runs, then it expires the orders whose window passed', async () => {
  stack.sandbox.setWebhookUrls([]);
  const { item, order } = await abandonedCheckout(3);
  // Two hours on, as the database sees it.
  const then = new Date(Date.now() - EXPIRY_MS - 60_000);
  await OrderModel.updateOne({ publicId: order.id }, { $set: { expiresAt: then } });
  await PaymentModel.collection.updateMany({}, { $set: { createdAt: then } });

  const summary = await reconcile(stack.ctx, 0);
  expect(summary).toMatchObject({ ordersExpired: 1, gatewayErrors: 0 });
  expect((await getOrder(stack.app, order.id)).status).toBe('cancelled');
  expect(await stockOf(item._id)).toBe(3);
});
