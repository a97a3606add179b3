export interface SendResult {
  /** HTTP status, or null when no response came back. */
  status: number | null;
  error: string | null;
  startedAt: Date;
  durationMs: number;
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
