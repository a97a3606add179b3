// Outside sandbox mode the backend must not start on a secret anyone can read: the sandbox's
// published defaults (in .env.example and packages/contracts), placeholders, or short strings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { SANDBOX_DEFAULTS } from '@checkout-lab/contracts/sandbox-defaults';
import { ConfigError, parseConfig } from '../../src/config';
import { fakeKey, fakeSecret } from '../helpers/fake-keys';

const ENV_EXAMPLE = path.resolve(__dirname, '..', '..', '..', '.env.example');
const REAL_KEY_ID = fakeKey('rzp_live', 14);
const REAL_KEY_SECRET = fakeSecret('razorpay key secret', 24); // 24 characters, like Razorpay's
const REAL_WEBHOOK_SECRET = fakeSecret('razorpay webhook secret', 20);

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

const live = (extra: Record<string, string> = {}) => ({
  RAZORPAY_KEY_ID: REAL_KEY_ID,
  RAZORPAY_KEY_SECRET: REAL_KEY_SECRET,
  RAZORPAY_WEBHOOK_SECRET: REAL_WEBHOOK_SECRET,
  ...extra,
});

test('when .env.example is copied and only the key id and secret are changed, then the backend refuses to start naming RAZORPAY_WEBHOOK_SECRET', () => {
  const example = parseEnv(readFileSync(ENV_EXAMPLE, 'utf8'));
  const problems = problemsOf({
    ...example,
    RAZORPAY_KEY_ID: REAL_KEY_ID,
    RAZORPAY_KEY_SECRET: REAL_KEY_SECRET,
  });
  expect(problems).toEqual([expect.stringMatching(/^RAZORPAY_WEBHOOK_SECRET: .*sandbox/)]);
});

test('when real keys come with real-looking secrets, then it starts in live mode', () => {
  expect(problemsOf(live())).toEqual([]);
  expect(parseConfig(live()).mode).toBe('live');
});

test.each(Object.entries(SANDBOX_DEFAULTS).filter(([name]) => name !== 'RAZORPAY_KEY_ID'))(
  'when a live secret equals the sandbox default %s, then startup fails naming the variable',
  (_name, value) => {
    for (const variable of ['RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET']) {
      const problems = problemsOf(live({ [variable]: value }));
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${variable}: .*sandbox`))]);
    }
  },
);

test.each([
  'your-webhook-secret-here',
  'change-me-to-a-long-random-string',
  'changeme-changeme-changeme',
  'xxxxxxxxxxxxxxxxxxxxxxxx',
  'PLACEHOLDER_PLACEHOLDER_',
  '<your razorpay secret!!>',
])('when a live secret is the placeholder %p, then startup fails naming it', (value) => {
  expect(problemsOf(live({ RAZORPAY_WEBHOOK_SECRET: value }))).toEqual([
    expect.stringMatching(/^RAZORPAY_WEBHOOK_SECRET: .*placeholder/),
  ]);
  expect(problemsOf(live({ RAZORPAY_KEY_SECRET: value }))).toEqual([
    expect.stringMatching(/^RAZORPAY_KEY_SECRET: .*placeholder/),
  ]);
});

test('when a live secret is too short to be real, then startup fails naming it and the minimum', () => {
  expect(problemsOf(live({ RAZORPAY_KEY_SECRET: REAL_KEY_SECRET.slice(0, 20) }))).toEqual([
    expect.stringMatching(/^RAZORPAY_KEY_SECRET: .*24 characters/),
  ]);
  expect(problemsOf(live({ RAZORPAY_WEBHOOK_SECRET: 'whsec' }))).toEqual([
    expect.stringMatching(/^RAZORPAY_WEBHOOK_SECRET: .*16 characters/),
  ]);
});

test('when the admin token is still the placeholder from .env.example in live mode, then startup fails', () => {
  expect(problemsOf(live({ ADMIN_TOKEN: 'change-me-to-a-long-random-string' }))).toEqual([
    expect.stringMatching(/^ADMIN_TOKEN: .*placeholder/),
  ]);
});

test('when RupantorPay has a real-looking key that is a placeholder, then startup fails naming it', () => {
  expect(problemsOf({ RUPANTORPAY_API_KEY: 'your-rupantorpay-api-key' })).toEqual([
    expect.stringMatching(/^RUPANTORPAY_API_KEY: .*placeholder/),
  ]);
});

test('when everything is a sandbox default, then the sandbox starts (the defaults are meant for it)', () => {
  const example = parseEnv(readFileSync(ENV_EXAMPLE, 'utf8'));
  expect(problemsOf({ ...example })).toEqual([]);
  expect(parseConfig({ ...example }).mode).toBe('sandbox');
});
