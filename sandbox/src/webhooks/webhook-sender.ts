import { signWebhookBody } from '../razorpay/signer';
import type { StoredEvent } from '../store/entities';

export interface SendResult {
  /** HTTP status, or null when no response came back. */
  status: number | null;
  error: string | null;
  startedAt: Date;
  durationMs: number;
}

/** The headers each gateway sends with its webhooks; Razorpay's are signed, RupantorPay's are not. */
export function webhookHeaders(event: StoredEvent, webhookSecret: string): Record<string, string> {
  if (event.gateway !== 'razorpay') {
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'RupantorPay-Webhook (checkout-lab sandbox)',
    };
  }
  return {
    'Content-Type': 'application/json',
    // Always over the genuine body: a tampered copy keeps a signature it does not match.
    'X-Razorpay-Signature': signWebhookBody(event.body, webhookSecret),
    'X-Razorpay-Event-Id': event.id,
    'User-Agent': 'Razorpay-Webhook/v1 (checkout-lab sandbox)',
  };
}

/** One POST with a timeout; never throws. `controller` lets the caller abort it on shutdown. */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  controller: AbortController,
): Promise<SendResult> {
  const startedAt = new Date();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  timer.unref();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (err) {
    if (timedOut) error = `timed out after ${timeoutMs} ms`;
    else if (controller.signal.aborted) error = 'sandbox closed';
    else error = describeFetchError(err);
  } finally {
    clearTimeout(timer);
  }
  return { status, error, startedAt, durationMs: Date.now() - startedAt.getTime() };
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? 'request failed';
}
