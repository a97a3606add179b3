// The official Stripe SDK, pointed at the configured API base through its own host, port and
// protocol options (the sandbox by default; nothing patched), and its errors as ours.
import Stripe from 'stripe';
import { GatewayError } from '../errors';

export { Stripe };

/** Stripe's Content Security Policy (https://docs.stripe.com/security/guide#content-security-policy). */
export const STRIPE_BROWSER_ORIGINS = [
  'https://js.stripe.com',
  'https://*.js.stripe.com',
  'https://api.stripe.com',
  'https://hooks.stripe.com',
];

export function createStripeClient(secretKey: string, apiBase: string, timeoutMs: number): Stripe {
  const base = new URL(apiBase);
  const http = base.protocol === 'http:';
  return new Stripe(secretKey, {
    host: base.hostname,
    port: Number(base.port || (http ? 80 : 443)),
    protocol: http ? 'http' : 'https',
    timeout: timeoutMs,
    // The SDK retries network errors and 5xx itself, with an idempotency key on every POST.
    maxNetworkRetries: 2,
    telemetry: false,
    appInfo: { name: 'Checkout Lab' },
  });
}

/** Stripe.js is versioned like the API (….endive → js.stripe.com/endive/stripe.js). */
export function stripeJsUrlForSdk(apiVersion: string = Stripe.API_VERSION): string {
  const release = apiVersion.split('.')[1];
  return release ? `https://js.stripe.com/${release}/stripe.js` : 'https://js.stripe.com/v3/';
}

/** A connection failure stays `network` (undefined: callGateway's default); any answer is `rejected`. */
export function toStripeGatewayError(err: unknown): GatewayError | undefined {
  if (!(err instanceof Stripe.errors.StripeError)) return undefined;
  if (err instanceof Stripe.errors.StripeConnectionError) return undefined;
  return new GatewayError('stripe', 'rejected', err.message, {
    status: err.statusCode,
    code: err.code ?? err.rawType,
    description: err.message,
    reason: err.decline_code,
    field: err.param,
  });
}
