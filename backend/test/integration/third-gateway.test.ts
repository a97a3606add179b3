// The gateway interface's own test: "TestPay", a gateway that exists only in this file (its own
// ids, its own return parameters, webhooks signed with its own header), goes through checkout,
// return, webhook and reconciliation with nothing changed outside gateways/ and the registry.
// Its "servers" are an in-memory ledger, so the test can say what the gateway knows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GatewayInfo } from '@checkout-lab/contracts/dto';
import request from 'supertest';
import { z } from 'zod';
import { GatewayError } from '../../src/errors';
import {
  PaymentReturnError,
  WebhookSignatureError,
  type CheckoutStart,
  type GatewayPayment,
  type PaymentGateway,
  type PaymentReturn,
  type StartCheckoutInput,
  type WebhookHeaders,
} from '../../src/gateways/gateway';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { adminHeaders } from '../helpers/test-app';
import { buyer, createProduct, getOrder, placeOrder } from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

const SECRET = 'testpay_webhook_secret';

interface Session {
  id: string;
  amount: number;
  currency: string;
  payment?: { id: string; status: 'paid' | 'declined' };
}

class TestPayGateway implements PaymentGateway {
  readonly name = 'testpay';
  readonly label = 'TestPay';
  readonly currencies = ['INR'] as const;
  readonly kind = 'redirect';
  readonly supportsRefunds = false;
  readonly webhookHeaders = ['x-testpay-signature'];
  readonly browserOrigins = ['https://pay.testpay.invalid'];
  readonly returnSchema = z.object({ tp_session: z.string(), tp_payment: z.string() });
  readonly sessions = new Map<string, Session>();

  publicInfo(): GatewayInfo {
    return {
      name: this.name,
      label: this.label,
      description: 'TestPay, a gateway of this test file',
      kind: this.kind,
      currencies: ['INR'],
    };
  }

  async startCheckout(input: StartCheckoutInput): Promise<CheckoutStart> {
    const id = `tps_${randomBytes(6).toString('hex')}`;
    this.sessions.set(id, { id, amount: input.amount, currency: input.currency });
    return { kind: 'redirect', refs: { orderId: id }, url: `https://pay.testpay.invalid/${id}` };
  }

  /** What the buyer does on TestPay's hosted page. */
  pay(sessionId: string, outcome: 'paid' | 'declined' = 'paid'): string {
    const session = this.sessions.get(sessionId)!;
    session.payment = { id: `tpp_${randomBytes(6).toString('hex')}`, status: outcome };
    return session.payment.id;
  }

  parseReturn(params: Record<string, string>): PaymentReturn {
    if (!params.tp_session || !params.tp_payment) {
      throw new PaymentReturnError('INVALID_RETURN', 'tp_session and tp_payment are required');
    }
    return { orderRef: params.tp_session, paymentRef: params.tp_payment, params };
  }

  async confirmReturn(ret: PaymentReturn) {
    return { payment: await this.fetchPayment(ret.paymentRef), signed: false };
  }

  parseWebhook(rawBody: Buffer, headers: WebhookHeaders) {
    const expected = createHmac('sha256', SECRET).update(rawBody).digest();
    const given = Buffer.from(headers['x-testpay-signature'] ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new WebhookSignatureError('X-TestPay-Signature does not match the body');
    }
    const event = JSON.parse(rawBody.toString('utf8')) as { id: string; payment: string };
    const payment = this.find(event.payment);
    return {
      eventId: event.id,
      type: 'testpay.payment',
      kind: 'payment.captured' as const,
      refs: { orderId: payment?.orderId, paymentId: event.payment },
      payment,
      payload: event,
    };
  }

  private find(paymentId: string): GatewayPayment | undefined {
    for (const s of this.sessions.values()) {
      if (s.payment?.id !== paymentId) continue;
      return {
        paymentId,
        orderId: s.id,
        status: s.payment.status === 'paid' ? 'captured' : 'failed',
        amount: s.amount,
        currency: s.currency,
        amountRefunded: 0,
        raw: s,
      };
    }
    return undefined;
  }

  async fetchPayment(paymentId: string) {
    const payment = this.find(paymentId);
    if (!payment) throw new GatewayError('testpay', 'rejected', 'no such payment', { status: 404 });
    return payment;
  }

  async fetchAttemptPayments(refs: { orderId: string }) {
    const id = this.sessions.get(refs.orderId)?.payment?.id;
    return id ? [await this.fetchPayment(id)] : [];
  }

  capture(): Promise<GatewayPayment> {
    return Promise.reject(new GatewayError('testpay', 'rejected', 'no capture step'));
  }

  async fetchRefunds() {
    return [];
  }

