// A crash between any two awaits of settlement or fulfilment leaves a state the next sweep
// finishes, with nothing done twice. Each test writes the state a SIGKILL at that point would
// leave (the database is all that survives a kill), then runs reconciliation twice.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();
beforeAll(() => stack.sandbox.setWebhookUrls([]));

/** Long enough ago that any claim it left is stale. */
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

const emailsAbout = async (id: string) =>
  (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === id);

async function reconcileTwice() {
  for (let run = 0; run < 2; run++) {
    await request(stack.app)
      .post('/api/admin/reconcile')
      .set(adminHeaders)
      .send({ olderThanSeconds: 0 })
      .expect(200);
  }
  await stack.settle();
}

/** An order paid at the gateway and captured by us; `crash` then writes what a kill left. */
async function capturedOrder(stock = 5, quantity = 2) {
  const item = await createProduct({ stock });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity }]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  const payment = await PaymentModel.findOne({ 'refs.orderId': gatewayOrderId(checkout) });
  return { item, order, payment: payment!, paymentId: paid.body.razorpay_payment_id };
}

test('when fulfilment was claimed but the stock step never ran, then the next sweep takes the stock once and sends one email', async () => {
  const { item, order, payment, paymentId } = await capturedOrder(5, 2);
  await PaymentModel.updateOne(
    { _id: payment._id },
    { $set: { status: 'captured', 'refs.paymentId': paymentId, orderSettledAt: minutesAgo(10) } },
  );
  await OrderModel.updateOne(
    { publicId: order.id },
    {
      $set: {
        status: 'paid',
        paidAt: minutesAgo(10),
        paidByPayment: payment._id,
        'fulfilment.openSince': minutesAgo(10),
        'fulfilment.claimedAt': minutesAgo(10),
      },
    },
  );

  await reconcileTwice();
  const final = await OrderModel.findOne({ publicId: order.id });
  expect(final!.fulfilment?.stockDecrementedAt).toBeDefined();
  expect(final!.timeline.filter((e) => e.type === 'stock.decremented')).toHaveLength(1);
  expect((await ProductModel.findById(item._id))!.stock).toBe(3);
  expect(await emailsAbout(order.id)).toHaveLength(1);
});
