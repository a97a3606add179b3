import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';
import { fakeKey, fakeSecret } from '../helpers/fake-keys';

describe('parseConfig', () => {
  test('when nothing is set, then it runs the sandbox with its default keys and ports', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.port).toBe(4000);
    expect(config.razorpay.keyId).toMatch(/^rzp_test_sandbox/);
    expect(config.razorpay.apiBase).toBe('http://127.0.0.1:4010/razorpay');
    expect(config.razorpay.checkoutUrl).toBe('http://localhost:4010/razorpay/checkout.js');
    expect(config.rupantorpay.apiBase).toBe('http://127.0.0.1:4010/rupantorpay/api');
    expect(config.adminTokenGenerated).toBe(true);
    expect(config.adminToken.length).toBeGreaterThanOrEqual(24);
    expect(config.corsOrigins).toContain('http://localhost:5173');
  });

  test('when real keys are set, then it talks to the real Razorpay', () => {
    const config = parseConfig({
      RAZORPAY_KEY_ID: fakeKey('rzp_test', 14),
      RAZORPAY_KEY_SECRET: fakeSecret('razorpay key secret', 24),
      RAZORPAY_WEBHOOK_SECRET: fakeSecret('razorpay webhook secret', 20),
    });
    expect(config.mode).toBe('live');
    expect(config.razorpay.apiBase).toBe('https://api.razorpay.com');
    expect(config.razorpay.checkoutUrl).toBe('https://checkout.razorpay.com/v1/checkout.js');
  });

  test('when real keys come without a webhook secret, then startup fails naming it', () => {
    expect(() =>
      parseConfig({ RAZORPAY_KEY_ID: fakeKey('rzp_test', 14), RAZORPAY_KEY_SECRET: 's' }),
    ).toThrow(/RAZORPAY_WEBHOOK_SECRET/);
  });

  test('when several variables are malformed, then every problem is listed at once', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        MONGODB_URI: 'postgres://nope',
        RAZORPAY_KEY_ID: 'not-a-key',
        PUBLIC_BASE_URL: 'ftp://example.com',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'MONGODB_URI', 'RAZORPAY_KEY_ID', 'PUBLIC_BASE_URL']) {
      expect(problems).toContain(name);
    }
  });

  test('when NODE_ENV is production without ADMIN_TOKEN, then startup fails', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN/);
  });

  test('when NODE_ENV is production without MONGODB_URI, then startup fails naming it and the local way', () => {
    const attempt = () => parseConfig({ NODE_ENV: 'production', ADMIN_TOKEN: 'a'.repeat(32) });
    expect(attempt).toThrow(/MONGODB_URI: required when NODE_ENV=production/);
    expect(attempt).toThrow(/npm run dev/);
  });

  test('when NODE_ENV is production with MONGODB_URI, then it is accepted', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      ADMIN_TOKEN: 'a'.repeat(32),
      MONGODB_URI: 'mongodb://db.example:27017',
    });
    expect(config.mongodbUri).toBe('mongodb://db.example:27017');
  });

  test('when no Stripe keys are set, then Stripe is the sandbox’s, on loopback', () => {
    const { stripe } = parseConfig({});
    expect(stripe).toMatchObject({
      sandbox: true,
      apiBase: 'http://127.0.0.1:4010',
      jsUrl: 'http://localhost:4010/stripe/v3/',
      secretKey: expect.stringMatching(/^sk_test_sandbox/),
      publishableKey: expect.stringMatching(/^pk_test_sandbox/),
      webhookSecret: expect.stringMatching(/^whsec_sandbox/),
    });
  });

  const realStripe = {
    STRIPE_SECRET_KEY: fakeKey('sk_test', 24),
    STRIPE_PUBLISHABLE_KEY: fakeKey('pk_test', 24),
    STRIPE_WEBHOOK_SECRET: fakeKey('whsec', 32),
  };

  test('when real Stripe test keys are set, then Stripe’s own API is used, whatever Razorpay’s keys are', () => {
    const { stripe, mode } = parseConfig(realStripe);
    expect(mode).toBe('sandbox');
    expect(stripe).toMatchObject({ sandbox: false, apiBase: 'https://api.stripe.com' });
    expect(stripe.jsUrl).toBeUndefined(); // the gateway picks its SDK's Stripe.js release
  });

  test('when a real Stripe key comes without its publishable key or webhook secret, or with a live publishable key, then startup names each', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return '';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    const alone = problems({ STRIPE_SECRET_KEY: realStripe.STRIPE_SECRET_KEY });
    expect(alone).toMatch(/STRIPE_PUBLISHABLE_KEY: required/);
    expect(alone).toMatch(/STRIPE_WEBHOOK_SECRET: required/);
    expect(problems({ ...realStripe, STRIPE_PUBLISHABLE_KEY: 'pk_live_51AbCdEf' })).toMatch(
      /STRIPE_PUBLISHABLE_KEY: must be a pk_test_/,
    );
    expect(
      problems({
        ...realStripe,
        STRIPE_PUBLISHABLE_KEY: 'pk_test_sandbox00000000000000000000000001',
      }),
    ).toMatch(/STRIPE_PUBLISHABLE_KEY: required/);
    expect(problems({ STRIPE_SECRET_KEY: 'sk_nope' })).toMatch(/STRIPE_SECRET_KEY: must look like/);
  });

  test('when the sandbox’s Stripe keys are pointed away from this machine, then startup refuses', () => {
    expect(() => parseConfig({ STRIPE_API_BASE: 'https://api.stripe.com' })).toThrow(
      /STRIPE_API_BASE: the sandbox's Stripe keys only go to the local sandbox/,
    );
    expect(parseConfig({ STRIPE_API_BASE: 'http://localhost:4999' }).stripe.apiBase).toBe(
      'http://localhost:4999',
    );
  });

  test('when an empty value is given, then it counts as unset', () => {
    expect(parseConfig({ MONGODB_URI: '', SMTP_URL: '' }).mongodbUri).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  test('when it is unset, then no proxy is trusted', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
  });

  test.each([
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['2', 2],
    ['false', false],
  ])('when it is %p, then Express gets %p', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  test.each(['everyone', '10.0.0.0/8/1', 'loopback/8', 'true'])(
    'when it is %p, then startup fails naming TRUST_PROXY',
    (value) => {
      expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('server startup', () => {
  test('when the environment is malformed, then the process exits 1 with a readable list', () => {
    const backend = path.resolve(__dirname, '..', '..');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(backend, 'src', 'server.ts')],
      {
        cwd: backend,
        env: { PATH: process.env.PATH, PORT: 'not-a-port', RAZORPAY_KEY_ID: 'wrong' },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/- PORT: /);
    expect(result.stderr).toMatch(/- RAZORPAY_KEY_ID: .*rzp_test_/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