  refund(): Promise<never> {
    return Promise.reject(new GatewayError('testpay', 'rejected', 'no refunds'));
  }
}

const testpay = new TestPayGateway();
const stack = useTestStack({ gateways: () => [testpay] });

async function checkoutWithTestpay(): Promise<{ orderId: string; session: string }> {
  const product = await createProduct({ price: 49900 });
  const order = await placeOrder(stack.app, [{ slug: product.slug, quantity: 1 }]);
  const res = await request(stack.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'testpay' })
    .expect(201);
  expect(res.body.checkout).toEqual({ kind: 'redirect', url: expect.stringMatching(/testpay/) });
  return { orderId: order.id, session: res.body.checkout.url.split('/').pop() };
}

function signed(body: object) {
  const raw = JSON.stringify(body);
  return { raw, signature: createHmac('sha256', SECRET).update(raw).digest('hex') };
}

test('when the browser asks for its config, then TestPay is listed by what it chose to show', async () => {
  const res = await request(stack.app).get('/api/config').expect(200);
  expect(res.body.gateways).toContainEqual({
    name: 'testpay',
    label: 'TestPay',
    description: 'TestPay, a gateway of this test file',
    kind: 'redirect',
    currencies: ['INR'],
  });
});

test('when a TestPay buyer returns to the shop, then the return route asks TestPay and the order is paid', async () => {
  const { orderId, session } = await checkoutWithTestpay();
  const paymentId = testpay.pay(session);
  const res = await request(stack.app)
    .post('/api/payments/testpay/return')
    .send({ order: orderId, tp_session: session, tp_payment: paymentId })
    .expect(200);
  expect(res.body.order.status).toBe('paid');
  expect(res.body.order.timeline.map((e: { type: string }) => e.type)).toContain(
    'gateway.verified',
  );
  await stack.settle();
  expect((await getOrder(stack.app, orderId)).customer.email).toBe(buyer.email);
});

test('when a return names another order, then TestPay is asked but nothing is settled', async () => {
  const { session } = await checkoutWithTestpay();
  const other = await checkoutWithTestpay();
  const paymentId = testpay.pay(session);
  const res = await request(stack.app)
    .post('/api/payments/testpay/return')
    .send({ order: other.orderId, tp_session: session, tp_payment: paymentId })
    .expect(400);
  expect(res.body.error.code).toBe('RETURN_ORDER_MISMATCH');
  expect((await getOrder(stack.app, other.orderId)).status).toBe('pending');
});

test('when TestPay signs a webhook with its own header, then it is verified, stored with that header and applied', async () => {
  const { orderId, session } = await checkoutWithTestpay();
  const payment = testpay.pay(session);
  const eventId = `tpe_${randomBytes(6).toString('hex')}`;
  const { raw, signature } = signed({ id: eventId, payment });

  const forged = await request(stack.app)
    .post('/api/webhooks/testpay')
    .set('content-type', 'application/json')
    .set('x-testpay-signature', '00'.repeat(32))
    .send(raw);
  expect(forged.status).toBe(400);
  await stack.settle();
  expect((await getOrder(stack.app, orderId)).status).toBe('pending');

  await request(stack.app)
    .post('/api/webhooks/testpay')
    .set('content-type', 'application/json')
    .set('x-testpay-signature', signature)
    .set('x-unrelated-header', 'not kept')
    .send(raw)
    .expect(200);
  await stack.settle();
  expect((await getOrder(stack.app, orderId)).status).toBe('paid');
  const stored = await WebhookEventModel.findOne({ gateway: 'testpay', eventId });
  expect(stored?.headers).toEqual({ 'x-testpay-signature': signature });
  expect(stored?.outcome).toBe('applied');
});

test('when a TestPay buyer paid and neither the return nor a webhook came, then reconciliation settles it', async () => {
  const { orderId, session } = await checkoutWithTestpay();
  testpay.pay(session);
  const res = await request(stack.app)
    .post('/api/admin/reconcile')
    .set(adminHeaders)
    .send({ olderThanSeconds: 0 })
    .expect(200);
  expect(res.body.summary.settled).toBeGreaterThanOrEqual(1);
  expect((await getOrder(stack.app, orderId)).status).toBe('paid');
});

test('when TestPay declines, then the return records the failure and the order stays payable', async () => {
  const { orderId, session } = await checkoutWithTestpay();
  const paymentId = testpay.pay(session, 'declined');
  const res = await request(stack.app)
    .post('/api/payments/testpay/return')
    .send({ order: orderId, tp_session: session, tp_payment: paymentId })
    .expect(200);
  expect(res.body.order.status).toBe('pending');
  expect(res.body.order.payments[0].status).toBe('failed');
});
