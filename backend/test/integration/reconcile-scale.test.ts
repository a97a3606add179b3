// Reconciliation's cost follows what is due, not the history: abandoned attempts back off, a
// paid one is reached on the next sweep, and two sweeps at once never ask about one attempt twice.
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { expireAbandonedOrders } from '../../src/services/order-expiry.service';
import {
  MAX_CHECKS_PER_SWEEP,
  recheckDelayMs,
  reconcile,
} from '../../src/services/reconcile.service';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();
afterEach(async () => {
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
  jest.restoreAllMocks();
  await PaymentModel.deleteMany({}); // each test counts only its own attempts
});

/** Counts the gateway calls reconciliation makes (one per checkout attempt asked about). */
function countGatewayCalls(): { calls: number } {
  const counter = { calls: 0 };
  const gateway = stack.ctx.gateways.get('razorpay');
  const original = gateway.fetchAttemptPayments.bind(gateway);
  jest.spyOn(gateway, 'fetchAttemptPayments').mockImplementation((refs) => {
    counter.calls++;
    return original(refs);
  });
  return counter;
}

async function abandonCheckouts(count: number): Promise<void> {
  const item = await createProduct({ stock: count + 10 });
  for (let done = 0; done < count; done += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - done) }, async () => {
        const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
        await startCheckout(stack.app, order.id); // ... and the buyer closes the tab
      }),
    );
  }
}

test('the schedule backs off 1 min, 5 min, 30 min, then hourly', () => {
  expect([1, 2, 3, 4, 5, 50].map(recheckDelayMs)).toEqual([
    60_000, 300_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000,
  ]);
});

test('when 201 checkouts were abandoned and then one is paid, then the next sweep settles the paid one with a bounded number of gateway calls', async () => {
  stack.sandbox.setWebhookUrls([]); // no webhook: only reconciliation can find the payment
  await abandonCheckouts(201);
  const calls = countGatewayCalls();

  const first = await reconcile(stack.ctx, 0);
  expect(first.checked).toBe(201);
  expect(first.pages).toBe(3);
  expect(calls.calls).toBe(201);

  const item = await createProduct({ stock: 1 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  await payInSandbox(stack.sandbox, gatewayOrderId(await startCheckout(stack.app, order.id)));

  calls.calls = 0;
  const second = await reconcile(stack.ctx, 0);
  // The abandoned ones are not due for a minute: only the new attempt is asked about.
  expect(second).toMatchObject({ checked: 1, settled: 1, pages: 1 });
  expect(calls.calls).toBe(1);
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');

  const abandoned = await PaymentModel.find({ status: 'created' }).lean();
  expect(abandoned).toHaveLength(201);
  for (const p of abandoned) {
    expect(p.checks).toBe(1);
    expect(p.nextCheckAt!.getTime() - p.lastCheckedAt!.getTime()).toBe(60_000);
  }
}, 120_000);

test('when more attempts are due than one sweep may check, then the sweep stops at its cap and the next one carries on', async () => {
  stack.sandbox.setWebhookUrls([]);
  await abandonCheckouts(12);
  expect(MAX_CHECKS_PER_SWEEP).toBeGreaterThanOrEqual(100); // the default; a small cap stands in
  const calls = countGatewayCalls();
  const sweeps = [];
  for (let i = 0; i < 4; i++)
    sweeps.push((await reconcile(stack.ctx, 0, { maxChecks: 5 })).checked);
  expect(sweeps).toEqual([5, 5, 2, 0]);
  expect(calls.calls).toBe(12);
}, 60_000);

test('when two sweeps run at the same time, then each open attempt is asked about once', async () => {
  stack.sandbox.setWebhookUrls([]);
  await abandonCheckouts(30);
  const calls = countGatewayCalls();
  const [a, b] = await Promise.all([reconcile(stack.ctx, 0), reconcile(stack.ctx, 0)]);
  expect(a.checked + b.checked).toBe(30);
  expect(calls.calls).toBe(30);
}, 60_000);

test('when the admin asks to reconcile now, then attempts not yet due are asked about too', async () => {
  stack.sandbox.setWebhookUrls([]);
  const item = await createProduct({ stock: 2 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  await reconcile(stack.ctx, 0); // checked while unpaid: next check in a minute
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));

  expect((await reconcile(stack.ctx, 0)).checked).toBe(0);
  expect(await reconcile(stack.ctx, 0, { allOpen: true })).toMatchObject({
    checked: 1,
    settled: 1,
  });
  expect((await getOrder(stack.app, order.id)).status).toBe('paid');
});

test('when many abandoned checkouts expire, then they leave the open set: the next sweep makes no gateway call for them', async () => {
  stack.sandbox.setWebhookUrls([]);
  await OrderModel.deleteMany({}); // the orders of the tests above would expire too
  await abandonCheckouts(120);
  const calls = countGatewayCalls();
  const pastExpiry = new Date(Date.now() + stack.ctx.config.orderExpiryMs + 60_000);

  const last = { checked: 0, settled: 0, gatewayErrors: 0 };
  expect(await expireAbandonedOrders(stack.ctx, last, pastExpiry)).toBe(120);
  expect(last.checked).toBe(120); // one last question per attempt, in two pages
  expect(calls.calls).toBe(120);
  expect(await PaymentModel.countDocuments({ status: 'expired' })).toBe(120);

  calls.calls = 0;
  const sweep = await reconcile(stack.ctx, 0);
  expect(sweep).toMatchObject({ checked: 0, ordersExpired: 0 });
  // A second expiry run finds nothing due: the cancelled orders are out of its range too.
  expect(await expireAbandonedOrders(stack.ctx, last, pastExpiry)).toBe(0);
  expect(calls.calls).toBe(0);
}, 120_000);
