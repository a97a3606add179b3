// "Webhooks confirm, the gateway decides": a signed webhook says who sent it, not what is true.
// A webhook that would capture a payment is checked against the gateway's own record first,
// and reconciliation repairs a captured payment whose order never became paid.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import {
  createProduct,
  DECLINED_CARD,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
  emailsAbout as emailsAboutOrder,
} from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';
import { postWebhook, sandboxSdk, signedWebhook } from '../helpers/webhooks';

const stack = useTestStack();
beforeAll(() => stack.sandbox.setWebhookUrls([]));

const secret = () => stack.config.razorpay.webhookSecret;
const emailsAbout = (id: string) => emailsAboutOrder(stack.ctx.mailer, id);

async function checkedOut(stock = 5) {
  const item = await createProduct({ stock });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  return { item, order, razorpayOrderId: gatewayOrderId(checkout) };
}

test('when a signed payment.captured names a payment the gateway never captured, then the order stays pending, with no stock taken and no email', async () => {
  const { item, order, razorpayOrderId } = await checkedOut();
  const stockAfterCheckout = (await ProductModel.findById(item._id))!.stock;
  // A signer who knows the webhook secret (the published sandbox one, say) invents a capture.
  const invented = {
    id: 'pay_Invented0000001',
    entity: 'payment',
    amount: order.total,
    currency: 'INR',
    status: 'captured',
    order_id: razorpayOrderId,
    method: 'card',
    amount_refunded: 0,
    captured: true,
    created_at: Math.floor(Date.now() / 1000),
  };
  const hook = signedWebhook('payment.captured', { payment: invented }, secret());
  expect((await postWebhook(stack.webhookUrl, hook)).status).toBe(200);
  await stack.settle();

  expect((await getOrder(stack.app, order.id)).status).toBe('pending');
  expect((await ProductModel.findById(item._id))!.stock).toBe(stockAfterCheckout);
  expect(await emailsAbout(order.id)).toHaveLength(0);
  const gatewayOrder = await sandboxSdk(stack).orders.fetch(razorpayOrderId);
  expect(gatewayOrder).toMatchObject({ status: 'created', amount_paid: 0 });
  const event = await WebhookEventModel.findOne({ eventId: hook.headers['x-razorpay-event-id'] });
  expect(event!.outcome).toBe('unknown_order');
});

test('when a signed payment.captured is sent for a payment that failed at the gateway, then the payment ends failed and the order pending', async () => {
  const { order, razorpayOrderId } = await checkedOut();
  await payInSandbox(stack.sandbox, razorpayOrderId, { method: 'card', card: DECLINED_CARD });
  const [failed] = (await sandboxSdk(stack).orders.fetchPayments(razorpayOrderId)).items;
  const hook = signedWebhook(
    'payment.captured',
    { payment: { ...failed, status: 'captured', captured: true } },
    secret(),
  );
  await postWebhook(stack.webhookUrl, hook);
  await stack.settle();

  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('pending');
  expect(final.payments.map((p) => p.status)).toEqual(['failed']);
  expect(await emailsAbout(order.id)).toHaveLength(0);
});

test('when a genuine capture webhook arrives, then it is confirmed with the gateway and pays the order once', async () => {
  const { item, order, razorpayOrderId } = await checkedOut();
  const paid = await payInSandbox(stack.sandbox, razorpayOrderId);
  const payment = await sandboxSdk(stack).payments.fetch(paid.body.razorpay_payment_id);
  await postWebhook(stack.webhookUrl, signedWebhook('payment.captured', { payment }, secret()));
  await stack.settle();
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect((await ProductModel.findById(item._id))!.stock).toBe(4);
  expect(await emailsAbout(order.id)).toHaveLength(1);
});

test('when a payment is captured but its order is still pending (a crash in between), then reconciliation pays and fulfils the order once', async () => {
  const { item, order, razorpayOrderId } = await checkedOut();
  const paid = await payInSandbox(stack.sandbox, razorpayOrderId);
  // What a SIGKILL right after the payment's transition leaves: captured (the transition marks
  // it settlePending in the same update), order untouched.
  await PaymentModel.updateOne(
    { 'refs.orderId': razorpayOrderId },
    {
      $set: {
        status: 'captured',
        settlePending: true,
        'refs.paymentId': paid.body.razorpay_payment_id,
      },
    },
  );
  expect((await OrderModel.findOne({ publicId: order.id }))!.status).toBe('pending');

  for (let run = 0; run < 2; run++) {
    await request(stack.app)
      .post('/api/admin/reconcile')
      .set(adminHeaders)
      .send({ olderThanSeconds: 0 })
      .expect(200);
  }
  const final = await getOrder(stack.app, order.id);
  expect(final.status).toBe('paid');
  expect(final.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
  expect((await ProductModel.findById(item._id))!.stock).toBe(4);
  expect(await emailsAbout(order.id)).toHaveLength(1);
});
