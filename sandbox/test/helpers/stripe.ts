import Stripe from 'stripe';
import type { RunningSandbox } from '../../src/index';

export const STRIPE_SECRET_KEY = 'sk_test_sandbox00000000000000000000000001';
export const STRIPE_PUBLISHABLE_KEY = 'pk_test_sandbox00000000000000000000000001';
export const STRIPE_WEBHOOK_SECRET = 'whsec_sandbox0000000000000000000000000001';

/** The official SDK, unchanged but for host, port and protocol, as the backend configures it. */
export function stripeFor(sandbox: RunningSandbox, key = STRIPE_SECRET_KEY): Stripe {
  const { hostname, port } = new URL(sandbox.url);
  return new Stripe(key, { host: hostname, port: Number(port), protocol: 'http' });
}
