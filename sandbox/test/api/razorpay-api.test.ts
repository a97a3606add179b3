import request from 'supertest';
import { buildApp } from '../../src/app';
import { parseConfig, sandboxDefaults, type SandboxConfig } from '../../src/config';
import { createContext, type SandboxContext } from '../../src/context';
import { basicAuth, card } from '../helpers/sandbox';

function setup(overrides: Partial<SandboxConfig> = {}): {
  ctx: SandboxContext;
  app: ReturnType<typeof buildApp>;
} {
  const ctx = createContext(
    parseConfig({ ...sandboxDefaults, webhookUrls: [], logLevel: 'silent', ...overrides }),
  );
  return { ctx, app: buildApp(ctx) };
}

const errorShape = {
  error: {
    code: expect.any(String),
    description: expect.any(String),
    source: expect.any(String),
    step: expect.any(String),
    reason: expect.any(String),
    metadata: expect.any(Object),
  },
};

describe('Razorpay REST API input handling', () => {
  const { ctx, app } = setup();
  afterAll(() => ctx.webhooks.close());
  const api = (method: 'get' | 'post', path: string) =>
    request(app)[method](`/razorpay${path}`).set('Authorization', basicAuth());

  async function paidOrder(amount = 10000): Promise<{ orderId: string; paymentId: string }> {
    const order = await api('post', '/v1/orders').send({ amount, currency: 'INR' });
    const paid = await request(app)
      .post(`/razorpay/_sandbox/orders/${order.body.id}/pay`)
      .send({ method: 'upi', vpa: 'success@razorpay' });
    return { orderId: order.body.id, paymentId: paid.body.razorpay_payment_id };
  }

  it('when no credentials are sent, then 401 "The api key provided is invalid"', async () => {
    const res = await request(app).get('/razorpay/v1/orders/order_AAAAAAAAAAAAAA');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      error: { code: 'BAD_REQUEST_ERROR', description: 'The api key provided is invalid' },
    });
  });

  it('when the key id is unknown, then 401; when the secret is wrong, then 401 "Authentication failed"', async () => {
    const badKey = await request(app)
      .get('/razorpay/v1/orders')
      .set('Authorization', basicAuth('rzp_test_other', 'x'));
    expect(badKey.status).toBe(401);
    expect(badKey.body.error.description).toBe('The api key provided is invalid');
    const badSecret = await request(app)
      .get('/razorpay/v1/orders')
      .set('Authorization', basicAuth(undefined, 'nope'));
    expect(badSecret.status).toBe(401);
    expect(badSecret.body.error.description).toBe('Authentication failed');
    const garbage = await request(app)
      .get('/razorpay/v1/orders')
      .set('Authorization', 'Bearer abc');
    expect(garbage.status).toBe(401);
  });

  it('when the body is malformed JSON, then 400 in the gateway shape', async () => {
    const res = await api('post', '/v1/orders')
      .set('Content-Type', 'application/json')
      .send('{"amount": 10');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(errorShape);
  });

  it('when the body is too large, then 413 in the gateway shape', async () => {
    const res = await api('post', '/v1/orders').send({
      amount: 1000,
      notes: { big: 'x'.repeat(200_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject(errorShape);
  });

  it.each([
    [{ currency: 'INR' }, 'The amount field is required.', 'amount'],
    [{ amount: 'abc', currency: 'INR' }, 'The amount must be an integer.', 'amount'],
    [{ amount: true, currency: 'INR' }, 'The amount must be an integer.', 'amount'],
    [{ amount: 50, currency: 'INR' }, 'The amount must be at least INR 1.00', 'amount'],
    [{ amount: 1000 }, 'The currency field is required.', 'currency'],
    [{ amount: 1000, currency: 'XYZ' }, 'The currency is invalid.', 'currency'],
    [{ amount: 1000, currency: 'INR', notes: 'text' }, 'The notes must be an array.', 'notes'],
    [
      { amount: 1000, currency: 'INR', receipt: 'r'.repeat(41) },
      'The receipt may not be greater than 40 characters.',
      'receipt',
    ],
    [
      { amount: 1000, colour: 'red' },
      'colour is/are not required and should not be sent',
      'colour',
    ],
  ])('when creating an order with %j, then 400 "%s"', async (body, description, field) => {
    const res = await api('post', '/v1/orders').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_REQUEST_ERROR',
      description,
      field,
      reason: field === 'colour' ? 'extra_field_sent' : 'input_validation_failed',
    });
  });

  it('when an order is created as a form post, then digit strings and notes[key] are accepted', async () => {
    const res = await api('post', '/v1/orders')
      .type('form')
      .send('amount=5000&currency=INR&notes[key1]=value1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ amount: 5000, notes: { key1: 'value1' } });
  });

  it('when the URL is unknown, then 400 "The requested URL was not found on the server."', async () => {
    const res = await api('get', '/v1/customers');
    expect(res.status).toBe(400);
    expect(res.body.error.description).toBe('The requested URL was not found on the server.');
  });

  it('when capturing with the wrong amount, then 400 and the payment stays authorized', async () => {
    ctx.settings.autoCapture = false;
    const { paymentId } = await paidOrder(10000);
    ctx.settings.autoCapture = true;
    const res = await api('post', `/v1/payments/${paymentId}/capture`).send({
      amount: 9999,
      currency: 'INR',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      description: 'Capture amount must be equal to the amount authorized',
      field: 'amount',
    });
    expect((await api('get', `/v1/payments/${paymentId}`)).body.status).toBe('authorized');
    const refund = await api('post', `/v1/payments/${paymentId}/refund`).send({});
    expect(refund.status).toBe(400);
    expect(refund.body.error.description).toBe(
      'The payment status should be captured for action to be taken',
    );
  });

  it('when refunding below the minimum or a refunded payment, then 400', async () => {
    const { paymentId } = await paidOrder(10000);
    expect(
      (await api('post', `/v1/payments/${paymentId}/refund`).send({ amount: 50 })).body.error
        .description,
    ).toBe('The amount must be at least INR 1.00');
    expect(
      (await api('post', `/v1/payments/${paymentId}/refund`).send({ amount: '12.5' })).body.error
        .description,
    ).toBe('The amount must be an integer.');
    await api('post', `/v1/payments/${paymentId}/refund`).send({});
    const again = await api('post', `/v1/payments/${paymentId}/refund`).send({});
    expect(again.status).toBe(400);
    expect(again.body.error.description).toBe('The payment has been fully refunded already.');
  });

  describe('public pay endpoint', () => {
    const pay = (orderId: string, body: unknown) =>
      request(app)
        .post(`/razorpay/_sandbox/orders/${orderId}/pay`)
        .send(body as object);

    it.each([
      ['a number failing Luhn', { method: 'card', card: card('4111111111111112') }, 'card[number]'],
      [
        'an expired card',
        { method: 'card', card: { ...card('4111111111111111'), expiry_year: 2001 } },
        'card[expiry_year]',
      ],
      [
        'a 2-digit CVV',
        { method: 'card', card: { ...card('4111111111111111'), cvv: '12' } },
        'card[cvv]',
      ],
      [
        'a 3-digit Amex CVV',
        { method: 'card', card: { ...card('340256000401007'), cvv: '123' } },
        'card[cvv]',
      ],
      ['no card', { method: 'card' }, 'card'],
      ['a malformed VPA', { method: 'upi', vpa: 'not a vpa' }, 'vpa'],
      ['no bank', { method: 'netbanking' }, 'bank'],
      ['an unknown method', { method: 'cash' }, 'method'],
      ['no method', {}, 'method'],
      [
        'an object as card number',
        { method: 'card', card: { ...card('4111111111111111'), number: { x: 1 } } },
        'card[number]',
      ],
      ['an unknown field', { method: 'upi', vpa: 'success@razorpay', extra: 1 }, 'extra'],
    ])('when paying with %s, then 400 and no payment is created', async (_label, body, field) => {
      const order = await api('post', '/v1/orders').send({ amount: 1000, currency: 'INR' });
      const res = await pay(order.body.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'BAD_REQUEST_ERROR',
        field,
        reason: field === 'extra' ? 'extra_field_sent' : 'input_validation_failed',
      });
      expect(ctx.store.paymentsOfOrder(order.body.id)).toHaveLength(0);
    });

    it('when the order is unknown or the key is wrong, then 400/401', async () => {
      expect(
        (await pay('order_AAAAAAAAAAAAAA', { method: 'upi', vpa: 'success@razorpay' })).body.error
          .description,
      ).toBe('The id provided does not exist');
      const order = await api('post', '/v1/orders').send({ amount: 1000, currency: 'INR' });
      const res = await pay(order.body.id, {
        method: 'upi',
        vpa: 'success@razorpay',
        key_id: 'rzp_test_wrong',
      });
      expect(res.status).toBe(401);
    });

    it('when the order is already paid, then a new payment is refused', async () => {
      const { orderId } = await paidOrder();
      const res = await pay(orderId, { method: 'upi', vpa: 'success@razorpay' });
      expect(res.status).toBe(400);
      expect(res.body.error.description).toMatch(/order is already paid/);
    });

    it('when a payment fails and the buyer retries, then both attempts count on the same order', async () => {
      const order = await api('post', '/v1/orders').send({ amount: 1000, currency: 'INR' });
      const failed = await pay(order.body.id, { method: 'upi', vpa: 'failure@razorpay' });
      expect(failed.status).toBe(400);
      expect(failed.body.error).toMatchObject({
        reason: 'payment_declined',
        metadata: { order_id: order.body.id },
      });
      const ok = await pay(order.body.id, { method: 'upi', vpa: 'success@razorpay' });
      expect(ok.status).toBe(200);
      expect((await api('get', `/v1/orders/${order.body.id}`)).body).toMatchObject({
        status: 'paid',
        attempts: 2,
      });
    });

    it('when a card is paid, then neither the full number nor the CVV is stored', async () => {
      const order = await api('post', '/v1/orders').send({ amount: 1000, currency: 'INR' });
      await pay(order.body.id, {
        method: 'card',
        card: { ...card('4100280000001007'), cvv: '987' },
      });
      const stored = JSON.stringify(ctx.store.toSnapshot());
      expect(stored).not.toContain('4100280000001007');
      expect(stored).not.toContain('987"');
    });
  });

  describe('API faults', () => {
    it('when apiErrorRate is 1, then every REST call gets 500 SERVER_ERROR and no state changes', async () => {
      const { ctx: faulty, app: faultyApp } = setup();
      faulty.settings.faults = { ...faulty.settings.faults, apiErrorRate: 1 };
      const res = await request(faultyApp)
        .post('/razorpay/v1/orders')
        .set('Authorization', basicAuth())
        .send({ amount: 1000, currency: 'INR' });
      expect(res.status).toBe(500);
      expect(res.body.error).toMatchObject({ code: 'SERVER_ERROR' });
      expect(faulty.store.orders.size).toBe(0);
      faulty.webhooks.close();
    });

    it('when apiLatencyMs is set, then responses are delayed by at least that much', async () => {
      const { ctx: slow, app: slowApp } = setup();
      slow.settings.faults = { ...slow.settings.faults, apiLatencyMs: 150 };
      const started = Date.now();
      await request(slowApp).get('/razorpay/v1/orders').set('Authorization', basicAuth());
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      slow.webhooks.close();
    });
  });
});
