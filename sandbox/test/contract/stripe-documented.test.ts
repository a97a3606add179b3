import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import type { RunningSandbox } from '../../src/index';
import { CURRENCIES } from '../../src/stripe/currencies';
import { TEST_PAYMENT_METHODS } from '../../src/stripe/test-cards';
import { compareKeyPaths } from '../helpers/key-paths';
import { startTestSandbox } from '../helpers/sandbox';
import { STRIPE_SECRET_KEY, stripeFor } from '../helpers/stripe';
import { answerChallenge, confirmLikeStripeJs } from '../helpers/stripe-browser-calls';

// What the sandbox knowingly does not emit, or emits beyond the documented example. The same
// list is in docs/sandbox.md ("Stripe: differences").
const ALLOWED = {
  /** A link to a request in Stripe's Dashboard, which the sandbox does not have. */
  cardErrorMissing: ['request_log_url'],
  /** The event's data.object is whatever object the event is about; compared on its own. */
  eventData: ['data.object'],
} as const;

const documented = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/documented/stripe', name), 'utf8')) as {
    example: Record<string, unknown>;
  } & Record<string, unknown>;

describe('what the sandbox emits, against Stripe’s documented and recorded payloads', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    stripe = stripeFor(sandbox);
  });
  afterAll(() => sandbox.close());

  it('when an intent is created with a payment method, then it has the recorded key set', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'aud',
      payment_method: 'pm_card_mastercard',
    });
    const fixture = documented('payment_intent.requires_confirmation.json').example;
    expect(compareKeyPaths(fixture, intent)).toEqual({ missing: [], extra: [] });
    expect(intent.status).toBe(fixture.status);
  });

  it('when an intent is paid, then the intent, its charge and its payment method have the documented key sets', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(compareKeyPaths(documented('payment_intent.succeeded.json').example, intent)).toEqual({
      missing: [],
      extra: [],
    });
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    expect(compareKeyPaths(documented('charge.openapi.json').example, charge)).toEqual({
      missing: [],
      extra: [],
    });
    const pm = await stripe.paymentMethods.retrieve(String(intent.payment_method));
    expect(compareKeyPaths(documented('payment_method.json').example, pm)).toEqual({
      missing: [],
      extra: [],
    });
    const refund = await stripe.refunds.create({ payment_intent: intent.id });
    expect(compareKeyPaths(documented('refund.openapi.json').example, refund)).toEqual({
      missing: [],
      extra: [],
    });
    const [event] = (await stripe.events.list({ limit: 1 })).data;
    expect(
      compareKeyPaths(documented('event.openapi.json').example, event, {
        missing: ALLOWED.eventData,
        extra: ALLOWED.eventData,
      }),
    ).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(Object.entries(documented('test-cards.json').declines as Record<string, string>))(
    'when card %s is declined, then the error matches the recorded answer %s key for key and value for value',
    async (number, file) => {
      const recorded = documented(file).example.error as Record<string, unknown>;
      const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
      const { status, body } = await fetchConfirm(sandbox, intent.id, number);
      expect(status).toBe(402);
      expect(compareKeyPaths(recorded, body.error, { missing: ALLOWED.cardErrorMissing })).toEqual({
        missing: [],
        extra: [],
      });
      const fields = [
        'type',
        'code',
        'decline_code',
        'message',
        'param',
        'doc_url',
        'advice_code',
        'network_decline_code',
        'network_advice_code',
      ];
      const pick = (e: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, e[f]]));
      expect(pick(body.error)).toEqual(pick(recorded));
    },
  );

  it('when a 3-D Secure challenge fails, then last_payment_error says what Stripe’s Android SDK fixture says', async () => {
    const fixture = documented('payment_intent.authentication_failure.json').example;
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { body } = await confirmLikeStripeJs(
      sandbox,
      intent.client_secret!,
      { number: '4000002760003184' },
      'https://shop.example/return',
    );
    const next = body.next_action as Record<string, unknown>;
    expect(
      compareKeyPaths(
        documented('payment_intent.next_action.redirect_to_url.json').example.next_action,
        next,
      ),
    ).toEqual({ missing: [], extra: [] });
    await answerChallenge((next.redirect_to_url as { url: string }).url, 'fail');
    const failed = await stripe.paymentIntents.retrieve(intent.id);
    const lpe = failed.last_payment_error as unknown as Record<string, unknown>;
    const expected = fixture.last_payment_error as Record<string, unknown>;
    for (const key of ['type', 'code', 'doc_url', 'message']) expect(lpe[key]).toBe(expected[key]);
    expect([failed.status, failed.payment_method, failed.next_action]).toEqual([
      fixture.status,
      null,
      null,
    ]);
  });

  it('when the documented test cards are used, then successes succeed and 3-D Secure cards ask for a challenge', async () => {
    const cards = documented('test-cards.json');
    for (const number of Object.keys(cards.success as object)) {
      const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
      const cvc = number.startsWith('37') ? '1234' : '123';
      expect([
        number,
        (await confirmLikeStripeJs(sandbox, intent.client_secret!, { number, cvc })).body.status,
      ]).toEqual([number, 'succeeded']);
    }
    for (const number of Object.keys(cards.three_d_secure as object)) {
      const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
      expect([
        number,
        (await confirmLikeStripeJs(sandbox, intent.client_secret!, { number })).body.status,
      ]).toEqual([number, 'requires_action']);
    }
    expect(TEST_PAYMENT_METHODS).toEqual(cards.payment_methods);
  });

  it('when keys are used as documented, then 255 characters work, 256 do not, and a mismatch error reads as documented', async () => {
    const facts = documented('idempotency.json');
    const key = (n: number) => 'k'.repeat(n);
    await expect(
      stripe.paymentIntents.create(
        { amount: 1000, currency: 'usd' },
        { idempotencyKey: key(facts.max_length as number) },
      ),
    ).resolves.toBeDefined();
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: key(256) }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const mismatch = stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd' },
      { idempotencyKey: key(255) },
    );
    const expected = facts.mismatch_error as { type: string; message_starts_with: string };
    await expect(mismatch).rejects.toMatchObject({
      rawType: expected.type,
      message: expect.stringMatching(
        new RegExp(`^${expected.message_starts_with.replace(/\./g, '\\.')}`),
      ),
    });
  });

  it('when amounts are checked, then the minimums and zero-decimal currencies are the documented ones', async () => {
    const facts = documented('amounts.json');
    for (const [currency, minimum] of Object.entries(
      facts.minimum_in_minor_units as Record<string, number>,
    )) {
      expect([currency, CURRENCIES[currency]?.minimum]).toEqual([currency, minimum]);
    }
    const zeroDecimal = facts.zero_decimal as string[];
    for (const [currency, { decimals }] of Object.entries(CURRENCIES)) {
      expect([currency, decimals === 0]).toEqual([currency, zeroDecimal.includes(currency)]);
    }
    await expect(
      stripe.paymentIntents.create({ amount: 49, currency: 'usd' }),
    ).rejects.toMatchObject({ raw: facts.usd_minimum_error });
  });

  it('when a challenge returns the buyer, then the return URL carries exactly the documented query parameters', async () => {
    const facts = documented('return-url.json');
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { body } = await confirmLikeStripeJs(
      sandbox,
      intent.client_secret!,
      { number: '4000002500003155' },
      'https://shop.example/r',
    );
    const { location } = await answerChallenge(
      (body.next_action as { redirect_to_url: { url: string } }).redirect_to_url.url,
      'complete',
    );
    const query = new URL(location!).searchParams;
    expect([...query.keys()].sort()).toEqual([...(facts.query as string[])].sort());
    expect(facts.redirect_status).toContain(query.get('redirect_status'));
  });
});

async function fetchConfirm(sandbox: RunningSandbox, intentId: string, number: string) {
  const pm = Object.entries(TEST_PAYMENT_METHODS).find(([, n]) => n === number)?.[0];
  const res = await fetch(`${sandbox.stripeApiBase}/v1/payment_intents/${intentId}/confirm`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${STRIPE_SECRET_KEY}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ payment_method: pm ?? '' }),
  });
  return { status: res.status, body: (await res.json()) as { error: Record<string, unknown> } };
}
