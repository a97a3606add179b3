// The Stripe gateway's translation, held to Stripe's own documented and recorded payloads (the
// sandbox's fixtures, each naming its source), and its webhook check held to the SDK's signer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { WebhookSignatureError } from '../../src/gateways/gateway';
import { fromStripeAmount, stripeDigits, toStripeAmount } from '../../src/gateways/stripe.amounts';
import { StripeGateway } from '../../src/gateways/stripe.gateway';
import {
  chargeToPayment,
  declinedAttempt,
  intentToPayment,
  interpretStripeEvent,
  toGatewayRefund,
} from '../../src/gateways/stripe.mappers';
import { stripeJsUrlForSdk } from '../../src/gateways/stripe.sdk';
import {
  stripeChargeSchema,
  stripeIntentSchema,
  stripeRefundSchema,
} from '../../src/gateways/stripe.schemas';
import { parseConfig } from '../../src/config';
import { gatewaysFromConfig } from '../../src/gateways/registry';
import { createLogger } from '../../src/logger';
import { fakeKey } from '../helpers/fake-keys';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'sandbox/test/fixtures/documented/stripe');
const documented = (name: string) =>
  (JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as { example: unknown }).example;

const succeeded = stripeIntentSchema.parse(documented('payment_intent.succeeded.json'));

const secret = 'whsec_unit_test_secret_000000000000';
const gateway = new StripeGateway(
  {
    secretKey: 'sk_test_sandbox00000000000000000000000001',
    publishableKey: 'pk_test_sandbox00000000000000000000000001',
    webhookSecret: secret,
    apiBase: 'http://127.0.0.1:9',
    jsUrl: 'http://localhost:4010/stripe/v3/',
    publicBaseUrl: 'http://localhost:5173',
    timeoutMs: 1000,
  },
  createLogger('silent'),
);

describe('Stripe objects as our payments', () => {
  test('when a recorded succeeded intent is read, then it is one captured payment named by the intent', () => {
    expect(intentToPayment(succeeded)).toMatchObject({
      paymentId: succeeded.id,
      orderId: succeeded.id,
      status: 'captured',
      amount: 1000,
      currency: 'AUD',
      amountRefunded: 0,
    });
  });

  test('when a recorded decline is read, then the intent stays open and the try is a failed payment named by its charge', () => {
    const { error } = documented('card-error.insufficient-funds.json') as {
      error: { payment_intent: unknown; charge: string; message: string };
    };
    const intent = stripeIntentSchema.parse(error.payment_intent);
    expect(intentToPayment(intent).status).toBe('created');
    expect(declinedAttempt(intent)).toMatchObject({
      paymentId: error.charge,
      orderId: intent.id,
      status: 'failed',
      error: {
        code: 'card_declined',
        reason: 'insufficient_funds',
        description: error.message,
      },
    });
  });

  test('when a failed 3-D Secure challenge is read, then nothing was charged and the intent stays payable', () => {
    // Stripe's Android SDK keeps only the fields that change; the rest is a recorded intent.
    const failed = stripeIntentSchema.parse({
      ...(documented('payment_intent.succeeded.json') as object),
      ...(documented('payment_intent.authentication_failure.json') as object),
      latest_charge: null,
    });
    expect(failed.status).toBe('requires_payment_method');
    expect(intentToPayment(failed).status).toBe('created');
    expect(declinedAttempt(failed)).toBeUndefined();
  });

  test('when a documented charge or refund is read, then a charge without an intent is not ours and a refund names what it refunded', () => {
    const charge = stripeChargeSchema.parse(documented('charge.openapi.json'));
    expect(chargeToPayment(charge)).toBeUndefined();
    expect(
      chargeToPayment({ ...charge, payment_intent: 'pi_1', amount_refunded: 40 }),
    ).toMatchObject({
      paymentId: 'pi_1',
      status: 'captured',
      amount: 100,
      amountRefunded: 40,
      currency: 'USD',
    });
    expect(chargeToPayment({ ...charge, payment_intent: 'pi_1', refunded: true })!.status).toBe(
      'refunded',
    );
    const refund = stripeRefundSchema.parse(documented('refund.openapi.json'));
    expect(toGatewayRefund(refund)).toMatchObject({
      refundId: refund.id,
      paymentId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
      status: 'processed',
      amount: 100,
    });
    expect(toGatewayRefund({ ...refund, payment_intent: 'pi_2', status: 'pending' })).toMatchObject(
      { paymentId: 'pi_2', status: 'pending' },
    );
  });

  test('when a documented event of a type the shop does not use is read, then it is unsupported', () => {
    const event = documented('event.openapi.json') as { id: string; type: string };
    expect(interpretStripeEvent(event, 'body_x')).toMatchObject({
      eventId: event.id,
      type: event.type,
      kind: 'unsupported',
    });
    expect(interpretStripeEvent({ nope: true }, 'body_x')).toMatchObject({ eventId: 'body_x' });
  });

  test('when payment_intent.succeeded carries the intent, then it is a capture of exactly its amount', () => {
    const parsed = interpretStripeEvent(
      {
        id: 'evt_1',
        object: 'event',
        type: 'payment_intent.succeeded',
        created: 1,
        data: { object: succeeded },
      },
      'body_x',
    );
    expect(parsed).toMatchObject({
      kind: 'payment.captured',
      refs: { orderId: succeeded.id, paymentId: succeeded.id },
      amount: 1000,
    });
  });
});

