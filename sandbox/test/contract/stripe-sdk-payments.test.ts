import Stripe from 'stripe';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { STRIPE_PUBLISHABLE_KEY, stripeFor } from '../helpers/stripe';
import { answerChallenge, confirmLikeStripeJs } from '../helpers/stripe-browser-calls';

describe('the official stripe SDK against the sandbox: paying, 3-D Secure, cancelling', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;
  const newIntent = (amount = 2599) =>
    stripe.paymentIntents.create({ amount, currency: 'usd', metadata: { order_id: 'o1' } });

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    stripe = stripeFor(sandbox);
  });
  afterEach(() => sandbox.close());

  it('when the browser confirms with the publishable key and the success card, then the intent succeeds with one captured charge', async () => {
    const intent = await newIntent();
    const { status, body } = await confirmLikeStripeJs(sandbox, intent.client_secret!, {
      number: '4242424242424242',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: intent.id, status: 'succeeded' });
    // A publishable key sees no merchant-side fields.
    expect(body).not.toHaveProperty('metadata');
    const paid = await stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge', 'payment_method'],
    });
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount_received: 2599,
      metadata: { order_id: 'o1' },
    });
    expect(paid.latest_charge).toMatchObject({
      amount: 2599,
      amount_captured: 2599,
      captured: true,
      status: 'succeeded',
    });
    expect(paid.payment_method).toMatchObject({
      type: 'card',
      card: { brand: 'visa', last4: '4242', exp_year: 2034 },
    });
    expect(JSON.stringify(paid)).not.toContain('4242424242424242');
  });

  it('when the publishable key comes with another intent’s client secret, then nothing is confirmed', async () => {
    const mine = await newIntent();
    const other = await newIntent(999);
    const forged = `${mine.id}_secret_${other.client_secret!.split('_secret_')[1]}`;
    const { status, body } = await confirmLikeStripeJs(sandbox, forged, {
      number: '4242424242424242',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { param: 'client_secret' } });
    expect((await stripe.paymentIntents.retrieve(mine.id)).status).toBe('requires_payment_method');
    const publishable = stripeFor(sandbox, STRIPE_PUBLISHABLE_KEY);
    const seen = await publishable.paymentIntents.retrieve(mine.id, {
      client_secret: mine.client_secret!,
    });
    expect(seen).toMatchObject({ id: mine.id, status: 'requires_payment_method' });
    expect(seen).not.toHaveProperty('metadata');
  });

  it.each([
    [
      '4000000000000002',
      {
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      },
    ],
    [
      '4000000000009995',
      {
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    ],
    [
      '4000000000000069',
      { code: 'expired_card', param: 'exp_month', message: 'Your card has expired.' },
    ],
    [
      '4000000000000127',
      { code: 'incorrect_cvc', param: 'cvc', message: "Your card's security code is incorrect." },
    ],
  ])(
    'when card %s is declined, then 402 card_error with Stripe’s codes and the intent asks for a new payment method',
    async (number, expected) => {
      const intent = await newIntent();
      const { status, body } = await confirmLikeStripeJs(sandbox, intent.client_secret!, {
        number,
      });
      expect(status).toBe(402);
      expect(body.error).toMatchObject({
        type: 'card_error',
        ...expected,
        payment_intent: { status: 'requires_payment_method' },
      });
      const after = await stripe.paymentIntents.retrieve(intent.id);
      expect(after).toMatchObject({
        status: 'requires_payment_method',
        payment_method: null,
        amount_received: 0,
      });
      expect(after.last_payment_error).toMatchObject({ type: 'card_error', ...expected });
    },
  );

  it('when a server-side confirm uses a declining test PaymentMethod, then the SDK throws StripeCardError, and a retry on the same intent succeeds', async () => {
    const intent = await newIntent();
    const declined = stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
    });
    await expect(declined).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
    await expect(declined).rejects.toMatchObject({
      statusCode: 402,
      decline_code: 'insufficient_funds',
    });
    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    const charges = await stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data.map((c) => [c.status, c.failure_code])).toEqual([
      ['succeeded', null],
      ['failed', 'card_declined'],
    ]);
  });

  it('when the card number, expiry or CVC is malformed, then the card is refused before any charge', async () => {
    const intent = await newIntent();
    const cases = [
      [{ number: '4242424242424241' }, 'incorrect_number'],
      [{ number: '4242424242424242', exp_month: '13' }, 'invalid_expiry_month'],
      [{ number: '4242424242424242', exp_year: '20' }, 'invalid_expiry_year'],
      [{ number: '4242424242424242', cvc: '12' }, 'invalid_cvc'],
    ] as const;
    for (const [card, code] of cases) {
      const { status, body } = await confirmLikeStripeJs(sandbox, intent.client_secret!, card);
      expect([status, (body.error as { code: string }).code]).toEqual([402, code]);
    }
    expect((await stripe.charges.list({ payment_intent: intent.id })).data).toHaveLength(0);
  });

  it('when a 3-D Secure card is confirmed with a return_url, then the intent redirects to the challenge, and Complete pays it', async () => {
    const intent = await newIntent(4500);
    const confirmed = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_authenticationRequired',
      return_url: 'https://shop.example/return?order=o1',
    });
    expect(confirmed).toMatchObject({
      status: 'requires_action',
      next_action: {
        type: 'redirect_to_url',
        redirect_to_url: { return_url: 'https://shop.example/return?order=o1' },
      },
    });
    const url = confirmed.next_action!.redirect_to_url!.url!;
    expect(url).toMatch(new RegExp(`^${sandbox.url}/stripe/_sandbox/3ds/\\w+$`));
    expect((await fetch(url)).status).toBe(200);
    const { status, location } = await answerChallenge(url, 'complete');
    expect(status).toBe(303);
    const back = new URL(location!);
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/return');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order: 'o1',
      payment_intent: intent.id,
      payment_intent_client_secret: intent.client_secret,
      redirect_status: 'succeeded',
    });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    expect((await answerChallenge(url, 'complete')).status).toBe(409);
  });

  it('when the challenge fails, then the intent goes back to requires_payment_method with payment_intent_authentication_failure', async () => {
    const intent = await newIntent();
    const confirmed = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_threeDSecure2Required',
    });
    // Without a return_url the challenge is left to a client SDK to open.
    expect(confirmed.next_action).toMatchObject({
      type: 'use_stripe_sdk',
      use_stripe_sdk: { type: 'three_d_secure_redirect' },
    });
    const url = (confirmed.next_action!.use_stripe_sdk as { stripe_js: string }).stripe_js;
    expect(await answerChallenge(url, 'fail')).toEqual({ status: 200, location: null });
    const failed = await stripe.paymentIntents.retrieve(intent.id);
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      latest_charge: null,
      payment_method: null,
    });
    expect(failed.last_payment_error).toMatchObject({
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
    });
  });

  it('when the card declines after a completed challenge, then the return says failed and no money moves', async () => {
    const intent = await newIntent();
    const { body } = await confirmLikeStripeJs(
      sandbox,
      intent.client_secret!,
      { number: '4000008260003178' },
      'https://shop.example/r',
    );
    const url = (body.next_action as { redirect_to_url: { url: string } }).redirect_to_url.url;
    const { location } = await answerChallenge(url, 'complete');
    expect(new URL(location!).searchParams.get('redirect_status')).toBe('failed');
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: 'requires_payment_method',
      amount_received: 0,
      last_payment_error: { decline_code: 'insufficient_funds' },
    });
  });

  it('when an intent is canceled, then it cannot be confirmed, and a succeeded one cannot be canceled', async () => {
    const open = await newIntent();
    expect(
      await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' }),
    ).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'abandoned',
      canceled_at: expect.any(Number),
    });
    await expect(
      stripe.paymentIntents.confirm(open.id, { payment_method: 'pm_card_visa' }),
    ).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    const paid = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(paid.status).toBe('succeeded');
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    await expect(stripe.paymentIntents.confirm(paid.id)).rejects.toMatchObject({
      message:
        'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    });
  });
});
