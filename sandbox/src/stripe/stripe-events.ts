import type { SandboxContext } from '../context';
import type { StoredEvent } from '../store/entities';
import { unixNow } from '../store/ids';
import { newStripeId } from './stripe-ids';

/** The event types the sandbox raises (a subset of Stripe's). */
export const STRIPE_EVENTS = [
  'payment_intent.created',
  'payment_intent.requires_action',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'charge.succeeded',
  'charge.failed',
  'charge.refunded',
  'refund.created',
] as const;
export type StripeEventType = (typeof STRIPE_EVENTS)[number];

/**
 * Events carry one API version, like an account's default. This is the version the `stripe`
 * Node SDK pinned when the sandbox was written; the shapes do not change with it.
 */
export const SANDBOX_API_VERSION = '2026-10-28.endive';

/** The API request that caused an event (`request` in Stripe's event); null from a browser page. */
export interface RequestInfo {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const NO_REQUEST: RequestInfo = { requestId: null, idempotencyKey: null };

/**
 * An event as Stripe shapes it (`object: "event"`, `data.object`, `request`). The object is a
 * snapshot of that moment, and the body is pretty-printed like Stripe's, so a receiver that
 * re-serialises JSON instead of verifying the raw bytes fails the signature check.
 */
export function buildStripeEvent(
  ctx: SandboxContext,
  type: StripeEventType,
  object: unknown,
  request: RequestInfo,
): StoredEvent {
  const id = newStripeId('evt');
  const created = unixNow();
  const event = {
    id,
    object: 'event',
    api_version: SANDBOX_API_VERSION,
    created,
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: ctx.settings.stripeWebhookUrls.length,
    request: { id: request.requestId, idempotency_key: request.idempotencyKey },
    type,
  };
  return {
    id,
    gateway: 'stripe',
    type,
    body: JSON.stringify(event, null, 2),
    targets: null,
    created_at: created,
  };
}
