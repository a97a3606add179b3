import { createHmac } from 'node:crypto';
import request from 'supertest';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { documentedFiles, documentedPayload } from '../fixtures/documented';
import {
  DECLINED_CARD,
  RUPAY_CARD,
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';
import { newEventId, postWebhook, sandboxSdk } from '../helpers/webhooks';

// Razorpay's own documented webhook examples (razorpay/markdown-docs, kept under
// sandbox/test/fixtures/documented/razorpay/webhooks/), their ids and amounts swapped for those of
// a real order made here, signed and posted to our webhook route: each must end in the right state.
const stack = useTestStack();
beforeAll(() => stack.sandbox.setWebhookUrls([])); // only the documented webhooks arrive

type Method = 'netbanking' | 'card' | 'wallet' | 'upi';
const PAY: Record<Method, Record<string, unknown>> = {
  netbanking: { method: 'netbanking', bank: 'HDFC', outcome: 'success' },
  card: { method: 'card', card: RUPAY_CARD },
  wallet: { method: 'wallet', wallet: 'phonepe', outcome: 'success' },
  upi: { method: 'upi', vpa: 'success@razorpay' },
};
const FAIL: Record<Method, Record<string, unknown>> = {
  netbanking: { method: 'netbanking', bank: 'HDFC', outcome: 'failure' },
  card: { method: 'card', card: DECLINED_CARD },
  wallet: { method: 'wallet', wallet: 'phonepe', outcome: 'failure' },
  upi: { method: 'upi', vpa: 'failure@razorpay' },
};

type Entity = Record<string, unknown>;
interface Envelope {
  event: string;
  payload: Record<string, { entity: Entity }>;
}

/** An order of ours with one real sandbox payment made the way `event` needs it. */
async function realPayment(event: string, method: Method) {
  const item = await createProduct({ price: 64900 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const rzpOrderId = gatewayOrderId(await startCheckout(stack.app, order.id));
  stack.sandbox.setAutoCapture(event !== 'payment.authorized');
  try {
    const paid = await payInSandbox(
      stack.sandbox,
      rzpOrderId,
      event === 'payment.failed' ? FAIL[method] : PAY[method],
    );
    // A failed payment comes back as an error naming it in metadata, as Checkout reports it.
    const failed = paid.body.error?.metadata as Entity | undefined;
    const paymentId = String(paid.body.razorpay_payment_id ?? failed?.payment_id);
    return { order, rzpOrderId, paymentId, handler: paid.body };
  } finally {
    stack.sandbox.setAutoCapture(true);
  }
}

/** The documented envelope with the real ids and amounts in place of the example's. */
function adapt(
  envelope: Envelope,
  real: { payment: Entity; order?: Entity; refund?: Entity },
): Envelope {
  const copy = structuredClone(envelope);
  const payment = copy.payload.payment?.entity;
  if (payment) {
    for (const key of ['id', 'order_id', 'amount', 'currency', 'amount_refunded', 'refund_status'])
      payment[key] = real.payment[key];
    if ('base_amount' in payment) payment.base_amount = real.payment.amount;
  }
  const order = copy.payload.order?.entity;
  if (order && real.order) {
    for (const key of ['id', 'amount', 'amount_paid', 'amount_due', 'currency'])
      order[key] = real.order[key];
  }
  const refund = copy.payload.refund?.entity;
  if (refund && real.refund) {
    for (const key of ['id', 'payment_id', 'amount', 'currency']) refund[key] = real.refund[key];
  }
  return copy;
}

function sign(envelope: Envelope) {
  const body = JSON.stringify(envelope);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', stack.config.razorpay.webhookSecret)
        .update(body)
        .digest('hex'),
      'x-razorpay-event-id': newEventId(),
    },
  };
}

async function deliver(envelope: Envelope) {
  const hook = sign(envelope);
  const res = await postWebhook(stack.webhookUrl, hook);
  expect(res.status).toBe(200);
  await stack.settle();
  return WebhookEventModel.findOne({ eventId: hook.headers['x-razorpay-event-id'] });
}

const paymentFixtures = documentedFiles('razorpay/webhooks').filter((f) => !f.includes('/refund.'));
const refundFixtures = documentedFiles('razorpay/webhooks', 'refund.');

test.each(paymentFixtures)(
  'when the documented %s arrives for a real payment, then the order ends where that event leads',
  async (file) => {
    const documented = documentedPayload<Envelope>(file);
    const method = file
      .replace(/\.json$/, '')
      .split('.')
      .pop() as Method;
    const { order, rzpOrderId, paymentId } = await realPayment(documented.event, method);
    const sdk = sandboxSdk(stack);
    const stored = await deliver(
      adapt(documented, {
        payment: (await sdk.payments.fetch(paymentId)) as unknown as Entity,
        order: (await sdk.orders.fetch(rzpOrderId)) as unknown as Entity,
      }),
    );
    expect(stored).toMatchObject({
      signatureValid: true,
      outcome: 'applied',
      type: documented.event,
    });

    const final = await getOrder(stack.app, order.id);
    if (documented.event === 'payment.failed') {
      expect(final.status).toBe('pending');
      expect(final.payments.map((p) => p.status)).toEqual(['failed']);
    } else {
      // payment.authorized leads to our capture; the others report a capture already made.
      expect(final.status).toBe('paid');
      expect(final.payments.map((p) => [p.status, p.refs.paymentId, p.method])).toEqual([
        ['captured', paymentId, method],
      ]);
      expect(final.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
    }
  },
);

test.each(refundFixtures)(
  'when the documented %s arrives for a real refund, then the refund is recorded as it says',
  async (file) => {
    const documented = documentedPayload<Envelope>(file);
    const { order, paymentId, handler } = await realPayment('payment.captured', 'netbanking');
    await request(stack.app).post('/api/payments/razorpay/verify').send(handler).expect(200);
    const sdk = sandboxSdk(stack);
    const refund = await sdk.payments.refund(paymentId, { amount: 10000 });
    const stored = await deliver(
      adapt(documented, {
        payment: (await sdk.payments.fetch(paymentId)) as unknown as Entity,
        refund: refund as unknown as Entity,
      }),
    );
    expect(stored).toMatchObject({ signatureValid: true, outcome: 'applied' });
    const documentedStatus = documented.payload.refund!.entity.status;
    const final = await getOrder(stack.app, order.id);
    expect(final.payments[0]!.refunds).toEqual([
      expect.objectContaining({ id: refund.id, amount: 10000, status: documentedStatus }),
    ]);
    expect(final.status).toBe('paid');
    expect(final.amountRefunded).toBe(documentedStatus === 'failed' ? 0 : 10000);
  },
);
