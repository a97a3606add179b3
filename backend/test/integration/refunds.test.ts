import request from 'supertest';
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
import { sandboxSdk } from '../helpers/webhooks';

const stack = useTestStack();

async function paidOrder(price = 100000) {
  const item = await createProduct({ price });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  await stack.settle();
  return { order: await getOrder(stack.app, order.id), paymentId: paid.body.razorpay_payment_id };
}

const refund = (orderId: string, body?: object) =>
  request(stack.app).post(`/api/admin/orders/${orderId}/refund`).set(adminHeaders).send(body);

test('when an admin refunds in full, then the gateway refunds it and payment and order end refunded', async () => {
  const { order, paymentId } = await paidOrder();
  const res = await refund(order.id, { full: true }).expect(200);
  await stack.settle();
  const final = await getOrder(stack.app, order.id);
  expect(final).toMatchObject({ status: 'refunded', amountRefunded: order.total });
  expect(final.payments[0]).toMatchObject({
    status: 'refunded',
    refundStatus: 'full',
    amountRefunded: order.total,
  });
  expect(final.payments[0]!.refunds).toEqual([
    expect.objectContaining({ amount: order.total, status: 'processed' }),
  ]);
  expect(res.body.order.status).toBe('refunded');

  const gateway = await sandboxSdk(stack).payments.fetch(paymentId);
  expect(gateway.amount_refunded).toBe(order.total);
  const types = final.timeline.map((e) => e.type);
  expect(types).toEqual(
    expect.arrayContaining([
      'refund.created',
      'refund.processed',
      'payment.refunded_full',
      'order.refunded',
    ]),
  );
  expect(
    final.timeline.some((e) => e.type === 'webhook.received' && /refund\./.test(e.message)),
  ).toBe(true);
});

test('when an admin refunds part, then the order stays paid and the rest can be refunded later', async () => {
  const { order } = await paidOrder();
  await refund(order.id, { amount: 25000, reason: 'one item arrived damaged' }).expect(200);
  await stack.settle();
  let current = await getOrder(stack.app, order.id);
  expect(current).toMatchObject({ status: 'paid', amountRefunded: 25000 });
  expect(current.payments[0]).toMatchObject({
    status: 'refunded',
    refundStatus: 'partial',
    amountRefunded: 25000,
  });
  expect(current.timeline.some((e) => e.message.includes('one item arrived damaged'))).toBe(true);

  await refund(order.id, { full: true }).expect(200);
  await stack.settle();
  current = await getOrder(stack.app, order.id);
  expect(current).toMatchObject({ status: 'refunded', amountRefunded: order.total });
  expect(current.payments[0]!.refunds).toHaveLength(2);
});

test('when more than what is left is refunded, then 400 and nothing is refunded', async () => {
  const { order, paymentId } = await paidOrder();
  await refund(order.id, { amount: order.total - 100 }).expect(200);
  const res = await refund(order.id, { amount: 200 }).expect(400);
  expect(res.body.error.code).toBe('REFUND_TOO_LARGE');
  expect((await sandboxSdk(stack).payments.fetch(paymentId)).amount_refunded).toBe(
    order.total - 100,
  );
});

test('when everything was refunded, then another refund is refused', async () => {
  const { order } = await paidOrder();
  await refund(order.id, { full: true }).expect(200);
  await stack.settle();
  const res = await refund(order.id, { full: true }).expect(409);
  expect(res.body.error.code).toBe('ORDER_NOT_REFUNDABLE');
});

test('when the order is not paid, then a refund is refused with 409', async () => {
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const res = await refund(order.id, { full: true }).expect(409);
  expect(res.body.error.code).toBe('ORDER_NOT_REFUNDABLE');
});

test.each([
  ['a zero amount', { amount: 0 }],
  ['a fractional amount', { amount: 10.5 }],
  ['an unknown field', { amount: 100, currency: 'USD' }],
])('when the refund has %s, then 400', async (_l, body) => {
  const { order } = await paidOrder();
  await refund(order.id, body).expect(400);
  expect((await getOrder(stack.app, order.id)).amountRefunded).toBe(0);
});

test('when a refund is made in the gateway dashboard, then its webhooks update the order', async () => {
  const { order, paymentId } = await paidOrder();
  await sandboxSdk(stack).payments.refund(paymentId, { amount: 30000 });
  await stack.settle();
  const current = await getOrder(stack.app, order.id);
  expect(current).toMatchObject({ status: 'paid', amountRefunded: 30000 });
  expect(current.timeline.find((e) => e.type === 'refund.processed')!.source).toBe('webhook');
});
