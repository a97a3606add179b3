// The offline sandbox's control API (/_sandbox, docs/sandbox.md), for what only the sandbox can
// do: deliver a stored webhook event again. Real gateways never see these calls.
import { GatewayError } from '../errors';

export async function resendInSandbox(
  gateway: string,
  controlUrl: string,
  eventId: string,
  timeoutMs: number,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${controlUrl}/events/${encodeURIComponent(eventId)}/resend`, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    throw new GatewayError(
      gateway,
      timeout ? 'timeout' : 'network',
      `The sandbox at ${controlUrl} ${timeout ? 'did not answer' : 'could not be reached'}`,
    );
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { error?: { description?: string } };
  throw new GatewayError(
    gateway,
    'rejected',
    body.error?.description ?? `The sandbox answered ${res.status}`,
    { status: res.status, description: body.error?.description },
  );
}

/** `http://127.0.0.1:4010/razorpay` → `http://127.0.0.1:4010/_sandbox` */
export const sandboxControlUrl = (apiBase: string) => `${new URL(apiBase).origin}/_sandbox`;
