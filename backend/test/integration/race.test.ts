// Verify and webhooks racing on one payment: the conditional updates must let exactly one
// caller move each state, so stock is taken once and one email is sent.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { ProductModel } from '../../src/models/product.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';
import { postWebhook, sandboxSdk, signedWebhook } from '../helpers/webhooks';

const stack = useTestStack();

const ROUNDS = 5;
const CONCURRENT_VERIFIES = 8;
const CONCURRENT_WEBHOOKS = 8;

test(`when verify and webhooks race (${ROUNDS} orders × ${CONCURRENT_VERIFIES + CONCURRENT_WEBHOOKS} concurrent calls), then each order is paid, stocked and emailed exactly once`, async () => {
  // The sandbox's own deliveries are switched off: this test fires every webhook itself, at once.
  stack.sandbox.setWebhookUrls([]);
  const secret = stack.config.razorpay.webhookSecret;
  const sdk = sandboxSdk(stack);

  for (let round = 0; round < ROUNDS; round++) {
    const item = await createProduct({ stock: 50 });
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 2 }]);
    const checkout = await startCheckout(stack.app, order.id);
    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    const payment = await sdk.payments.fetch(paid.body.razorpay_payment_id);
    const razorpayOrder = await sdk.orders.fetch(gatewayOrderId(checkout));

    const calls = [
      ...Array.from({ length: CONCURRENT_VERIFIES }, () =>
        request(stack.app).post('/api/payments/razorpay/verify').send(paid.body),
      ),
      ...Array.from({ length: CONCURRENT_WEBHOOKS }, (_, i) =>
        postWebhook(
          stack.webhookUrl,
          i % 2 === 0
            ? signedWebhook('payment.captured', { payment }, secret)
            : signedWebhook('order.paid', { payment, order: razorpayOrder }, secret),
        ),
      ),
    ];
    const results = await Promise.all(calls);
    expect(results.every((r) => r.status === 200)).toBe(true);
    await stack.settle();

    const stored = await OrderModel.findOne({ publicId: order.id });
    expect(stored!.status).toBe('paid');
    expect(stored!.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
    expect(stored!.timeline.filter((e) => e.type === 'stock.decremented')).toHaveLength(1);
    expect((await ProductModel.findById(item._id))!.stock).toBe(48);
    const emails = (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === order.id);
    expect(emails).toHaveLength(1);
  }
});
