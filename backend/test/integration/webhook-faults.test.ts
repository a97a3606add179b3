// The sandbox's fault modes do to our webhook endpoint what real networks and gateways do:
// duplicates, reordering, delays, failed first attempts and tampered bodies. Without any help
// from verify, webhooks alone must bring each order to the right final state, exactly once.
import { OrderModel } from '../../src/models/order.model';
import { ProductModel } from '../../src/models/product.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { WebhookRejectionModel } from '../../src/models/webhook-rejection.model';
import type { Faults } from '@checkout-lab/sandbox';
import {
  createProduct,
  DECLINED_CARD,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();
afterEach(() =>
  stack.sandbox.setFaults({ duplicate: 0, reorder: 0, delay: 0, failFirst: 0, tamper: 0 }),
);

async function buyOnlyThroughWebhooks() {
  const item = await createProduct({ stock: 10 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  // A failed attempt first, then a success in the same modal: two payments, five events.
  await payInSandbox(stack.sandbox, gatewayOrderId(checkout), {
    method: 'card',
    card: DECLINED_CARD,
  });
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  expect(paid.status).toBe(200);
  await stack.settle();
  return { item, order, paymentId: paid.body.razorpay_payment_id };
}

async function expectPaidExactlyOnce(item: { _id: unknown }, orderId: string) {
  const order = await OrderModel.findOne({ publicId: orderId });
  expect(order!.status).toBe('paid');
  expect(order!.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
  expect(order!.timeline.filter((e) => e.type === 'stock.decremented')).toHaveLength(1);
  expect((await ProductModel.findById(item._id))!.stock).toBe(9);
  expect(
    (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === orderId),
  ).toHaveLength(1);
}

test.each<[string, Partial<Faults>]>([
  ['duplicated', { duplicate: 1 }],
  ['reordered', { reorder: 1 }],
  ['delayed', { delay: 1, delayMs: 50 }],
  ['failed on the first attempt', { failFirst: 1 }],
  ['tampered on the first attempt', { tamper: 1 }],
  [
    'all of that at once',
    { duplicate: 1, reorder: 1, delay: 1, delayMs: 20, failFirst: 1, tamper: 1 },
  ],
])('when webhooks are %s, then the order ends paid exactly once', async (_label, faults) => {
  stack.sandbox.setFaults(faults);
  const { item, order } = await buyOnlyThroughWebhooks();
  await expectPaidExactlyOnce(item, order.id);

  // Each event was stored once however often it arrived; none is left unprocessed.
  const events = await WebhookEventModel.find({ signatureValid: true });
  const ids = events.map((e) => e.eventId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(events.every((e) => e.processedAt)).toBe(true);
});

const rejections = async () => (await WebhookRejectionModel.findById('razorpay'))?.count ?? 0;

test('when a tampered body arrives, then it is rejected and counted, and the genuine retry is applied', async () => {
  stack.sandbox.setFaults({ tamper: 1 });
  const before = await rejections();
  const { item, order } = await buyOnlyThroughWebhooks();
  expect(await rejections()).toBeGreaterThan(before);
  const rejected = stack.sandbox.deliveries().filter((d) => d.status === 400);
  expect(rejected.length).toBeGreaterThan(0);
  await expectPaidExactlyOnce(item, order.id);
});
