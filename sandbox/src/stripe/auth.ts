import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { SandboxConfig } from '../config';
import type { Caller } from './caller';
import { StripeApiError } from './stripe-error';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const unauthorized = (message: string): StripeApiError =>
  new StripeApiError(401, { type: 'invalid_request_error', message });

/** Stripe shows the prefix and last four characters of a key it rejects, never the rest. */
function masked(key: string): string {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return `${prefix}${'*'.repeat(Math.max(0, rest.length - 4))}${rest.slice(-4)}`;
}

/**
 * The key of a request: `Authorization: Bearer <key>` (the SDK), HTTP Basic with the key as the
 * user name (`curl -u sk_test_…:`), or a `key` param (how Stripe.js sends a publishable key).
 */
export function keyTypeOf(
  req: Request,
  params: Record<string, unknown>,
  config: SandboxConfig,
): Caller['key'] {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  const key =
    bearer ??
    (basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined) ??
    (typeof params.key === 'string' ? params.key : undefined);
  if (!key) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (same(key, config.stripeSecretKey)) return 'secret';
  if (same(key, config.stripePublishableKey)) return 'publishable';
  throw unauthorized(`Invalid API Key provided: ${masked(key)}`);
}

export const publishableNotAllowed = (): StripeApiError =>
  unauthorized(
    'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
  );
