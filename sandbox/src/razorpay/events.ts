import type { Order, Payment, Refund, StoredEvent } from '../store/entities';
import { newId, unixNow } from '../store/ids';

export const RAZORPAY_EVENTS = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
] as const;
export type RazorpayEventType = (typeof RAZORPAY_EVENTS)[number];

/** The sandbox's merchant account id, shown in every event like a real account's would be. */
export const SANDBOX_ACCOUNT_ID = 'acc_SandboxAccnt01';

interface EventEntities {
  payment?: Payment;
  order?: Order;
  refund?: Refund;
}

/**
 * Builds an event the way Razorpay shapes it (`entity: "event"`, `contains`, `payload.*.entity`,
 * `created_at`). Entities are copied, because the payload is a snapshot of the moment the event
 * happened: a `payment.authorized` payload still says `authorized` after the capture.
 */
export function buildRazorpayEvent(type: RazorpayEventType, entities: EventEntities): StoredEvent {
  // Razorpay lists refund/payment and payment/order in this order; keep it so payloads diff cleanly.
  const order: (keyof EventEntities)[] = ['refund', 'payment', 'order'];
  const contains = order.filter((k) => entities[k] !== undefined);
  const payload: Record<string, { entity: unknown }> = {};
  for (const key of contains) payload[key] = { entity: structuredClone(entities[key]) };
  // Webhooks carry the card object for card payments and no `card` key for any other method.
  const payment = payload.payment?.entity as { card?: unknown } | undefined;
  if (payment && payment.card === null) delete payment.card;
  const createdAt = unixNow();
  const body = JSON.stringify({
    entity: 'event',
    account_id: SANDBOX_ACCOUNT_ID,
    event: type,
    contains,
    payload,
    created_at: createdAt,
  });
  return {
    id: newId('evt'),
    gateway: 'razorpay',
    type,
    body,
    targets: null,
    created_at: createdAt,
  };
}
