import type { StoredEvent } from '../store/entities';

/**
 * What a gateway module tells the delivery engine about its webhooks. The engine stays
 * vendor-neutral: it never knows how a gateway signs, only that headers are asked for per attempt.
 */
export interface WebhookFormat {
  /**
   * The headers of one attempt. Called at send time, so a scheme that signs a timestamp signs
   * each attempt afresh; always computed over the genuine body (a tampered copy keeps them).
   */
  headers(event: StoredEvent, sentAt: Date): Record<string, string>;
  /** Whether the webhook fault modes apply (an unsigned hint has nothing to tamper with). */
  faults: boolean;
  /** Where events go when they carry no fixed targets of their own. */
  targets(): string[];
}

/** One format per gateway, keyed like `StoredEvent.gateway`. */
export type WebhookFormats = Record<StoredEvent['gateway'], WebhookFormat>;
