// Webhooks: authenticate on the raw body, store once (the unique (gateway, eventId) insert is
// the idempotency), acknowledge, then apply in the background through the status machine.
import { isDuplicateKey } from '../db/connect';
import { HttpError } from '../errors';
import {
  InvalidWebhookError,
  WebhookSignatureError,
  type GatewayName,
  type ParsedWebhook,
  type WebhookHeaders,
} from '../gateways/gateway';
import { WebhookEventModel, type WebhookEventDocument } from '../models/webhook-event.model';
import type { ServiceContext } from './context';
import { applyWebhook } from './webhook-apply.service';
import { recordRejection } from './webhook-rejection.service';

const LEASE_MS = 30_000;
export const MAX_WEBHOOK_ATTEMPTS = 10;

/** Single-valued headers only: a repeated signature header is not one a gateway sent. */
function singleValued(headers: Record<string, string | string[] | undefined>): WebhookHeaders {
  const result: WebhookHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result[name] = value;
  }
  return result;
}

function pick(headers: WebhookHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/**
 * Unsigned hints (from a gateway that signs nothing) only make us ask it, and anyone can send them: one per
 * transaction per window is stored and verified, however the body is dressed up.
 */
export const HINT_WINDOW_MS = 60_000;

function intakeEventId(parsed: ParsedWebhook, now: number): string {
  if (parsed.kind !== 'payment.hint' || !parsed.refs.paymentId) return parsed.eventId;
  return `hint_${parsed.refs.paymentId}_${Math.floor(now / HINT_WINDOW_MS)}`;
}

export async function receiveWebhook(
  ctx: ServiceContext,
  gatewayName: GatewayName,
  rawBody: Buffer,
  requestHeaders: Record<string, string | string[] | undefined>,
  source = '',
): Promise<{ status: 'received' | 'duplicate' }> {
  const gateway = ctx.gateways.find(gatewayName);
  if (!gateway) {
    throw HttpError.notFound(`No webhook endpoint for "${gatewayName}"`, 'ROUTE_NOT_FOUND');
  }
  const headers = singleValued(requestHeaders);
  const receivedAt = new Date();
  let parsed;
  try {
    parsed = gateway.parseWebhook(rawBody, headers, receivedAt);
  } catch (err) {
    const invalid = err instanceof InvalidWebhookError;
    if (!(err instanceof WebhookSignatureError) && !invalid) throw err;
    // Counted and sampled, never stored one document each: a flood must not grow the inbox.
    await recordRejection(gatewayName, {
      source,
      reason: err.message,
      rawBody,
      claims: err.claims,
    }).catch((e: unknown) => ctx.log.warn({ err: e }, 'could not record a rejected webhook'));
    throw HttpError.badRequest(err.message, invalid ? 'INVALID_WEBHOOK' : 'INVALID_SIGNATURE');
  }

  // #region tutorial:store-event-once
  const eventId = intakeEventId(parsed, receivedAt.getTime());
  let event: WebhookEventDocument;
  try {
    event = await WebhookEventModel.create({
      gateway: gatewayName,
      eventId,
      type: parsed.type,
      signatureValid: parsed.kind !== 'payment.hint',
      // The raw bytes only: the inbox parses them when read, so scans decode half as much.
      rawBody,
      // What the gateway needs to authenticate the event again when it is (re)processed.
      headers: pick(headers, gateway.webhookHeaders),
      receivedAt,
      outcome: 'pending',
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // database trouble: a 503, so the gateway delivers it again later
    // Stored once, changed nothing; the inbox counts it, so a retry or a resend is visible.
    await WebhookEventModel.updateOne(
      { gateway: gatewayName, eventId },
      { $inc: { redeliveries: 1 }, $set: { lastRedeliveredAt: receivedAt } },
    ).catch((e: unknown) => ctx.log.warn({ err: e }, 'could not count a redelivered webhook'));
    return { status: 'duplicate' };
  }
  // #endregion
  // Acknowledged either way: an event the queue turns away stays stored and unprocessed, and the
  // reconcile sweep (retryUnprocessedWebhooks) picks it up.
  ctx.tasks.run(`webhook ${event.eventId}`, () => processWebhookEvent(ctx, event._id));
  return { status: 'received' };
}

/** Processes one stored event, unless it is done or someone else holds its lease. */
export async function processWebhookEvent(
  ctx: ServiceContext,
  eventId: WebhookEventDocument['_id'],
): Promise<void> {
  const now = new Date();
  const event = await WebhookEventModel.findOneAndUpdate(
    {
      _id: eventId,
      processedAt: { $exists: false },
      $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: now } }],
    },
    { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS) }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  );
  if (!event) return;
  try {
    const gateway = ctx.gateways.get(event.gateway);
    const parsed = gateway.parseWebhook(
      Buffer.from(event.rawBody ?? []),
      event.headers ?? {},
      event.receivedAt,
    );
    const { outcome, detail, payment } = await applyWebhook(ctx, gateway, parsed);
    // The inbox links the event to what it was about: our payment and its order.
    const links = payment ? { payment: payment._id, order: payment.order } : {};
    await WebhookEventModel.updateOne(
      { _id: event._id },
      {
        $set: { processedAt: new Date(), outcome, detail, ...links },
        $unset: { leaseUntil: 1, error: 1 },
      },
    );
  } catch (err) {
    ctx.log.error({ err, eventId: event.eventId }, 'webhook processing failed; will retry');
    const exhausted = event.attempts >= MAX_WEBHOOK_ATTEMPTS;
    await WebhookEventModel.updateOne(
      { _id: event._id },
      {
        $set: {
          outcome: 'failed',
          error: (err as Error).message,
          ...(exhausted ? { processedAt: new Date() } : {}),
        },
        $unset: { leaseUntil: 1 },
      },
    ).catch(() => {});
  }
}

/**
 * Events stored but not processed (a crash, the database failing mid-way, or a full queue).
 * Unprocessed events are always `pending` or `failed`: naming both lets the sweep read the
 * {outcome, receivedAt} index instead of every event ever received.
 */
export async function retryUnprocessedWebhooks(ctx: ServiceContext): Promise<number> {
  const stale = await WebhookEventModel.find({
    outcome: { $in: ['pending', 'failed'] },
    processedAt: { $exists: false },
    $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: new Date() } }],
  })
    .sort({ receivedAt: 1 })
    .limit(100);
  for (const event of stale) await processWebhookEvent(ctx, event._id);
  return stale.length;
}
