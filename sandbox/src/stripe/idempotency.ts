import { createHash } from 'node:crypto';
import type { StripeStore } from '../store/stripe.store';
import type { IdempotentResponse } from '../store/stripe-entities';
import { unixNow } from '../store/ids';
import type { Params } from './params';
import { idempotencyError, invalidRequest } from './stripe-error';

/** Key order does not make two requests different; Stripe compares the parameters themselves. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function paramsHash(params: Params): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(params)))
    .digest('hex');
}

/**
 * Stripe's idempotency: the first response for a key is saved and replayed for a retry with the
 * same endpoint and parameters; a different endpoint or different parameters under the same key
 * is an `idempotency_error` and changes nothing. Returns the saved response to replay, if any.
 */
export function replayFor(
  store: StripeStore,
  key: string,
  endpoint: string,
  params: Params,
): IdempotentResponse | null {
  if (key.length > 255) {
    throw invalidRequest(
      `Invalid idempotency key: keys can be at most 255 characters long, but yours is ${key.length}.`,
    );
  }
  const saved = store.findIdempotent(key, unixNow());
  if (!saved) return null;
  if (saved.endpoint !== endpoint) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  if (saved.paramsHash !== paramsHash(params)) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  return saved;
}

/**
 * Stripe saves a response once the endpoint has started executing: successes and card declines
 * (which changed the intent). A request refused while validating changed nothing, so a retry
 * with corrected input may reuse the key.
 */
export function shouldSave(status: number): boolean {
  return status === 200 || status === 402;
}
