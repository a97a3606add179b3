import Razorpay from 'razorpay';
import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import type { RunningSandbox } from '../../src/index';
import {
  KEY_SECRET,
  WEBHOOK_SECRET,
  card,
  pay,
  sdkFor,
  startTestSandbox,
} from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

// The official `razorpay` SDK, unchanged apart from its base URL, must work against the sandbox.
describe('official razorpay SDK against the sandbox', () => {
  let sandbox: RunningSandbox;
  let rzp: Razorpay;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    rzp = sdkFor(sandbox);
  });
  afterAll(() => sandbox.close());

  const newOrder = (amount = 50000) =>
    rzp.orders.create({
      amount,
      currency: 'INR',
      receipt: `rcpt_${Date.now()}`,
      notes: { our_order: 'ord_1' },
    });

  it('when an order is created and fetched, then it has the documented shape', async () => {
    const order = await newOrder();
    expect(order).toMatchObject({
      entity: 'order',
      amount: 50000,
      amount_paid: 0,
      amount_due: 50000,
      currency: 'INR',
      status: 'created',
      attempts: 0,
      notes: { our_order: 'ord_1' },
    });
    expect(order.id).toMatch(/^order_[0-9A-Za-z]{14}$/);
    expect(await rzp.orders.fetch(order.id)).toEqual(order);
  });

  it('when the order is paid through the public pay endpoint, then the SDK verifies the handler signature', async () => {
    const order = await newOrder();
    const { status, body } = await pay(sandbox, order.id, {
      method: 'card',
      card: card('6527658900001005'),
    });
    expect(status).toBe(200);
    expect(body.razorpay_order_id).toBe(order.id);
    expect(
      validatePaymentVerification(
        { order_id: order.id, payment_id: String(body.razorpay_payment_id) },
        String(body.razorpay_signature),
        KEY_SECRET,
      ),
    ).toBe(true);

    const payment = await rzp.payments.fetch(String(body.razorpay_payment_id));
    expect(payment).toMatchObject({
      entity: 'payment',
      status: 'captured',
      captured: true,
      method: 'card',
      amount: 50000,
      order_id: order.id,
    });
    const withCard = await rzp.payments.fetch(payment.id, { 'expand[]': 'card' });
    expect(withCard.card).toMatchObject({ last4: '1005', network: 'RuPay' });
    expect(await rzp.orders.fetch(order.id)).toMatchObject({
      status: 'paid',
      amount_paid: 50000,
      amount_due: 0,
      attempts: 1,
    });
    const list = await rzp.orders.fetchPayments(order.id);
    expect(list).toMatchObject({ entity: 'collection', count: 1 });
  });

  it('when auto-capture is off, then the SDK captures the authorized payment', async () => {
    sandbox.setAutoCapture(false);
    try {
      const order = await newOrder(25000);
      const { body } = await pay(sandbox, order.id, { method: 'upi', vpa: 'success@razorpay' });
      const id = String(body.razorpay_payment_id);
      expect(await rzp.payments.fetch(id)).toMatchObject({
        status: 'authorized',
        captured: false,
        vpa: 'success@razorpay',
      });
      expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: 'attempted' });
      const captured = await rzp.payments.capture(id, 25000, 'INR');
      expect(captured).toMatchObject({ status: 'captured', captured: true });
      expect(await rzp.orders.fetch(order.id)).toMatchObject({
        status: 'paid',
        amount_paid: 25000,
      });
      await expect(rzp.payments.capture(id, 25000, 'INR')).rejects.toMatchObject({
        statusCode: 400,
        error: { code: 'BAD_REQUEST_ERROR', description: 'This payment has already been captured' },
      });
    } finally {
      sandbox.setAutoCapture(true);
    }
  });

  it('when a captured payment is refunded in parts, then statuses and amounts follow, and over-refunds fail', async () => {
    const order = await newOrder(30000);
    const { body } = await pay(sandbox, order.id, {
      method: 'netbanking',
      bank: 'HDFC',
      outcome: 'success',
    });
    const id = String(body.razorpay_payment_id);
    const first = await rzp.payments.refund(id, { amount: 10000, notes: { reason: 'damaged' } });
    expect(first).toMatchObject({
      entity: 'refund',
      amount: 10000,
      payment_id: id,
      status: 'processed',
    });
    expect(first.id).toMatch(/^rfnd_[0-9A-Za-z]{14}$/);
    expect(await rzp.payments.fetch(id)).toMatchObject({
      status: 'captured',
      amount_refunded: 10000,
      refund_status: 'partial',
    });
    await expect(rzp.payments.refund(id, { amount: 25000 })).rejects.toMatchObject({
      statusCode: 400,
      error: {
        description: 'The refund amount provided is greater than amount captured',
        field: 'amount',
      },
    });
    await rzp.payments.refund(id, {});
    expect(await rzp.payments.fetch(id)).toMatchObject({
      status: 'refunded',
      amount_refunded: 30000,
      refund_status: 'full',
    });
    expect(await rzp.refunds.fetch(first.id)).toEqual(first);
    expect(await rzp.payments.fetchMultipleRefund(id)).toMatchObject({
      entity: 'collection',
      count: 2,
    });
    expect(await rzp.payments.fetchRefund(id, first.id)).toEqual(first);
  });

  it('when a failure card is used, then the payment is failed with the documented reason', async () => {
    const order = await newOrder();
    const { status, body } = await pay(sandbox, order.id, {
      method: 'card',
      card: card('4100280000080001'),
    });
    expect(status).toBe(400);
    const error = body.error as Record<string, unknown> & { metadata: { payment_id: string } };
    expect(error).toMatchObject({
      code: 'BAD_REQUEST_ERROR',
      reason: 'insufficient_funds',
      metadata: { order_id: order.id },
    });
    const payment = await rzp.payments.fetch(error.metadata.payment_id);
    expect(payment).toMatchObject({
      status: 'failed',
      error_reason: 'insufficient_funds',
      error_code: 'BAD_REQUEST_ERROR',
    });
    await expect(rzp.payments.capture(payment.id, 50000, 'INR')).rejects.toMatchObject({
      statusCode: 400,
      error: {
        description:
          'Only payments which have been authorized and not yet captured can be captured',
      },
    });
  });

  it('when ids are unknown or malformed, then the SDK rejects with Razorpay errors', async () => {
    await expect(rzp.orders.fetch('order_AAAAAAAAAAAAAA')).rejects.toMatchObject({
      statusCode: 400,
      error: { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist' },
    });
    await expect(rzp.payments.fetch('nope')).rejects.toMatchObject({
      statusCode: 400,
      error: { description: 'nope is not a valid id' },
    });
  });

  it('when amounts are invalid, then order creation fails like the real API', async () => {
    await expect(rzp.orders.create({ amount: 99, currency: 'INR' })).rejects.toMatchObject({
      statusCode: 400,
      error: { description: 'The amount must be at least INR 1.00', field: 'amount' },
    });
    await expect(rzp.orders.create({ amount: 100.5, currency: 'INR' })).rejects.toMatchObject({
      statusCode: 400,
      error: { description: 'The amount must be an integer.', field: 'amount' },
    });
  });

  it('when the SDK lists orders by receipt with payments expanded and edits notes, then the sandbox honours each', async () => {
    const receipt = `rcpt_sdk_${Date.now()}`;
    const order = await rzp.orders.create({ amount: 20000, currency: 'INR', receipt });
    const { body } = await pay(sandbox, order.id, { method: 'upi', vpa: 'success@razorpay' });
    const list = await rzp.orders.all({ receipt, 'expand[]': 'payments' });
    expect(list.items.map((o) => o.id)).toEqual([order.id]);
    expect((list.items[0] as unknown as { payments: { count: number } }).payments.count).toBe(1);
    expect((await rzp.orders.all({ receipt: 'nothing-has-this' })).count).toBe(0);
    expect(await rzp.orders.edit(order.id, { notes: { packed: 'yes' } })).toMatchObject({
      notes: { packed: 'yes' },
    });
    expect(
      await rzp.payments.edit(String(body.razorpay_payment_id), { notes: { gift: 'no' } }),
    ).toMatchObject({ notes: { gift: 'no' } });
  });

  it('when the secret is wrong, then the SDK gets a 401', async () => {
    const bad = new Razorpay({ key_id: 'rzp_test_sandbox0000001', key_secret: 'wrong' });
    (bad as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL =
      sandbox.razorpayApiBase;
    await expect(bad.orders.create({ amount: 1000, currency: 'INR' })).rejects.toMatchObject({
      statusCode: 401,
      error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' },
    });
  });

  describe('webhooks', () => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(() => receiver.close());

    it('when a payment is captured, then validateWebhookSignature accepts every delivery', async () => {
      sandbox.setWebhookUrls([receiver.url]);
      try {
        const order = await newOrder();
        await pay(sandbox, order.id, { method: 'wallet', wallet: 'paytm' });
        await sandbox.idle();
        const events = receiver.received.filter((w) => JSON.stringify(w.json).includes(order.id));
        expect(events.map((e) => e.json.event)).toEqual([
          'payment.authorized',
          'payment.captured',
          'order.paid',
        ]);
        for (const e of events) {
          expect(
            Razorpay.validateWebhookSignature(
              e.rawBody,
              String(e.headers['x-razorpay-signature']),
              WEBHOOK_SECRET,
            ),
          ).toBe(true);
        }
      } finally {
        sandbox.setWebhookUrls([]);
      }
    });
  });
});
