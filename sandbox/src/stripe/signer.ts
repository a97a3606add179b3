import { createHmac } from 'node:crypto';

/**
 * Stripe's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed
 * with the endpoint's `whsec_…` secret, as `stripe.webhooks.constructEvent` verifies it. The
 * timestamp is inside the MAC, so a receiver can refuse old (replayed) deliveries.
 */
export function stripeSignatureHeader(
  rawBody: string,
  webhookSecret: string,
  timestamp: number,
): string {
  const v1 = createHmac('sha256', webhookSecret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
