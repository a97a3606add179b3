import request from 'supertest';
import { RateLimitHitModel } from '../../src/models/rate-limit-hit.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { adminHeaders, buildTestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

const admin = (path: string) => request(stack.app).get(`/api/admin${path}`).set(adminHeaders);

async function paidOrder() {
  const item = await createProduct();
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }], {
    customer: { name: 'Ravi', email: `ravi-${item.slug}@example.com` },
  });
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  await stack.settle();
  return order;
}

describe('the browser configuration', () => {
  test('when the storefront asks for its config, then it gets gateways and the key id but no secret', async () => {
    const res = await request(stack.app).get('/api/config').expect(200);
    expect(res.body).toMatchObject({
      mode: 'sandbox',
      gateways: expect.arrayContaining([
        expect.objectContaining({
          name: 'razorpay',
          kind: 'modal',
          currencies: ['INR'],
          publicKey: stack.config.razorpay.keyId,
        }),
      ]),
    });
    const text = JSON.stringify(res.body);
    for (const secret of [
      stack.config.razorpay.keySecret,
      stack.config.razorpay.webhookSecret,
      stack.config.adminToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('admin lists', () => {
  test('when orders are listed with filters, then only matching orders come back, newest first', async () => {
    const paid = await paidOrder();
    const item = await createProduct();
    const pending = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);

    const paidList = await admin('/orders?status=paid').expect(200);
    expect(paidList.body.items.map((o: { id: string }) => o.id)).toContain(paid.id);
    expect(paidList.body.items.every((o: { status: string }) => o.status === 'paid')).toBe(true);

    const byEmail = await admin(`/orders?email=${encodeURIComponent(paid.customer.email)}`).expect(
      200,
    );
    expect(byEmail.body).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ id: paid.id })],
    });

    const all = await admin('/orders?limit=1').expect(200);
    expect(all.body).toMatchObject({
      page: 1,
      limit: 1,
      items: [expect.objectContaining({ id: pending.id })],
    });
    expect(all.body.total).toBeGreaterThanOrEqual(2);
  });

  test('when payments and webhook events are listed, then they can be filtered', async () => {
    const order = await paidOrder();
    const payments = await admin('/payments?status=captured&gateway=razorpay').expect(200);
    expect(payments.body.items.some((p: { orderId: string }) => p.orderId === order.id)).toBe(true);

    const events = await admin('/webhook-events?type=payment.captured').expect(200);
    expect(events.body.items.length).toBeGreaterThan(0);
    expect(events.body.items[0]).toMatchObject({
      gateway: 'razorpay',
      type: 'payment.captured',
      signatureValid: true,
      payload: expect.objectContaining({ entity: 'event' }),
    });
    await admin('/webhook-events?outcome=whatever').expect(400);
  });

  test('when the outbox is read, then the confirmation email is there', async () => {
    const order = await paidOrder();
    const res = await admin('/emails').expect(200);
    expect(res.body.emails.find((e: { orderId: string }) => e.orderId === order.id)).toMatchObject({
      to: order.customer.email,
      subject: expect.stringMatching(/Order confirmed/),
    });
  });
});

describe('order actions', () => {
  test('when a paid order is marked fulfilled, then it moves on; a pending one cannot', async () => {
    const order = await paidOrder();
    const res = await request(stack.app)
      .post(`/api/admin/orders/${order.id}/fulfil`)
      .set(adminHeaders)
      .expect(200);
    expect(res.body.order.status).toBe('fulfilled');
    await request(stack.app)
      .post(`/api/admin/orders/${order.id}/fulfil`)
      .set(adminHeaders)
      .expect(409);
  });

  test('when a pending order is cancelled, then it can no longer be paid', async () => {
    const item = await createProduct();
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    await request(stack.app)
      .post(`/api/admin/orders/${order.id}/cancel`)
      .set(adminHeaders)
      .expect(200);
    const res = await request(stack.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'razorpay' })
      .expect(409);
    expect(res.body.error.message).toMatch(/cancelled/);
  });
});

test('when one backend sends an email, then another on the same database lists it', async () => {
  const a = await buildTestApp();
  const b = await buildTestApp(); // its own data folder, as a second process would have
  const sent = await a.ctx.mailer.send({
    to: 'buyer@example.com',
    subject: 'Order confirmed',
    text: 'Thanks',
    html: '<p>Thanks</p>',
    orderId: 'ord_two_instances',
  });
  const res = await request(b.app).get('/api/admin/emails').set(adminHeaders).expect(200);
  expect(res.body.emails).toContainEqual(sent);
});

describe('rate limits', () => {
  test('when two backends share the database, then the limit holds across both', async () => {
    const a = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    const b = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    await RateLimitHitModel.deleteMany({});
    const item = await createProduct({ stock: 20 });
    const body = {
      items: [{ slug: item.slug, quantity: 1 }],
      customer: { name: 'A', email: 'a@example.com' },
    };
    // Ten orders at once, alternating between the two instances.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request((i % 2 ? a : b).app)
          .post('/api/orders')
          .send(body)
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  test('when one client creates orders too fast, then it gets 429 RATE_LIMITED', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    await RateLimitHitModel.deleteMany({}); // counts are shared: start from none
    const item = await createProduct();
    const body = {
      items: [{ slug: item.slug, quantity: 1 }],
      customer: { name: 'A', email: 'a@example.com' },
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await request(limited.app).post('/api/orders').send(body)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const res = await request(limited.app).post('/api/orders').send(body);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });
});
