import Stripe from 'stripe';
import type { RunningSandbox, StartOptions } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { STRIPE_WEBHOOK_SECRET, stripeFor } from '../helpers/stripe';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../helpers/webhook-receiver';

const verify = (w: ReceivedWebhook, options: { secret?: string; receivedAt?: number } = {}) =>
  Stripe.webhooks.constructEvent(
    w.rawBody,
    String(w.headers['stripe-signature']),
    options.secret ?? STRIPE_WEBHOOK_SECRET,
    undefined,
    undefined,
    options.receivedAt,
  );

describe('Stripe webhook delivery', () => {
  let receiver: WebhookReceiver;
  let razorpayReceiver: WebhookReceiver;
  let sandbox: RunningSandbox | undefined;

  async function start(
    options: StartOptions = {},
  ): Promise<{ sb: RunningSandbox; stripe: Stripe }> {
    sandbox = await startTestSandbox({
      stripeWebhookUrls: [receiver.url],
      webhookUrls: [razorpayReceiver.url],
      ...options,
    });
    return { sb: sandbox, stripe: stripeFor(sandbox) };
  }

  async function pay(stripe: Stripe): Promise<Stripe.PaymentIntent> {
    return stripe.paymentIntents.create({
      amount: 2599,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order_id: 'o1' },
    });
  }

  beforeEach(async () => {
    receiver = await startWebhookReceiver('/api/webhooks/stripe');
    razorpayReceiver = await startWebhookReceiver('/api/webhooks/razorpay');
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    await receiver.close();
    await razorpayReceiver.close();
  });

  it('when an intent is paid, then signed events arrive in order and constructEvent accepts each one', async () => {
    const { sb, stripe } = await start();
    const intent = await pay(stripe);
    await sb.idle();
    const events = receiver.received.map((w) => verify(w));
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    const succeeded = events[2]!;
    expect(succeeded.data.object).toMatchObject({
      id: intent.id,
      status: 'succeeded',
      amount_received: 2599,
      metadata: { order_id: 'o1' },
    });
    expect(succeeded.pending_webhooks).toBe(1);
    for (const w of receiver.received) {
      expect(w.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(String(w.headers['stripe-signature'])).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    }
    // The payload is a snapshot: the created event still shows the intent before payment.
    expect(events[0]!.data.object).toMatchObject({
      status: 'requires_confirmation',
      amount_received: 0,
    });
    expect(razorpayReceiver.received).toHaveLength(0);
    expect((await stripe.events.retrieve(succeeded.id)).id).toBe(succeeded.id);
  });

  it('when a body is changed in transit, or checked with another secret, then constructEvent refuses it', async () => {
    const { sb, stripe } = await start({ faults: { tamper: 1 } });
    // Like a backend should: 400 for a signature that does not verify, so Stripe retries.
    receiver.respondWith((w) => {
      try {
        verify(w);
        return 200;
      } catch {
        return 400;
      }
    });
    await pay(stripe);
    await sb.idle();
    const idOf = (w: ReceivedWebhook): string => (JSON.parse(w.rawBody) as { id: string }).id;
    const tampered = receiver.received[0]!;
    const genuine = receiver.received.find((w) => w !== tampered && idOf(w) === idOf(tampered))!;
    expect(() => verify(tampered)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(JSON.parse(tampered.rawBody).data.object.amount).toBe(259900);
    // The retry carries the genuine body, which verifies.
    expect(verify(genuine).data.object).toMatchObject({ amount: 2599 });
    expect(() => verify(genuine, { secret: 'whsec_someoneelse0000000000000000000001' })).toThrow(
      /^No signatures found matching the expected signature for payload/,
    );
  });

  it('when a delivery is verified more than five minutes after it was signed, then constructEvent calls it stale', async () => {
    const { sb, stripe } = await start();
    await pay(stripe);
    await sb.idle();
    const w = receiver.received[0]!;
    const signedAt = Number(/t=(\d+)/.exec(String(w.headers['stripe-signature']))![1]) * 1000;
    expect(verify(w, { receivedAt: signedAt + 299_000 }).type).toBe('payment_intent.created');
    expect(() => verify(w, { receivedAt: signedAt + 301_000 })).toThrow(
      'Timestamp outside the tolerance zone',
    );
  });

  it('when the receiver fails, then the same event is retried, each attempt signed anew, until it is acknowledged', async () => {
    const { sb, stripe } = await start();
    receiver.respondWith([500, 503]);
    await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await sb.idle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((w) => w.rawBody)).size).toBe(1);
    for (const w of receiver.received) expect(verify(w).type).toBe('payment_intent.created');
    expect(sb.deliveries().map((d) => [d.gateway, d.attempt, d.status])).toEqual([
      ['stripe', 1, 500],
      ['stripe', 2, 503],
      ['stripe', 3, 200],
    ]);
  });

  it('when an event is delivered twice (duplicate fault) or resent, then the id and body are the same every time', async () => {
    const { sb, stripe } = await start({ faults: { duplicate: 1 } });
    await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await sb.idle();
    const [first, duplicate] = receiver.received;
    expect(verify(duplicate!).id).toBe(verify(first!).id);
    sb.setFaults({ duplicate: 0 });
    const res = await fetch(`${sb.url}/_sandbox/events/${verify(first!).id}/resend`, {
      method: 'POST',
    });
    expect(res.status).toBe(202);
    await sb.idle();
    const resent = receiver.received[2]!;
    expect(resent.rawBody).toBe(first!.rawBody);
    expect(verify(resent).id).toBe(verify(first!).id);
  });

  it('when the Stripe webhook is lost, then nothing is delivered but the event can still be listed', async () => {
    const { sb, stripe } = await start();
    sb.setWebhookUrls([], 'stripe');
    const intent = await pay(stripe);
    await sb.idle();
    expect(receiver.received).toHaveLength(0);
    const listed = await stripe.events.list({ type: 'payment_intent.succeeded' });
    expect(listed.data[0]).toMatchObject({
      pending_webhooks: 0,
      data: { object: { id: intent.id } },
    });
  });

  it('when the body is read raw, then it is Stripe’s pretty-printed JSON, which re-serialising would change', async () => {
    const { sb, stripe } = await start();
    await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await sb.idle();
    const w = receiver.received[0]!;
    expect(w.rawBody).toContain('\n  "object": "event",');
    const reserialised = { ...w, rawBody: JSON.stringify(JSON.parse(w.rawBody)) };
    expect(() => verify(reserialised)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});
