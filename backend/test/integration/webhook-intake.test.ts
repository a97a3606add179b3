// The webhook routes under a flood: forged deliveries are counted and sampled, not stored one
// document each; each source gets a rate limit; X-Forwarded-For counts only from a configured
// proxy; unsigned hints are verified once per transaction per window.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { adminHeaders, buildTestApp } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';
import { newEventId, signedWebhook } from '../helpers/webhooks';

const stack = useTestStack({ env: { TRUST_PROXY: 'loopback', WEBHOOK_REJECTS_PER_MINUTE: '25' } });
beforeAll(() => stack.sandbox.setWebhookUrls([]));

/** 10 KB of a payment.captured event signed with a secret that is not ours. */
function forged(): { body: string; headers: Record<string, string> } {
  return signedWebhook(
    'payment.captured',
    { payment: { id: 'pay_Forged00000001', padding: randomBytes(5000).toString('hex') } },
    'not-the-webhook-secret',
  );
}

const deliver = (hook: { body: string; headers: Record<string, string> }, from: string) =>
  request(stack.app)
    .post('/api/webhooks/razorpay')
    .set({ ...hook.headers, 'x-forwarded-for': from })
    .send(hook.body);

test('when forged webhooks flood in, then they are counted and sampled, not stored one document each', async () => {
  const before = await WebhookEventModel.countDocuments();
  // 20 sources × 6 forgeries each: below every source's limit, 120 rejections in all.
  for (let source = 1; source <= 20; source++) {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => deliver(forged(), `203.0.113.${source}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(400));
  }
  expect(await WebhookEventModel.countDocuments()).toBe(before);

  const res = await request(stack.app)
    .get('/api/admin/webhook-rejections')
    .set(adminHeaders)
    .expect(200);
  const razorpay = res.body.rejections.find((r: { gateway: string }) => r.gateway === 'razorpay');
  expect(razorpay.count).toBeGreaterThanOrEqual(120);
  expect(razorpay.samples.length).toBeLessThanOrEqual(100);
  expect(razorpay.samples.length).toBeGreaterThan(0);
  for (const sample of razorpay.samples) {
    expect(sample.body.length).toBeLessThanOrEqual(2000);
    expect(sample.reason).toMatch(/does not match/);
  }
  expect(razorpay.samples[0].source).toMatch(/^203\.0\.113\./);
});

test('when one source keeps sending forged webhooks, then it is rate limited and a genuine webhook from the gateway still gets in', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await deliver(forged(), '198.51.100.7')).status);
  expect(statuses.slice(0, 25)).toEqual(Array(25).fill(400));
  expect(statuses.slice(25)).toEqual(Array(5).fill(429));

  const genuine = signedWebhook('payment.failed', {}, stack.config.razorpay.webhookSecret);
  expect((await deliver(genuine, '198.51.100.99')).status).toBe(200);
});

test('when RupantorPay hints for one transaction arrive in many shapes, then it is stored and verified once', async () => {
  const transactionId = `RPTX${randomBytes(6).toString('hex').toUpperCase()}`;
  const bodies = [
    { transaction_id: transactionId, status: 'COMPLETED' },
    { transaction_id: transactionId, status: 'COMPLETED', n: 1 },
    { status: 'COMPLETED', transaction_id: transactionId },
    { transaction_id: transactionId, status: 'PENDING' },
  ];
  for (const body of bodies) {
    await request(stack.app).post('/api/webhooks/rupantorpay').send(body).expect(200);
  }
  await stack.settle();
  const events = await WebhookEventModel.find({ gateway: 'rupantorpay' });
  const forThis = events.filter((e) =>
    Buffer.from(e.rawBody ?? [])
      .toString('utf8')
      .includes(transactionId),
  );
  expect(forThis).toHaveLength(1);
  expect(forThis[0]!.attempts).toBe(1);
});

describe('X-Forwarded-For', () => {
  const order = {
    items: [{ slug: 'no-such-product', quantity: 1 }],
    customer: { name: 'A', email: 'a@example.com' },
  };

  test('when no proxy is configured, then a spoofed X-Forwarded-For from loopback does not escape the rate limit', async () => {
    const t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(t.app)
        .post('/api/orders')
        .set('x-forwarded-for', `192.0.2.${i + 1}`)
        .send(order);
      statuses.push(res.status);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  test('when TRUST_PROXY names the proxy, then X-Forwarded-For from it is the client address', async () => {
    const t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
    for (let i = 0; i < 5; i++) {
      const res = await request(t.app)
        .post('/api/orders')
        .set('x-forwarded-for', `192.0.2.${i + 1}`)
        .send(order);
      expect(res.status).not.toBe(429);
    }
  });

  test('when a webhook comes with an event id but no signature, then it is a rejection too', async () => {
    const res = await request(stack.app)
      .post('/api/webhooks/razorpay')
      .set({ 'content-type': 'application/json', 'x-razorpay-event-id': newEventId() })
      .send('{}');
    expect(res.status).toBe(400);
  });
});
