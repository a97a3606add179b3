// What a refused webhook delivery says about itself, read without trusting it: the inbox shows
// "claimed payment.captured" for a forgery instead of an anonymous "rejected".
import type { WebhookClaims } from './gateway';

const PLAIN = /^[\w.:-]{1,100}$/;
const plain = (value: unknown) =>
  typeof value === 'string' && PLAIN.test(value) ? value : undefined;

/** Reads `fields.type` (and `fields.id`, unless a header names the event) from a JSON body. */
export function claimsOf(
  rawBody: Buffer,
  fields: { type: string; id?: string },
  eventIdHeader?: string,
): WebhookClaims {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: it claims nothing we can show
  }
  const type = plain(body[fields.type]);
  const eventId = plain(eventIdHeader) ?? (fields.id ? plain(body[fields.id]) : undefined);
  return { ...(type ? { type } : {}), ...(eventId ? { eventId } : {}) };
}