describe('amounts in Stripe’s units', () => {
  test('when the shop’s currencies are sent, then minor units are Stripe’s units unchanged', () => {
    for (const currency of ['USD', 'INR', 'BDT']) {
      expect(toStripeAmount(2599, currency, 2)).toBe(2599);
      expect(fromStripeAmount(2599, currency, 2)).toBe(2599);
    }
  });

  test('when a zero-decimal currency is added with 0 digits, then whole yen go to Stripe as they are', () => {
    expect(stripeDigits('jpy')).toBe(0);
    expect(toStripeAmount(1500, 'JPY', 0)).toBe(1500);
    expect(fromStripeAmount(1500, 'jpy', 0)).toBe(1500);
    // Yen kept in hundredths would charge a hundred times too little: refused, never rounded.
    expect(() => toStripeAmount(150000, 'JPY', 2)).toThrow(/cannot take JPY/);
  });

  test('when a currency is one of Stripe’s special cases, then the documented unit is used', () => {
    expect(toStripeAmount(500, 'ISK', 0)).toBe(50000); // ISK: zero-decimal, sent with two
    expect(fromStripeAmount(50000, 'ISK', 0)).toBe(500);
    expect(() => fromStripeAmount(50001, 'ISK', 0)).toThrow(/not a whole/);
    expect(toStripeAmount(1230, 'BHD', 3)).toBe(1230); // three-decimal, in tens
    expect(() => toStripeAmount(1234, 'BHD', 3)).toThrow(/tens/);
  });
});

