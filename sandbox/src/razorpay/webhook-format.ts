import type { StoredEvent } from '../store/entities';
import type { WebhookFormat } from '../webhooks/webhook-format';
import { signWebhookBody } from './signer';

/** Razorpay's webhooks: `X-Razorpay-Signature` (hex HMAC of the raw body) and the event id. */
export function razorpayWebhookFormat(
  webhookSecret: string,
  targets: () => string[],
): WebhookFormat {
  return {
    faults: true,
    targets,
    headers: (event: StoredEvent) => ({
      'Content-Type': 'application/json',
      'X-Razorpay-Signature': signWebhookBody(event.body, webhookSecret),
      'X-Razorpay-Event-Id': event.id,
      'User-Agent': 'Razorpay-Webhook/v1 (checkout-lab sandbox)',
    }),
  };
}
