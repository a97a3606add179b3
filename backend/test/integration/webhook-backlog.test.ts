// A burst of webhooks while processing is busy: acknowledgements never wait for processing
// (the gateway's retry clock starts when we are slow), background work stays within its limit,
// and an event the full queue turned away is processed by the next reconcile sweep, once.
import { OrderModel } from '../../src/models/order.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { reconcile } from '../../src/services/reconcile.service';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

// One task at a time and one waiting, so that a single payment's webhooks overflow the queue.
const stack = useTestStack({ taskLimits: { concurrency: 1, maxQueued: 1 } });

function hold(): { held: Promise<void>; release(): void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release };
}

test('when processing is busy, then webhooks are acknowledged at once and the sweep finishes what was turned away', async () => {
  const item = await createProduct({ stock: 5 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);

  const slow = hold();
  expect(stack.ctx.tasks.run('slow processing', () => slow.held)).toBe(true);
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await stack.sandbox.idle(); // every delivery answered while the only slot is still taken…

  const deliveries = stack.sandbox.deliveries();
  expect(deliveries.length).toBeGreaterThanOrEqual(2);
  expect(deliveries.every((d) => d.status === 200)).toBe(true);
  expect(await WebhookEventModel.countDocuments({ outcome: 'pending' })).toBe(deliveries.length);
  expect((await OrderModel.findOne({ publicId: order.id }))!.status).toBe('pending');
  // …and the queue is full, so more work is turned away rather than piling up.
  expect(stack.ctx.tasks.run('one more', async () => {})).toBe(false);

  slow.release();
  await stack.settle(); // the one queued event is processed; the rest wait for the sweep
  const left = await WebhookEventModel.countDocuments({ outcome: 'pending' });
  expect(left).toBe(deliveries.length - 1);

  const summary = await reconcile(stack.ctx, 60_000);
  expect(summary.webhooksRetried).toBe(left);
  expect(await WebhookEventModel.countDocuments({ processedAt: { $exists: false } })).toBe(0);
  const paid = await OrderModel.findOne({ publicId: order.id });
  expect(paid!.status).toBe('paid');
  expect(paid!.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
});
