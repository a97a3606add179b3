import request from 'supertest';
import { ProductModel } from '../../src/models/product.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
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

describe('the Razorpay checkout, end to end without a browser', () => {
  test('when a buyer pays with a RuPay card, then verify and webhooks make the order paid exactly once', async () => {
    const mug = await createProduct({ price: 34900, stock: 5 });
    const order = await placeOrder(stack.app, [{ slug: mug.slug, quantity: 2 }]);
    expect(order).toMatchObject({ status: 'pending', subtotal: 69800, currency: 'INR' });

    const checkout = await startCheckout(stack.app, order.id);
    expect(checkout.checkout).toMatchObject({
      kind: 'modal',
      scriptUrl: stack.sandbox.checkoutScriptUrl,
      options: {
        key: stack.config.razorpay.keyId,
        amount: order.total,
        currency: 'INR',
        prefill: { email: 'asha@example.com' },
      },
    });

    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    expect(paid.status).toBe(200);

    const verified = await request(stack.app)
      .post('/api/payments/razorpay/verify')
      .send(paid.body)
      .expect(200);
    expect(verified.body.order.status).toBe('paid');
    await stack.settle();

    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.payments).toHaveLength(1);
    expect(final.payments[0]).toMatchObject({
      status: 'captured',
      signatureVerified: true,
      method: 'card',
      refs: { orderId: gatewayOrderId(checkout), paymentId: paid.body.razorpay_payment_id },
    });
    const sources = new Set(final.timeline.map((e) => e.source));
    expect(sources).toEqual(new Set(['checkout', 'verify', 'webhook']));
    expect(final.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);

    expect((await ProductModel.findById(mug._id))!.stock).toBe(3);
    const emails = await stack.ctx.mailer.listOutbox();
    expect(emails.filter((e) => e.orderId === order.id)).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/Order confirmed/);

    const events = await WebhookEventModel.find({ outcome: { $ne: 'rejected' } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.signatureValid && e.processedAt)).toBe(true);
  });
});
