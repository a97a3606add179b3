import Stripe from 'stripe';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { stripeFor } from '../helpers/stripe';

describe('the official stripe SDK against the sandbox: refunds and events', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;
  const paidIntent = (amount = 5000) =>
    stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order_id: 'o9' },
    });

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    stripe = stripeFor(sandbox);
  });
  afterEach(() => sandbox.close());

  it('when a paid intent is refunded in two parts, then the charge adds them up and says refunded once all is back', async () => {
    const intent = await paidIntent(5000);
    const part = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 2000,
      reason: 'requested_by_customer',
    });
    expect(part).toMatchObject({
      object: 'refund',
      amount: 2000,
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
      currency: 'usd',
    });
    expect(part.id).toMatch(/^re_/);
    expect(await stripe.charges.retrieve(String(intent.latest_charge))).toMatchObject({
      amount_refunded: 2000,
      refunded: false,
    });
    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3000);
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect(
      (await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.amount),
    ).toEqual([3000, 2000]);
    expect(await stripe.refunds.retrieve(part.id)).toMatchObject({ id: part.id, amount: 2000 });
  });

  it('when a refund asks for too much, or for an unpaid or refunded intent, then it is refused and nothing moves', async () => {
    const intent = await paidIntent(1000);
    await expect(
      stripe.refunds.create({ payment_intent: intent.id, amount: 1001 }),
    ).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'amount',
    });
    const unpaid = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await expect(stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({
      param: 'payment_intent',
    });
    await stripe.refunds.create({ payment_intent: intent.id });
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    expect((await stripe.refunds.list()).data).toHaveLength(1);
  });

  it('when a payment and a refund happen, then events.list has them newest first with the objects as they were', async () => {
    const intent = await stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd', metadata: { order_id: 'o9' } },
      { idempotencyKey: 'create-o9' },
    );
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await stripe.refunds.create({ payment_intent: intent.id });
    const events = await stripe.events.list({ limit: 100 });
    expect(events.data.map((e) => e.type)).toEqual([
      'charge.refunded',
      'refund.created',
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
    const created = events.data.at(-1)!;
    expect(created).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: expect.any(String),
      request: { id: expect.stringMatching(/^req_/), idempotency_key: 'create-o9' },
      data: {
        object: { id: intent.id, status: 'requires_payment_method', metadata: { order_id: 'o9' } },
      },
    });
    expect(await stripe.events.retrieve(created.id)).toEqual(created);
    const succeeded = await stripe.events.list({ type: 'payment_intent.succeeded' });
    expect(succeeded.data.map((e) => (e.data.object as Stripe.PaymentIntent).id)).toEqual([
      intent.id,
    ]);
    const intentEvents = await stripe.events.list({ type: 'payment_intent.*' });
    expect(intentEvents.data).toHaveLength(2);
    const page = await stripe.events.list({ limit: 2, starting_after: events.data[1]!.id });
    expect(page.data.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'charge.succeeded']);
  });

  it('when an event id was never issued, then events.retrieve is resource_missing', async () => {
    await expect(stripe.events.retrieve('evt_missing')).rejects.toMatchObject({
      code: 'resource_missing',
    });
  });
});
