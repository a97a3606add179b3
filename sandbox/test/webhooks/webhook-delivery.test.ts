import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Razorpay from 'razorpay';
import type { RunningSandbox, StartOptions } from '../../src/index';
import { WEBHOOK_SECRET, card, createOrder, pay, startTestSandbox } from '../helpers/sandbox';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../helpers/webhook-receiver';

const signed = (w: ReceivedWebhook): boolean =>
  Razorpay.validateWebhookSignature(
    w.rawBody,
    String(w.headers['x-razorpay-signature']),
    WEBHOOK_SECRET,
  );

describe('webhook delivery', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox | undefined;

  async function start(options: StartOptions = {}): Promise<RunningSandbox> {
    sandbox = await startTestSandbox({ webhookUrls: [receiver.url], ...options });
    return sandbox;
  }

  async function captureOnePayment(sb: RunningSandbox): Promise<string> {
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'card', card: card('4100280000001007') });
    await sb.idle();
    return order.id;
  }

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    await receiver.close();
  });

  it('when a payment is captured, then signed Razorpay-shaped events arrive in order', async () => {
    const sb = await start();
    const orderId = await captureOnePayment(sb);
    expect(receiver.received.map((w) => w.json.event)).toEqual([
      'payment.authorized',
      'payment.captured',
      'order.paid',
    ]);
    for (const w of receiver.received) {
      expect(signed(w)).toBe(true);
      expect(w.headers['content-type']).toBe('application/json');
      expect(String(w.headers['x-razorpay-event-id'])).toMatch(/^evt_[0-9A-Za-z]{14}$/);
      expect(w.json).toMatchObject({
        entity: 'event',
        account_id: expect.stringMatching(/^acc_/),
        created_at: expect.any(Number),
      });
    }
    const [authorized, , paid] = receiver.received;
    // The authorized event is a snapshot: it still says authorized although the payment is captured now.
    expect(authorized?.json.payload?.payment?.entity).toMatchObject({
      status: 'authorized',
      captured: false,
      order_id: orderId,
    });
    expect(authorized?.json.payload?.payment?.entity.card).toMatchObject({
      last4: '1007',
      network: 'Visa',
    });
    expect(paid?.json).toMatchObject({ contains: ['payment', 'order'] });
    expect(paid?.json.payload?.order?.entity).toMatchObject({ id: orderId, status: 'paid' });
  });

  it('when the receiver answers 500 twice, then the same event is retried until it gets a 2xx', async () => {
    const sb = await start();
    receiver.respondWith([500, 503]);
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((w) => w.headers['x-razorpay-event-id']));
    const bodies = new Set(receiver.received.map((w) => w.rawBody));
    expect(ids.size).toBe(1);
    expect(bodies.size).toBe(1);
    expect(receiver.received[0]?.json.event).toBe('payment.failed');
    expect(sb.deliveries().map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(sb.deliveries()[0]?.nextRetryInMs).toBe(10);
    expect(sb.deliveries()[1]?.nextRetryInMs).toBe(20);
  });

  it('when the receiver keeps failing, then delivery stops after the maximum attempts', async () => {
    const sb = await start({ webhookMaxAttempts: 3 });
    receiver.respondWith(() => 500);
    await sb.idle();
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    expect(receiver.received).toHaveLength(3);
    expect(sb.deliveries().at(-1)).toMatchObject({ attempt: 3, ok: false, nextRetryInMs: null });
  });

  it('when the receiver does not answer in time, then the attempt times out and is retried', async () => {
    let calls = 0;
    const slow = createServer((_req, res) => {
      calls++;
      if (calls === 1) setTimeout(() => res.end('late'), 1000);
      else res.end('ok');
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`;
    try {
      const sb = await start({ webhookUrls: [url], webhookTimeoutMs: 200 });
      const order = await createOrder(sb);
      await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
      await sb.idle();
      expect(sb.deliveries().map((d) => [d.status, d.error])).toEqual([
        [null, 'timed out after 200 ms'],
        [200, null],
      ]);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('when the target refuses connections, then the error is logged and retried', async () => {
    const sb = await start({
      webhookUrls: ['http://127.0.0.1:9/unreachable'],
      webhookMaxAttempts: 2,
    });
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    expect(sb.deliveries().map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, null, false],
      [2, null, false],
    ]);
    expect(sb.deliveries()[0]?.error).toBeTruthy();
  });

  it('when duplicate=1, then every event arrives twice with the same id, body and signature', async () => {
    const sb = await start({ faults: { duplicate: 1 } });
    await captureOnePayment(sb);
    expect(receiver.received.map((w) => w.json.event)).toEqual([
      'payment.authorized',
      'payment.authorized',
      'payment.captured',
      'payment.captured',
      'order.paid',
      'order.paid',
    ]);
    const [a, b] = receiver.received;
    expect(a?.headers['x-razorpay-event-id']).toBe(b?.headers['x-razorpay-event-id']);
    expect(a?.rawBody).toBe(b?.rawBody);
    expect(receiver.received.every(signed)).toBe(true);
    expect(sb.deliveries().filter((d) => d.faults.includes('duplicate'))).toHaveLength(3);
  });

  it('when reorder=1, then the events of one action arrive in reverse order', async () => {
    const sb = await start();
    sb.setFaults({ reorder: 1 });
    await captureOnePayment(sb);
    expect(receiver.received.map((w) => w.json.event)).toEqual([
      'order.paid',
      'payment.captured',
      'payment.authorized',
    ]);
  });

  it('when delay=1, then the first attempt waits delayMs', async () => {
    const sb = await start();
    sb.setFaults({ delay: 1, delayMs: 250 });
    const started = Date.now();
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    expect(receiver.received).toHaveLength(1);
    expect((receiver.received[0]?.receivedAt ?? 0) - started).toBeGreaterThanOrEqual(240);
    expect(sb.deliveries()[0]?.faults).toContain('delay');
  });

  it('when only some events are delayed, then the others arrive first', async () => {
    // The injected random source picks the fault for the first event only (0.1 < 0.5, then 0.9).
    const draws = [0.1, 0.9, 0.9];
    const sb = await start({ random: () => draws.shift() ?? 0.9 });
    sb.setFaults({ delay: 0.5, delayMs: 100 });
    await captureOnePayment(sb);
    expect(receiver.received.map((w) => w.json.event)).toEqual([
      'payment.captured',
      'order.paid',
      'payment.authorized',
    ]);
  });

  it('when failFirst=1, then the first attempt is dropped and the event arrives once, by retry', async () => {
    const sb = await start();
    sb.setFaults({ failFirst: 1 });
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    expect(receiver.received).toHaveLength(1);
    expect(sb.deliveries().map((d) => [d.attempt, d.status, d.faults])).toEqual([
      [1, null, ['failFirst']],
      [2, 200, []],
    ]);
  });

  it('when tamper=1, then the first body fails verification and the retry carries the genuine body', async () => {
    const sb = await start();
    sb.setFaults({ tamper: 1 });
    receiver.respondWith((w) => (signed(w) ? 200 : 400));
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await sb.idle();
    const [tampered, genuine] = receiver.received;
    expect(receiver.received).toHaveLength(2);
    expect(signed(tampered as ReceivedWebhook)).toBe(false);
    expect(signed(genuine as ReceivedWebhook)).toBe(true);
    expect(tampered?.headers['x-razorpay-signature']).toBe(
      genuine?.headers['x-razorpay-signature'],
    );
    expect(tampered?.json.payload?.payment?.entity.amount).toBe(5000000);
    expect(genuine?.json.payload?.payment?.entity.amount).toBe(50000);
  });

  it('when a fault rate is between 0 and 1, then the injected random source decides', async () => {
    const sb = await start({ random: () => 0.99 });
    sb.setFaults({ duplicate: 0.5 });
    await captureOnePayment(sb);
    expect(receiver.received).toHaveLength(3);
  });

  it('when there are no webhook URLs, then events are stored but nothing is delivered', async () => {
    const sb = await start({ webhookUrls: [] });
    await captureOnePayment(sb);
    expect(receiver.received).toHaveLength(0);
    expect(sb.deliveries()).toHaveLength(0);
  });

  it('when the sandbox closes with retries pending, then they are cancelled and idle() resolves', async () => {
    const sb = await start({ timeScale: 1 });
    receiver.respondWith(() => 500);
    const order = await createOrder(sb);
    await pay(sb, order.id, { method: 'upi', vpa: 'failure@razorpay' });
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sb.deliveries()[0]?.nextRetryInMs).toBe(10_000);
    const idle = sb.idle();
    await sb.close();
    sandbox = undefined;
    await idle;
    expect(receiver.received).toHaveLength(1);
  });
});
