import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

describe('control API (/_sandbox)', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTestSandbox({ webhookUrls: [receiver.url] });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { events?: unknown[] },
    };
  };

  it('when the sandbox is up, then health says ok and who answers, without exposing secrets', async () => {
    const { status, body } = await control('GET', '/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      service: 'checkout-lab-sandbox',
      instance: expect.any(String),
      status: 'ok',
      keyId: 'rzp_test_sandbox0000001',
    });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it.each([
    ['payment.authorized', ['payment.authorized'], 'authorized'],
    ['payment.captured', ['payment.authorized', 'payment.captured', 'order.paid'], 'captured'],
    ['payment.failed', ['payment.failed'], 'failed'],
    [
      'refund.processed',
      [
        'payment.authorized',
        'payment.captured',
        'order.paid',
        'refund.created',
        'refund.processed',
      ],
      'refunded',
    ],
    [
      'refund.failed',
      ['payment.authorized', 'payment.captured', 'order.paid', 'refund.created', 'refund.failed'],
      'captured',
    ],
  ])(
    'when %s is triggered, then real state and its events are created and delivered',
    async (event, types, paymentStatus) => {
      const { status, body } = await control('POST', '/trigger', { event });
      expect(status).toBe(201);
      expect((body.events as { type: string }[]).map((e) => e.type)).toEqual(types);
      expect(body.payment).toMatchObject({ status: paymentStatus });
      await sandbox.idle();
      expect(receiver.received.map((w) => w.json.event)).toEqual(types);
    },
  );

  it('when an unknown event is triggered, then 400 lists the known ones', async () => {
    const { status, body } = await control('POST', '/trigger', { event: 'payment.teleported' });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('payment.captured');
  });

  it('when an event is resent, then the same id and body arrive again and the log shows both', async () => {
    const triggered = await control('POST', '/trigger', { event: 'payment.failed' });
    const id = (triggered.body.events as { id: string }[])[0]?.id;
    await sandbox.idle();
    const resent = await control('POST', `/events/${id}/resend`);
    expect(resent.status).toBe(202);
    await sandbox.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.rawBody).toBe(receiver.received[1]?.rawBody);
    const log = await control('GET', '/events');
    const entry = (log.body.events as { id: string; deliveries: unknown[] }[]).find(
      (e) => e.id === id,
    );
    expect(entry?.deliveries).toHaveLength(2);
    expect((await control('GET', `/events/${id}`)).body).toMatchObject({
      id,
      type: 'payment.failed',
      payload: { entity: 'event' },
    });
    expect((await control('POST', '/events/evt_nope/resend')).status).toBe(404);
  });

  it('when faults are changed and reset over HTTP, then the in-process view agrees', async () => {
    const set = await control('PUT', '/faults', { duplicate: 1, apiLatencyMs: 5 });
    expect(set.body).toMatchObject({ duplicate: 1, apiLatencyMs: 5, tamper: 0 });
    expect((await control('PUT', '/faults', { duplicate: 3 })).status).toBe(400);
    expect((await control('PUT', '/faults', { explode: 1 })).status).toBe(400);
    await control('POST', '/trigger', { event: 'payment.failed' });
    await sandbox.idle();
    expect(receiver.received).toHaveLength(2);
    const reset = await control('DELETE', '/faults');
    expect(reset.body).toMatchObject({ duplicate: 0, apiLatencyMs: 0 });
  });

  it('when webhook URLs and settings are replaced, then deliveries and capture follow', async () => {
    expect((await control('PUT', '/webhooks', { urls: [] })).body).toEqual({ urls: [] });
    expect((await control('PUT', '/webhooks', { urls: ['ftp://x'] })).status).toBe(400);
    expect((await control('PUT', '/settings', { autoCapture: false })).body).toMatchObject({
      autoCapture: false,
    });
    expect((await control('PUT', '/settings', { autoCapture: 'yes' })).status).toBe(400);
    await control('POST', '/trigger', { event: 'payment.failed' });
    await sandbox.idle();
    expect(receiver.received).toHaveLength(0);
    expect((await control('GET', '/webhooks')).body).toEqual({ urls: [] });
  });

  it('when the control body is malformed, then 400 in the error shape', async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST_ERROR' } });
  });
});
