import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { run } from '../../src/cli';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { STRIPE_WEBHOOK_SECRET, stripeFor } from '../helpers/stripe';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

describe('Stripe in the control API and CLI', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver('/api/webhooks/stripe');
    sandbox = await startTestSandbox({ stripeWebhookUrls: [receiver.url] });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });
  const cli = (...args: string[]) => run([...args, '--url', sandbox.url], {});
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it.each([
    [
      'payment_intent.succeeded',
      'succeeded',
      ['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded'],
    ],
    [
      'payment_intent.payment_failed',
      'requires_payment_method',
      ['payment_intent.created', 'charge.failed', 'payment_intent.payment_failed'],
    ],
    [
      'payment_intent.requires_action',
      'requires_action',
      ['payment_intent.created', 'payment_intent.requires_action'],
    ],
    ['payment_intent.canceled', 'canceled', ['payment_intent.created', 'payment_intent.canceled']],
    [
      'charge.refunded',
      'succeeded',
      [
        'payment_intent.created',
        'charge.succeeded',
        'payment_intent.succeeded',
        'refund.created',
        'charge.refunded',
      ],
    ],
  ])(
    'when %s is triggered, then real state raises it and the signed webhooks arrive',
    async (event, status, types) => {
      const { status: code, body } = await control('POST', '/trigger', { event });
      expect(code).toBe(201);
      expect(body).toMatchObject({ event, payment_intent: { status } });
      expect((body.events as { type: string }[]).map((e) => e.type)).toEqual(types);
      await sandbox.idle();
      const delivered = receiver.received.map(
        (w) =>
          Stripe.webhooks.constructEvent(
            w.rawBody,
            String(w.headers['stripe-signature']),
            STRIPE_WEBHOOK_SECRET,
          ).type,
      );
      expect(delivered).toEqual(types);
      const id = (body.payment_intent as { id: string }).id;
      expect((await stripeFor(sandbox).paymentIntents.retrieve(id)).status).toBe(status);
    },
  );

  it('when the CLI triggers, lists and resends Stripe events, then it prints them like Razorpay’s', async () => {
    const triggered = (await cli('trigger', 'payment_intent.succeeded')).split('\n');
    expect(triggered.at(-1)).toMatch(/^--> payment_intent\.succeeded \[evt_[0-9A-Za-z]{24}\]$/);
    await sandbox.idle();
    const log = (await cli('events')).split('\n');
    expect(log).toContain(triggered.at(-1));
    expect(log).toContain(`<-- [200] POST ${receiver.url}`);
    const id = /evt_\w+/.exec(triggered.at(-1) ?? '')?.[0] ?? '';
    expect(await cli('resend', id)).toBe(`--> payment_intent.succeeded [${id}] (resent)`);
  });

  it('when Stripe’s webhook targets are set with --gateway stripe, then Razorpay’s stay as they were', async () => {
    expect(JSON.parse(await cli('webhooks', '--gateway', 'stripe'))).toEqual({
      urls: [receiver.url],
    });
    expect(JSON.parse(await cli('webhooks', 'clear', '--gateway', 'stripe'))).toEqual({ urls: [] });
    expect(JSON.parse(await cli('webhooks', 'set', 'http://127.0.0.1:9/r'))).toEqual({
      urls: ['http://127.0.0.1:9/r'],
    });
    expect((await control('GET', '/webhooks?gateway=stripe')).body).toEqual({ urls: [] });
    expect((await control('GET', '/webhooks')).body).toEqual({ urls: ['http://127.0.0.1:9/r'] });
    expect((await control('GET', '/webhooks?gateway=paypal')).status).toBe(400);
    expect((await control('GET', '/health')).body).toMatchObject({
      stripe: { publishableKey: expect.stringMatching(/^pk_test_/), webhookUrls: [] },
    });
    expect(JSON.stringify((await control('GET', '/health')).body)).not.toContain('sk_test_');
  });

  it('when an unknown event is triggered, then the error lists the Stripe events too', async () => {
    const { status, body } = await control('POST', '/trigger', { event: 'invoice.paid' });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('payment_intent.succeeded');
  });
});

describe('Stripe state in the snapshot file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-stripe-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when the sandbox restarts with the same file, then intents, refunds, events and idempotency keys survive', async () => {
    const file = join(dir, 'state.json');
    const first = await startTestSandbox({ snapshotFile: file });
    const intent = await stripeFor(first).paymentIntents.create(
      { amount: 3000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'attempt-1' },
    );
    await stripeFor(first).refunds.create({ payment_intent: intent.id, amount: 1000 });
    await first.close();

    const second = await startTestSandbox({ snapshotFile: file });
    const stripe = stripeFor(second);
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'succeeded' });
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data).toHaveLength(1);
    expect((await stripe.events.list({ type: 'refund.created' })).data).toHaveLength(1);
    const replay = await stripe.paymentIntents.create(
      { amount: 3000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'attempt-1' },
    );
    expect(replay.id).toBe(intent.id);
    await second.close();
  });

  it('when a snapshot was written before Stripe existed, then it still loads', async () => {
    const file = join(dir, 'old.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        orders: [],
        payments: [],
        refunds: [],
        events: [],
        rupantorpay: [],
      }),
    );
    const sandbox = await startTestSandbox({ snapshotFile: file });
    await stripeFor(sandbox).paymentIntents.create({ amount: 1000, currency: 'usd' });
    await sandbox.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).stripe.intents).toHaveLength(1);
  });
});
