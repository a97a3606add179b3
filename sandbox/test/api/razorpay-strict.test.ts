import request from 'supertest';
import { buildApp } from '../../src/app';
import { parseConfig, sandboxDefaults } from '../../src/config';
import { createContext } from '../../src/context';
import { basicAuth, card } from '../helpers/sandbox';

// Where Razorpay is strict, the sandbox is too: code that passes here must not fail live.
describe('Razorpay sandbox, as strict as Razorpay', () => {
  const ctx = createContext(
    parseConfig({ ...sandboxDefaults, webhookUrls: [], logLevel: 'silent' }),
  );
  const app = buildApp(ctx);
  afterAll(() => ctx.webhooks.close());
  afterEach(() => {
    ctx.settings.autoCapture = true;
    ctx.settings.faults = { ...ctx.settings.faults, dropFirstPaymentFailed: 0 };
  });

  const api = (method: 'get' | 'post' | 'patch', path: string) =>
    request(app)[method](`/razorpay${path}`).set('Authorization', basicAuth());
  const newOrder = async (extra: Record<string, unknown> = {}) =>
    (await api('post', '/v1/orders').send({ amount: 10000, currency: 'INR', ...extra })).body as {
      id: string;
    };
  const pay = (orderId: string, body: Record<string, unknown>) =>
    request(app).post(`/razorpay/_sandbox/orders/${orderId}/pay`).send(body);

  it('when an order already has an authorized payment, then a second payment is refused and nothing is created', async () => {
    ctx.settings.autoCapture = false;
    const order = await newOrder();
    const first = await pay(order.id, { method: 'upi', vpa: 'success@razorpay' });
    expect(first.status).toBe(200);
    const second = await pay(order.id, { method: 'netbanking', bank: 'HDFC' });
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({
      code: 'BAD_REQUEST_ERROR',
      description: expect.stringMatching(/already has an authorized payment/),
    });
    expect(ctx.store.paymentsOfOrder(order.id).map((p) => p.status)).toEqual(['authorized']);
    expect(ctx.store.orders.get(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });

    const captured = await api(
      'post',
      `/v1/payments/${first.body.razorpay_payment_id}/capture`,
    ).send({ amount: 10000, currency: 'INR' });
    expect(captured.body.status).toBe('captured');
    const third = await pay(order.id, { method: 'upi', vpa: 'success@razorpay' });
    expect(third.body.error.description).toMatch(/order is already paid/);
  });

  it('when capture omits the currency, then 400 "The currency field is required." and the payment stays authorized', async () => {
    ctx.settings.autoCapture = false;
    const order = await newOrder();
    const { body } = await pay(order.id, { method: 'upi', vpa: 'success@razorpay' });
    const res = await api('post', `/v1/payments/${body.razorpay_payment_id}/capture`).send({
      amount: 10000,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      description: 'The currency field is required.',
      field: 'currency',
    });
    expect(ctx.store.payments.get(body.razorpay_payment_id)?.status).toBe('authorized');
  });

  describe('list filters', () => {
    it('when orders are listed by receipt, authorized, from and to, then only the matching ones come back', async () => {
      const paid = await newOrder({ receipt: 'rcpt-filter-paid' });
      await pay(paid.id, { method: 'upi', vpa: 'success@razorpay' });
      const failed = await newOrder({ receipt: 'rcpt-filter-failed' });
      await pay(failed.id, { method: 'upi', vpa: 'failure@razorpay' });
      const old = await newOrder({ receipt: 'rcpt-filter-old' });
      ctx.store.saveOrder({ ...ctx.store.orders.get(old.id)!, created_at: 1_000_000 });

      const ids = async (query: string) =>
        ((await api('get', `/v1/orders?count=100&${query}`)).body.items as { id: string }[]).map(
          (o) => o.id,
        );
      expect(await ids('receipt=rcpt-filter-failed')).toEqual([failed.id]);
      expect(await ids('receipt=nope')).toEqual([]);
      const authorized = await ids('authorized=1');
      expect(authorized).toContain(paid.id);
      expect(authorized).not.toContain(failed.id);
      expect(await ids('authorized=0')).toEqual(expect.arrayContaining([failed.id, old.id]));
      expect(await ids('authorized=0')).not.toContain(paid.id);
      expect(await ids('from=0&to=1000000')).toEqual([old.id]);
      expect(await ids('from=1000001')).not.toContain(old.id);
      const bad = await api('get', '/v1/orders?from=yesterday');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({
        description: 'The from must be an integer.',
        field: 'from',
      });
    });

    it('when orders are listed with expand[]=payments, then each carries its payments (cards only with payments.card)', async () => {
      const order = await newOrder({ receipt: 'rcpt-expand' });
      await pay(order.id, { method: 'card', card: card('4100280000001007') });
      const plain = await api('get', '/v1/orders?receipt=rcpt-expand');
      expect(plain.body.items[0]).not.toHaveProperty('payments');
      const expanded = await api('get', '/v1/orders?receipt=rcpt-expand&expand[]=payments');
      expect(expanded.body.items[0].payments).toMatchObject({ entity: 'collection', count: 1 });
      expect(expanded.body.items[0].payments.items[0]).not.toHaveProperty('card');
      const cards = await api('get', '/v1/orders?receipt=rcpt-expand&expand[]=payments.card');
      expect(cards.body.items[0].payments.items[0].card).toMatchObject({ last4: '1007' });
    });

    it('when payments and refunds are listed with from and to, then only that window comes back', async () => {
      const order = await newOrder();
      const { body } = await pay(order.id, { method: 'upi', vpa: 'success@razorpay' });
      const paymentId = body.razorpay_payment_id as string;
      const refund = await api('post', `/v1/payments/${paymentId}/refund`).send({});
      ctx.store.savePayment({ ...ctx.store.payments.get(paymentId)!, created_at: 2_000_000 });
      ctx.store.saveRefund({ ...ctx.store.refunds.get(refund.body.id)!, created_at: 2_000_000 });
      const window = 'from=1999999&to=2000001';
      const payments = await api('get', `/v1/payments?${window}`);
      expect(payments.body.items.map((p: { id: string }) => p.id)).toEqual([paymentId]);
      const refunds = await api('get', `/v1/refunds?${window}`);
      expect(refunds.body.items.map((r: { id: string }) => r.id)).toEqual([refund.body.id]);
      const ofPayment = await api('get', `/v1/payments/${paymentId}/refunds?from=2000002`);
      expect(ofPayment.body.count).toBe(0);
    });
  });

  describe('PATCH notes', () => {
    it('when an order or a payment gets new notes, then they replace the old ones; other fields are refused', async () => {
      const order = await newOrder({ notes: { a: '1' } });
      const updated = await api('patch', `/v1/orders/${order.id}`).send({ notes: { b: '2' } });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: order.id, notes: { b: '2' } });
      expect(updated.body.notes).not.toHaveProperty('a');
      const amount = await api('patch', `/v1/orders/${order.id}`).send({ amount: 1, notes: {} });
      expect(amount.body.error.description).toBe(
        'amount is/are not required and should not be sent',
      );
      const missing = await api('patch', `/v1/orders/${order.id}`).send({});
      expect(missing.body.error).toMatchObject({
        description: 'The notes field is required.',
        field: 'notes',
      });

      const { body } = await pay(order.id, { method: 'upi', vpa: 'success@razorpay' });
      const payment = await api('patch', `/v1/payments/${body.razorpay_payment_id}`).send({
        notes: { reason: 'gift' },
      });
      expect(payment.body).toMatchObject({ entity: 'payment', notes: { reason: 'gift' } });
      expect(ctx.store.payments.get(body.razorpay_payment_id)?.notes).toEqual({ reason: 'gift' });
    });
  });

  it('when payments are made by each method, then only UPI ones carry upi, only card ones card iin and token_id, and all carry base_amount and amount_transferred', async () => {
    const methods = [
      { method: 'upi', vpa: 'success@razorpay' },
      { method: 'card', card: card('6527658900001005') },
      { method: 'netbanking', bank: 'SBIN' },
      { method: 'wallet', wallet: 'paytm' },
    ];
    for (const body of methods) {
      const order = await newOrder();
      const paid = await pay(order.id, body);
      const res = await api('get', `/v1/payments/${paid.body.razorpay_payment_id}?expand[]=card`);
      expect(res.body).toMatchObject({ base_amount: 10000, amount_transferred: 0 });
      expect('upi' in res.body).toBe(body.method === 'upi');
      expect('token_id' in res.body).toBe(body.method === 'card');
      if (body.method === 'card')
        expect(res.body.card).toMatchObject({ iin: '652765', last4: '1005' });
    }
  });

  it('when dropFirstPaymentFailed is on, then a first failed attempt raises no payment.failed, and a later one does', async () => {
    ctx.settings.faults = { ...ctx.settings.faults, dropFirstPaymentFailed: 1 };
    const order = await newOrder();
    const eventsFor = () =>
      [...ctx.store.events.values()].filter((e) => e.body.includes(order.id)).map((e) => e.type);
    const first = await pay(order.id, { method: 'upi', vpa: 'failure@razorpay' });
    expect(first.status).toBe(400);
    expect(ctx.store.paymentsOfOrder(order.id).map((p) => p.status)).toEqual(['failed']);
    expect(eventsFor()).toEqual([]);
    await pay(order.id, { method: 'upi', vpa: 'failure@razorpay' });
    expect(eventsFor()).toEqual(['payment.failed']);
  });
});
