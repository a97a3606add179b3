import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import type { CheckoutResponse } from '@checkout-lab/contracts/dto';
import { createProduct, getOrder, placeOrder } from '../helpers/shop';
import { adminHeaders, buildTestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

async function bdtOrder(price = 125000) {
  const scarf = await createProduct({ price, currency: 'BDT', stock: 5 });
  const order = await placeOrder(stack.app, [{ slug: scarf.slug, quantity: 1 }]);
  return { scarf, order };
}

async function startRedirect(orderId: string): Promise<string> {
  const res = await request(stack.app)
    .post(`/api/orders/${orderId}/checkout`)
    .send({ gateway: 'rupantorpay' })
    .expect(201);
  const body = res.body as CheckoutResponse;
  if (body.checkout.kind !== 'redirect') throw new Error('expected a redirect');
  return body.checkout.url;
}

/** What the buyer's browser does on the hosted page: choose, submit, follow the redirect. */
async function onHostedPage(
  paymentUrl: string,
  action: 'pay' | 'fail' | 'cancel',
  method = 'bkash',
) {
  const res = await fetch(paymentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, method }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  const back = new URL(res.headers.get('location')!);
  return { back, transactionId: back.searchParams.get('transactionId')! };
}

/** What the return page sends: the transaction id from the query, and the order from the URL. */
const verify = (transactionId: string, order: string) =>
  request(stack.app).post('/api/payments/rupantorpay/return').send({ transactionId, order });

describe('RupantorPay, the hosted-redirect gateway', () => {
  test('when the buyer pays with bKash, then the success page verify makes the order paid', async () => {
    const { scarf, order } = await bdtOrder();
    const url = await startRedirect(order.id);
    const { back, transactionId } = await onHostedPage(url, 'pay', 'bkash');
    expect(`${back.origin}${back.pathname}`).toBe(`${stack.url}/payment/success`);
    expect(back.searchParams.get('order')).toBe(order.id);

    const res = await verify(transactionId, order.id).expect(200);
    expect(res.body.order.status).toBe('paid');
    await stack.settle(); // the unsigned webhook arrives too, and only asks the gateway again

    const final = await getOrder(stack.app, order.id);
    expect(final.payments).toEqual([
      expect.objectContaining({
        gateway: 'rupantorpay',
        status: 'captured',
        method: 'bkash',
        amount: order.total,
        currency: 'BDT',
      }),
    ]);
    expect(final.payments[0]!.refs.paymentId).toBe(transactionId);
    expect(final.payments[0]!.refs.orderId).toMatch(new RegExp(`^TXN_${order.id}_\\d+$`));
    expect(final.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
    expect(final.timeline.some((e) => e.type === 'webhook.received')).toBe(true);
    expect((await ProductModel.findById(scarf._id))!.stock).toBe(4);
    expect(
      (await stack.ctx.mailer.listOutbox(1000)).filter((e) => e.orderId === order.id),
    ).toHaveLength(1);
  });

  test("when the return URL pairs one order with another order's transaction, then 400, the other order is not shown and verify changes nothing", async () => {
    const scarf = await createProduct({ price: 90000, currency: 'BDT', stock: 5 });
    const mine = await placeOrder(stack.app, [{ slug: scarf.slug, quantity: 1 }]);
    const theirs = await placeOrder(stack.app, [{ slug: scarf.slug, quantity: 1 }], {
      customer: { name: 'Eshita Other', email: 'eshita@example.com', contact: '+8801711000000' },
    });
    await startRedirect(mine.id);
    const { transactionId } = await onHostedPage(await startRedirect(theirs.id), 'pay');

    const res = await verify(transactionId, mine.id).expect(400);
    expect(res.body.error.code).toBe('RETURN_ORDER_MISMATCH');
    expect(JSON.stringify(res.body)).not.toMatch(/Eshita|eshita@example\.com|8801711000000/);
    expect(res.body.order).toBeUndefined();

    const mineStored = await OrderModel.findOne({ publicId: mine.id });
    const theirsStored = await OrderModel.findOne({ publicId: theirs.id });
    const minePayments = await PaymentModel.find({ order: mineStored!._id });
    expect(minePayments.map((p) => [p.status, p.refs?.paymentId])).toEqual([
      ['created', undefined],
    ]);
    const theirPayments = await PaymentModel.find({ order: theirsStored!._id });
    expect(theirPayments.flatMap((p) => p.timeline).filter((e) => e.source === 'verify')).toEqual(
      [],
    );
    await stack.settle();
  });

  test('when the buyer never comes back, then the webhook alone (verified with the gateway) pays the order', async () => {
    const { order } = await bdtOrder();
    await onHostedPage(await startRedirect(order.id), 'pay', 'nagad');
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.timeline.find((e) => e.type === 'payment.captured')!.source).toBe('webhook');
  });

  test('when the payment fails, then the order stays pending and can be paid on a new attempt', async () => {
    const { order } = await bdtOrder();
    const failed = await onHostedPage(await startRedirect(order.id), 'fail');
    expect(failed.back.pathname).toBe('/payment/cancel');
    expect((await verify(failed.transactionId, order.id).expect(200)).body.order.status).toBe(
      'pending',
    );

    const second = await onHostedPage(await startRedirect(order.id), 'pay', 'card');
    await verify(second.transactionId, order.id).expect(200);
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.payments.map((p) => [p.attempt, p.status])).toEqual([
      [1, 'failed'],
      [2, 'captured'],
    ]);
  });

  test('when the buyer cancels, then the attempt fails and nothing is charged', async () => {
    const { order } = await bdtOrder();
    const { back, transactionId } = await onHostedPage(await startRedirect(order.id), 'cancel');
    expect(back.pathname).toBe('/payment/cancel');
    await verify(transactionId, order.id).expect(200);
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('pending');
    expect(final.payments[0]!.status).toBe('failed');
  });

  test('when a forged webhook claims COMPLETED for an unpaid transaction, then nothing changes', async () => {
    const { order } = await bdtOrder();
    await startRedirect(order.id);
    // The attacker learned a real (still pending) transaction id, e.g. from a shared link.
    const pending = await onHostedPageWithoutSettling(order.id);
    const res = await fetch(`${stack.url}/api/webhooks/rupantorpay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_id: pending, status: 'COMPLETED', amount: '1.00' }),
    });
    expect(res.status).toBe(200);
    await stack.settle();
    const stored = await OrderModel.findOne({ publicId: order.id });
    expect(stored!.status).toBe('pending');
    expect(await PaymentModel.countDocuments({ order: stored!._id, status: 'captured' })).toBe(0);
  });

  test('when a webhook names a transaction the gateway does not know, then it is stored as unknown', async () => {
    const body = JSON.stringify({ transaction_id: 'RPTXFORGED000001', status: 'COMPLETED' });
    const res = await fetch(`${stack.url}/api/webhooks/rupantorpay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    await stack.settle();
    const stored = await WebhookEventModel.findOne({
      type: 'rupantorpay.completed',
      signatureValid: false,
    }).sort({ receivedAt: -1 });
    expect(stored).toMatchObject({ outcome: 'unknown_order' });
  });

  test('when the same webhook is delivered twice, then it is stored once', async () => {
    const { order } = await bdtOrder();
    const { transactionId } = await onHostedPage(await startRedirect(order.id), 'pay');
    await stack.settle();
    const body = JSON.stringify({ transaction_id: transactionId, status: 'COMPLETED' });
    const post = () =>
      fetch(`${stack.url}/api/webhooks/rupantorpay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.json());
    // The sandbox's own delivery may have come first: a hint is stored once per transaction
    // per window, so this one is new or a duplicate, and the next is a duplicate.
    expect(['received', 'duplicate']).toContain(((await post()) as { status: string }).status);
    expect(await post()).toEqual({ status: 'duplicate' });
    await stack.settle();
    const final = await getOrder(stack.app, order.id);
    expect(final.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
  });

  test.each([
    ['a malformed transaction id', 'x y', 400, 'VALIDATION_ERROR'],
    ['an unknown transaction id', 'RPTXUNKNOWN00001', 400, 'UNKNOWN_TRANSACTION'],
  ])('when verify gets %s (%s), then %i %s', async (_l, id, status, code) => {
    const res = await verify(id, 'ord_0000000000000000ab').expect(status);
    expect(res.body.error.code).toBe(code);
  });

  test('when the gateway cannot be reached, then checkout and verify answer 502 and nothing is half-made', async () => {
    const down = await buildTestApp({
      RUPANTORPAY_API_BASE: 'http://127.0.0.1:9/rupantorpay/api',
      GATEWAY_TIMEOUT_MS: '1000',
    });
    const { order } = await bdtOrder();
    await request(down.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'rupantorpay' })
      .expect(502);
    const stored = await OrderModel.findOne({ publicId: order.id });
    expect(stored!.attempts).toBe(0);
    expect(await PaymentModel.countDocuments({ order: stored!._id })).toBe(0);
    await request(down.app)
      .post('/api/payments/rupantorpay/return')
      .send({ transaction_id: 'RPTXANYTHING0001', order: order.id })
      .expect(502);
  });

  test('when an admin tries to refund a RupantorPay order, then 409 says to use its dashboard', async () => {
    const { order } = await bdtOrder();
    const { transactionId } = await onHostedPage(await startRedirect(order.id), 'pay');
    await verify(transactionId, order.id).expect(200);
    const res = await request(stack.app)
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(adminHeaders)
      .send({ full: true })
      .expect(409);
    expect(res.body.error).toMatchObject({
      code: 'REFUND_UNSUPPORTED',
      message: expect.stringMatching(/dashboard/),
    });
    await stack.settle();
  });
});

/** Starts a checkout and returns the transaction id the gateway made, without paying. */
async function onHostedPageWithoutSettling(orderId: string): Promise<string> {
  const url = await startRedirect(orderId);
  const page = await (await fetch(url)).text();
  const match = /RPTX[A-Z0-9]{12}/.exec(page);
  if (!match) throw new Error('the hosted page shows no transaction id');
  return match[0];
}
