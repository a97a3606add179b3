import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { ConfigError, loadConfigFromEnv } from '../../src/config';
import { stripeSignatureHeader } from '../../src/stripe/signer';
import { amountLimitError, CURRENCIES } from '../../src/stripe/currencies';
import {
  behaviourOf,
  brandOf,
  passesLuhn,
  TEST_CARDS,
  TEST_PAYMENT_METHODS,
} from '../../src/stripe/test-cards';
import { paramName, parseParams } from '../../src/stripe/params';
import { intentIdOfSecret, newClientSecret, newStripeId } from '../../src/stripe/stripe-ids';

describe('Stripe pieces', () => {
  it('when a body is signed, then the header is what the SDK’s own test helper computes for it', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' }, null, 2);
    const secret = 'whsec_test_vector_000000000000000000000001';
    const expected = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      timestamp: 1_700_000_000,
    });
    expect(stripeSignatureHeader(payload, secret, 1_700_000_000)).toBe(expected);
  });

  it('when no Stripe variable is set, then sandbox keys and the backend’s Stripe webhook route are the defaults', () => {
    const config = loadConfigFromEnv({ PORT: '4100' });
    expect(config.stripeSecretKey).toMatch(/^sk_test_sandbox\w+$/);
    expect(config.stripePublishableKey).toMatch(/^pk_test_sandbox\w+$/);
    expect(config.stripeWebhookSecret).toMatch(/^whsec_sandbox\w+$/);
    expect(config.stripeWebhookUrls).toEqual(['http://127.0.0.1:4100/api/webhooks/stripe']);
  });

  it('when .env.example is read, then its Stripe values are the sandbox defaults', () => {
    const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
    const value = (name: string) => new RegExp(`^${name}=(\\S+)`, 'm').exec(example)?.[1];
    expect(loadConfigFromEnv({})).toMatchObject({
      stripeSecretKey: value('STRIPE_SECRET_KEY'),
      stripePublishableKey: value('STRIPE_PUBLISHABLE_KEY'),
      stripeWebhookSecret: value('STRIPE_WEBHOOK_SECRET'),
    });
    expect(value('STRIPE_SECRET_KEY')).toBeDefined();
  });

  it('when Stripe variables are set, then they are used, and a key of the wrong shape is a config error', () => {
    const config = loadConfigFromEnv({
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      SANDBOX_STRIPE_WEBHOOK_URLS: 'none',
    });
    expect(config).toMatchObject({ stripeSecretKey: 'sk_test_abc123', stripeWebhookUrls: [] });
    expect(() => loadConfigFromEnv({ STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(ConfigError);
    expect(() => loadConfigFromEnv({ STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(
      /stripeWebhookSecret/,
    );
  });

  it('when the test cards are read, then every number passes Luhn and every test PaymentMethod names one of them', () => {
    for (const number of Object.keys(TEST_CARDS))
      expect([number, passesLuhn(number)]).toEqual([number, true]);
    for (const number of Object.values(TEST_PAYMENT_METHODS))
      expect(TEST_CARDS[number]).toBeDefined();
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(behaviourOf('4111111111111111')).toMatchObject({
      decline: { decline_code: 'test_mode_live_card' },
    });
    expect(['4242424242424242', '5555555555554444', '378282246310005'].map(brandOf)).toEqual([
      'visa',
      'mastercard',
      'amex',
    ]);
  });

  it('when an amount is checked, then the minimum is per currency in its smallest unit', () => {
    expect(amountLimitError(50, 'usd')).toBeNull();
    expect(amountLimitError(49, 'usd')?.body).toMatchObject({
      code: 'amount_too_small',
      message: 'Amount must be at least $0.50 usd',
    });
    expect(amountLimitError(29, 'gbp')?.body.message).toBe('Amount must be at least £0.30 gbp');
    expect(amountLimitError(50, 'jpy')).toBeNull();
    expect(CURRENCIES.jpy?.decimals).toBe(0);
  });

  it('when bracketed form params are parsed, then qs builds the nested objects Stripe means', () => {
    expect(
      parseParams(
        'amount=100&metadata[order_id]=o1&expand[0]=latest_charge&expand[]=payment_method&payment_method_data[card][number]=4242',
      ),
    ).toEqual({
      amount: '100',
      metadata: { order_id: 'o1' },
      expand: ['latest_charge', 'payment_method'],
      payment_method_data: { card: { number: '4242' } },
    });
    expect(parseParams('__proto__[polluted]=1')).toEqual({});
    expect(paramName(['payment_method_data', 'card', 'number'])).toBe(
      'payment_method_data[card][number]',
    );
  });

  it('when ids are made, then they have Stripe’s shapes and the intent id can be read off a client secret', () => {
    const id = newStripeId('pi');
    expect(id).toMatch(/^pi_[0-9A-Za-z]{24}$/);
    expect(intentIdOfSecret(newClientSecret(id))).toBe(id);
    expect(intentIdOfSecret('pi_x_secret_')).toBeNull();
  });
});
