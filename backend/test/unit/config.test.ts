import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';

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
      RAZORPAY_KEY_ID: 'rzp_test_AbCdEfGhIjKlMn',
      RAZORPAY_KEY_SECRET: 'k8Jd2nQ4vX7pL1sT9wE3rY6u',
      RAZORPAY_WEBHOOK_SECRET: 'tb7Vq2Lx9Nw4Kc8Rz1Hm',
    });
    expect(config.mode).toBe('live');
    expect(config.razorpay.apiBase).toBe('https://api.razorpay.com');
    expect(config.razorpay.checkoutUrl).toBe('https://checkout.razorpay.com/v1/checkout.js');
  });

  test('when real keys come without a webhook secret, then startup fails naming it', () => {
    expect(() =>
      parseConfig({ RAZORPAY_KEY_ID: 'rzp_test_AbCdEfGhIjKlMn', RAZORPAY_KEY_SECRET: 's' }),
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