describe('webhook signatures', () => {
  const signer = new Stripe('sk_test_x');
  const body = JSON.stringify({
    id: 'evt_unit',
    object: 'event',
    type: 'payment_intent.succeeded',
    created: 1,
    data: { object: succeeded },
  });
  const sign = (payload: string, timestamp: number, key = secret) => ({
    'stripe-signature': signer.webhooks.generateTestHeaderString({
      payload,
      secret: key,
      timestamp,
    }),
  });

  test('when a stored event is processed long after it arrived, then its signature is judged at its arrival', () => {
    const arrived = Math.floor(Date.now() / 1000) - 3600;
    const headers = sign(body, arrived);
    const parsed = gateway.parseWebhook(Buffer.from(body), headers, new Date((arrived + 2) * 1000));
    expect(parsed).toMatchObject({ eventId: 'evt_unit', kind: 'payment.captured' });
    // The same bytes arriving now are a replay outside the 300-second tolerance.
    expect(() => gateway.parseWebhook(Buffer.from(body), headers, new Date())).toThrow(
      WebhookSignatureError,
    );
  });

  test('when the header is missing, the secret is another or the bytes differ, then it is refused', () => {
    const now = Math.floor(Date.now() / 1000);
    const at = new Date();
    expect(() => gateway.parseWebhook(Buffer.from(body), {}, at)).toThrow(/missing/);
    expect(() =>
      gateway.parseWebhook(Buffer.from(body), sign(body, now, 'whsec_other'), at),
    ).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(Buffer.from(`${body} `), sign(body, now), at)).toThrow(
      WebhookSignatureError,
    );
  });

  test('when genuinely signed bytes are not JSON, then they are kept as unsupported, not trusted', () => {
    const raw = 'not json';
    const parsed = gateway.parseWebhook(
      Buffer.from(raw),
      sign(raw, Math.floor(Date.now() / 1000)),
      new Date(),
    );
    expect(parsed).toMatchObject({ kind: 'unsupported', eventId: expect.stringMatching(/^body_/) });
  });
});

describe('Stripe.js', () => {
  test('when no STRIPE_JS_URL is set, then the browser gets the Stripe.js release of the SDK’s API version, the one @stripe/stripe-js expects', () => {
    expect(stripeJsUrlForSdk('2026-10-28.endive')).toBe('https://js.stripe.com/endive/stripe.js');
    const loader = readFileSync(
      path.join(ROOT, 'node_modules/@stripe/stripe-js/dist/pure.js'),
      'utf8',
    );
    const train = /RELEASE_TRAIN = '([a-z0-9]+)'/.exec(loader)?.[1];
    expect(stripeJsUrlForSdk()).toBe(`https://js.stripe.com/${train}/stripe.js`);
  });

  test('when the script is Stripe’s, then the CSP allows Stripe’s documented origins; in the sandbox only the sandbox', () => {
    const live = new StripeGateway(
      {
        secretKey: 'sk_test_51AbC',
        publishableKey: 'pk_test_51AbC',
        webhookSecret: 'whsec_x',
        apiBase: 'https://api.stripe.com',
        publicBaseUrl: 'https://shop.example.com',
        timeoutMs: 1000,
      },
      createLogger('silent'),
    );
    expect(live.browserOrigins).toEqual(
      expect.arrayContaining([
        'https://js.stripe.com',
        'https://api.stripe.com',
        'https://hooks.stripe.com',
      ]),
    );
    expect(live.publicInfo().scriptUrl).toMatch(/^https:\/\/js\.stripe\.com\//);
    expect(gateway.browserOrigins).toEqual(['http://localhost:4010']);
  });
});

describe('registration', () => {
  const names = (env: Record<string, string>) =>
    gatewaysFromConfig(parseConfig(env), createLogger('silent'))
      .list()
      .map((g) => g.name);
  const liveRazorpay = {
    RAZORPAY_KEY_ID: fakeKey('rzp_test', 14),
    RAZORPAY_KEY_SECRET: 'a-real-looking-key-secret-of-24',
    RAZORPAY_WEBHOOK_SECRET: 'a-real-looking-webhook-secret',
  };

  test('when Razorpay is live and Stripe still has the sandbox’s keys, then Stripe is left out; with real Stripe keys it is in', () => {
    expect(names({})).toEqual(['razorpay', 'rupantorpay', 'stripe']);
    expect(names(liveRazorpay)).toEqual(['razorpay']);
    expect(
      names({
        ...liveRazorpay,
        STRIPE_SECRET_KEY: fakeKey('sk_test', 38),
        STRIPE_PUBLISHABLE_KEY: fakeKey('pk_test', 24),
        STRIPE_WEBHOOK_SECRET: fakeKey('whsec', 32),
      }),
    ).toEqual(['razorpay', 'stripe']);
  });
});
