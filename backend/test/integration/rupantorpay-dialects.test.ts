import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { DialectChange } from '@checkout-lab/sandbox';
import type { CheckoutResponse } from '@checkout-lab/contracts/dto';
import { createProduct, getOrder, placeOrder } from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

// Every wire variant RupantorPay's integrators report, spoken by the sandbox, must settle a
// payment correctly through verify (the return page), the webhook alone, and as a failure.
const sandboxLog: string[] = [];
const stack = useTestStack({
  sandbox: {
    logLevel: 'warn',
    logger: pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          sandboxLog.push(chunk.toString());
          done();
        },
      }),
    ),
  },
});

const DIALECTS: [string, DialectChange][] = [
  ['the documented dialect (status 1, camelCase return, ERROR, "100.000", trx_id)', {}],
  ["seed 000's dialect (status true, ?transaction_id=, lowercase statuses)", { preset: 'seed000' }],
  ['metadata as a JSON string', { metadata: 'string' }],
  ['a webhook spelling the id transactionId', { webhookId: 'transactionId' }],
  ['a webhook spelling the id transactionID', { webhookId: 'transactionID' }],
];

async function checkout(): Promise<{ orderId: string; paymentUrl: string; total: number }> {
  const product = await createProduct({ price: 125050, currency: 'BDT', stock: 5 });
  const order = await placeOrder(stack.app, [{ slug: product.slug, quantity: 1 }]);
  const res = await request(stack.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'rupantorpay' })
    .expect(201);
  const body = res.body as CheckoutResponse;
  if (body.checkout.kind !== 'redirect') throw new Error('expected a redirect');
  return { orderId: order.id, paymentUrl: body.checkout.url, total: order.total };
}

/** The buyer on the hosted page; returns the query the gateway appended to our return URL. */
async function hostedPage(paymentUrl: string, action: 'pay' | 'fail') {
  const res = await fetch(paymentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `action=${action}&method=bkash`,
    redirect: 'manual',
  });
  return Object.fromEntries(new URL(res.headers.get('location')!).searchParams);
}

/** The trx_id the gateway itself reports for a transaction. */
async function gatewayTrxId(transactionId: string): Promise<unknown> {
  const res = await fetch(`${stack.sandbox.rupantorpayApiBase}/payment/verify-payment`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': stack.config.rupantorpay.apiKey,
      'x-client': 'test',
    },
    body: JSON.stringify({ transaction_id: transactionId }),
  });
  return ((await res.json()) as { trx_id: unknown }).trx_id;
}

describe.each(DIALECTS)('RupantorPay speaking %s', (_label, dialect) => {
  beforeAll(() => stack.sandbox.setRupantorpayDialect({ preset: 'documented', ...dialect }));

  test('when the buyer pays and the return page passes on the query, then verify pays the order and records trx_id and the method', async () => {
    const { orderId, paymentUrl, total } = await checkout();
    const query = await hostedPage(paymentUrl, 'pay');
    expect(query.order).toBe(orderId);
    // What the return page posts: the gateway's query as it came, plus the order in the URL.
    const res = await request(stack.app).post('/api/payments/rupantorpay/return').send(query);
    expect(res.status).toBe(200);
    expect(res.body.order.status).toBe('paid');
    await stack.settle();
    const order = await getOrder(stack.app, orderId);
    const transactionId = query.transactionId ?? query.transaction_id;
    expect(order.payments).toEqual([
      expect.objectContaining({ status: 'captured', amount: total, method: 'bkash' }),
    ]);
    expect(order.payments[0]!.refs).toMatchObject({
      paymentId: transactionId,
      acquirerRef: await gatewayTrxId(transactionId!),
    });
    expect(order.payments[0]!.refs.acquirerRef).toMatch(/^[0-9A-Z]{10}$/);
    expect(order.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
  });

  test('when the buyer pays and never returns, then the webhook alone (verified with the gateway) pays the order', async () => {
    const { orderId, paymentUrl } = await checkout();
    await hostedPage(paymentUrl, 'pay');
    await stack.settle();
    const order = await getOrder(stack.app, orderId);
    expect(order.status).toBe('paid');
    expect(order.timeline.find((e) => e.type === 'payment.captured')?.source).toBe('webhook');
  });

  test('when the payment fails, then verify and the webhook mark the attempt failed and the order stays payable', async () => {
    const { orderId, paymentUrl } = await checkout();
    const query = await hostedPage(paymentUrl, 'fail');
    const res = await request(stack.app).post('/api/payments/rupantorpay/return').send(query);
    expect(res.status).toBe(200);
    await stack.settle();
    const order = await getOrder(stack.app, orderId);
    expect(order.status).toBe('pending');
    expect(order.payments.map((p) => p.status)).toEqual(['failed']);
    expect(order.payments[0]!.error?.description).toMatch(/failed or was cancelled/);
  });
});

test('when the backend calls RupantorPay, then it sends X-CLIENT, so the sandbox never warns it is missing', async () => {
  sandboxLog.length = 0;
  const { orderId, paymentUrl } = await checkout();
  const query = await hostedPage(paymentUrl, 'pay');
  await request(stack.app).post('/api/payments/rupantorpay/return').send(query).expect(200);
  await stack.settle();
  expect((await getOrder(stack.app, orderId)).status).toBe('paid');
  expect(sandboxLog.join('')).not.toMatch(/without X-CLIENT/);
  // The same log does catch a call without the header.
  await fetch(`${stack.sandbox.rupantorpayApiBase}/payment/verify-payment`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.config.rupantorpay.apiKey },
    body: JSON.stringify({ transaction_id: query.transactionId }),
  });
  expect(sandboxLog.join('')).toMatch(/without X-CLIENT/);
});
