import type { WebhookFormat } from '../webhooks/webhook-format';

/**
 * RupantorPay's webhook is an unsigned JSON hint to the checkout's own `webhook_url` (every event
 * carries fixed targets), so there is nothing to sign and nothing for a fault to tamper with.
 */
export function rupantorpayWebhookFormat(): WebhookFormat {
  return {
    faults: false,
    targets: () => [],
    headers: () => ({
      'Content-Type': 'application/json',
      'User-Agent': 'RupantorPay-Webhook (checkout-lab sandbox)',
    }),
  };
}
