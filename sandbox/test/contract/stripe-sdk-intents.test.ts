import Stripe from 'stripe';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, stripeFor } from '../helpers/stripe';

describe('the official stripe SDK against the sandbox: PaymentIntents, idempotency, errors', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    stripe = stripeFor(sandbox);
  });
  afterEach(() => sandbox.close());

  it('when an intent is created, then it waits for a payment method with our amount, currency and metadata', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 2599,
      currency: 'usd',
      metadata: { order_id: 'ord_1', payment_id: 'pay_1' },
      description: 'Order ord_1',
    });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 2599,
      currency: 'usd',
      status: 'requires_payment_method',
      metadata: { order_id: 'ord_1', payment_id: 'pay_1' },
      livemode: false,
      amount_received: 0,
      latest_charge: null,
    });
    expect(intent.id).toMatch(/^pi_[0-9A-Za-z]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[0-9A-Za-z]{25}$`));
    expect(await stripe.paymentIntents.retrieve(intent.id)).toEqual(
      expect.objectContaining({ id: intent.id, metadata: intent.metadata }),
    );
  });

  it('when a create is retried with the same idempotency key, then the same intent comes back, marked as replayed', async () => {
    const params = { amount: 1000, currency: 'usd', metadata: { order_id: 'ord_2' } };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'attempt-ord_2-1' });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'attempt-ord_2-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.paymentIntents.list()).data).toHaveLength(1);
  });

  it('when a key is reused with other parameters or on another endpoint, then Stripe’s idempotency error is thrown and nothing is made', async () => {
    await stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'k-1' },
    );
    const other = stripe.paymentIntents.create(
      { amount: 9999, currency: 'usd' },
      { idempotencyKey: 'k-1' },
    );
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(other).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      message: expect.stringMatching(
        /^Keys for idempotent requests can only be used with the same parameters/,
      ),
    });
    const elsewhere = stripe.refunds.create({ payment_intent: 'pi_x' }, { idempotencyKey: 'k-1' });
    await expect(elsewhere).rejects.toMatchObject({
      message: expect.stringContaining("('/v1/payment_intents' vs '/v1/refunds')"),
    });
    expect((await stripe.paymentIntents.list()).data.map((i) => i.amount)).toEqual([1000]);
  });

  it('when a request fails validation, then its key is not used up and a corrected retry succeeds', async () => {
    const tooSmall = stripe.paymentIntents.create(
      { amount: 20, currency: 'usd' },
      { idempotencyKey: 'k-2' },
    );
    await expect(tooSmall).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_small',
      param: 'amount',
      message: 'Amount must be at least $0.50 usd',
    });
    const ok = await stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd' },
      { idempotencyKey: 'k-2' },
    );
    expect(ok.amount).toBe(2000);
  });

  it('when amounts or currencies are wrong, then each gets Stripe’s own error', async () => {
    const create = (params: Record<string, unknown>) =>
      stripe.paymentIntents.create(params as unknown as Stripe.PaymentIntentCreateParams);
    await expect(create({ currency: 'usd' })).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'amount',
      message: 'Missing required param: amount.',
    });
    await expect(create({ amount: 10.5, currency: 'usd' })).rejects.toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'amount',
    });
    await expect(create({ amount: 1000, currency: 'xyz' })).rejects.toMatchObject({
      param: 'currency',
      message: expect.stringMatching(/^Invalid currency: xyz\./),
    });
    await expect(create({ amount: 1000, currency: 'usd', colour: 'red' })).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
    });
    await expect(create({ amount: 100_000_000, currency: 'usd' })).rejects.toMatchObject({
      code: 'amount_too_large',
    });
  });

  it('when the currency is zero-decimal, then the amount is whole yen and the minimum is ¥50', async () => {
    await expect(
      stripe.paymentIntents.create({ amount: 49, currency: 'jpy' }),
    ).rejects.toMatchObject({
      code: 'amount_too_small',
      message: 'Amount must be at least ¥50 jpy',
    });
    expect(await stripe.paymentIntents.create({ amount: 500, currency: 'JPY' })).toMatchObject({
      amount: 500,
      currency: 'jpy',
    });
  });

  it('when the key is wrong, missing or publishable, then the call is refused and shows no more of the key than Stripe does', async () => {
    const wrong = new Stripe('sk_test_wrongkey0000000000001234', {
      host: '127.0.0.1',
      port: Number(new URL(sandbox.url).port),
      protocol: 'http',
    });
    await expect(wrong.paymentIntents.list()).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      message: expect.stringMatching(/^Invalid API Key provided: sk_test_\*{20}1234$/),
    });
    const res = await fetch(`${sandbox.stripeApiBase}/v1/payment_intents`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^You did not provide an API key/,
    );
    const publishable = stripeFor(sandbox, STRIPE_PUBLISHABLE_KEY);
    await expect(
      publishable.paymentIntents.create({ amount: 1000, currency: 'usd' }),
    ).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      message: expect.stringContaining('cannot be made with a publishable API key'),
    });
    expect(STRIPE_SECRET_KEY).not.toContain('1234');
  });

  it('when an id was never issued or a URL is unknown, then 404 with resource_missing or Unrecognized request URL', async () => {
    await expect(stripe.paymentIntents.retrieve('pi_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_nope'",
    });
    const res = await fetch(`${sandbox.stripeApiBase}/v1/customers`, {
      headers: { Authorization: `Bearer ${STRIPE_SECRET_KEY}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringMatching(/^Unrecognized request URL \(GET: \/v1\/customers\)/),
      },
    });
  });

  it('when a JSON body is posted, then it is refused: the v1 API takes form-encoded parameters', async () => {
    const res = await fetch(`${sandbox.stripeApiBase}/v1/payment_intents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${STRIPE_SECRET_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: 1000, currency: 'usd' }),
    });
    expect(res.status).toBe(400);
    expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
  });

  it('when an intent is updated, then metadata merges (an empty value unsets a key) and the amount changes before payment only', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      metadata: { a: '1', b: '2' },
    });
    const updated = await stripe.paymentIntents.update(intent.id, {
      amount: 1500,
      metadata: { b: '', c: '3' },
    });
    expect(updated).toMatchObject({ amount: 1500, metadata: { a: '1', c: '3' } });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await expect(stripe.paymentIntents.update(intent.id, { amount: 2000 })).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('when the API fails once and the SDK retries with its idempotency key, then exactly one intent exists', async () => {
    await sandbox.close();
    const rolls = [0.1, 0.9];
    sandbox = await startTestSandbox({
      faults: { apiErrorRate: 0.5 },
      random: () => rolls.shift() ?? 0.9,
    });
    stripe = stripeFor(sandbox);
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    expect(intent.status).toBe('requires_payment_method');
    expect((await stripe.paymentIntents.list()).data.map((i) => i.id)).toEqual([intent.id]);
  });

  it('when intents are listed, then they come newest first and page with starting_after', async () => {
    const made: string[] = [];
    for (const amount of [1000, 1100, 1200])
      made.push((await stripe.paymentIntents.create({ amount, currency: 'usd' })).id);
    const first = await stripe.paymentIntents.list({ limit: 2 });
    expect(first.data.map((i) => i.id)).toEqual([made[2], made[1]]);
    expect(first.has_more).toBe(true);
    const all = await stripe.paymentIntents.list({ limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all.map((i) => i.id)).toEqual([...made].reverse());
  });
});
