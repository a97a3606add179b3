import type { StoredEvent } from '../store/entities';
import type { WebhookFormat } from '../webhooks/webhook-format';
import { stripeSignatureHeader } from './signer';

/**
 * Stripe signs every attempt at the moment it is sent (a retry carries a new `t=`), so a receiver
 * enforcing the 300 s tolerance still accepts a late retry but never a captured, replayed request.
 */
export function stripeWebhookFormat(webhookSecret: string, targets: () => string[]): WebhookFormat {
  return {
    faults: true,
    targets,
    headers: (event: StoredEvent, sentAt: Date) => ({
      'Content-Type': 'application/json; charset=utf-8',
      'Stripe-Signature': stripeSignatureHeader(
        event.body,
        webhookSecret,
        Math.floor(sentAt.getTime() / 1000),
      ),
      'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) checkout-lab-sandbox',
    }),
  };
}
