// `npm run webhooks:check [url]`: proves a webhook endpoint before the dashboard is touched.
// It sends a correctly signed sample Razorpay event and a forged one, and says what came back,
// whether the backend stored the event, and what to fix when something is off.
import { createHmac, randomBytes } from 'node:crypto';

export interface CheckDeps {
  /** The webhook URL, or a base URL (the tunnel's) to which /api/webhooks/razorpay is added. */
  url: string;
  webhookSecret: string;
  /** Lets the check confirm the event was stored; optional. */
  adminToken?: string;
  fetch: typeof fetch;
  print(line: string): void;
  /** How long to wait for the backend to process the sample (background processing). */
  settleMs?: number;
}

const sign = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('hex');

export function webhookUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/api\/webhooks\/[a-z]+$/.test(trimmed) ? trimmed : `${trimmed}/api/webhooks/razorpay`;
}

/**
 * A payment.failed for a payment no shop has: stored and marked unknown_order, harmlessly. A
 * failure moves no money, so it is applied without asking the gateway (a capture would be
 * confirmed with the gateway first), and the check works whatever the gateway knows.
 */
export function sampleEvent(eventId: string): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    entity: 'event',
    account_id: 'acc_WebhookCheck01',
    event: 'payment.failed',
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: `pay_Check${eventId.slice(-9)}`,
          entity: 'payment',
          amount: 100,
          currency: 'INR',
          status: 'failed',
          order_id: 'order_WebhookCheck0',
          method: 'card',
          captured: false,
          error_code: 'BAD_REQUEST_ERROR',
          error_description: 'Sample failure sent by npm run webhooks:check',
          amount_refunded: 0,
          refund_status: null,
          notes: { purpose: 'npm run webhooks:check' },
          created_at: now,
        },
      },
    },
    created_at: now,
  });
}

async function post(
  deps: CheckDeps,
  url: string,
  body: string,
  signature: string,
  eventId: string,
) {
  try {
    const res = await deps.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-razorpay-signature': signature,
        'x-razorpay-event-id': eventId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    return {
      status: 0,
      text:
        err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err),
    };
  }
}

/** Our backend's own 404 names the code; anything else answering 404 is another server. */
const isOurNotFound = (text: string) => text.includes('ROUTE_NOT_FOUND');

function hintFor(status: number, text: string, url: string): string {
  if (status === 0)
    return `Nothing answered at ${url} (${text}). Is npm run dev running, and the tunnel open?`;
  if (status === 400 && text.includes('INVALID_SIGNATURE')) {
    return (
      'The backend computed a different signature. Either its RAZORPAY_WEBHOOK_SECRET differs from\n' +
      "    this check's (both read .env: restart npm run dev after editing it), or something parsed the\n" +
      '    JSON before the webhook route and verified a re-serialised body instead of the raw bytes.'
    );
  }
  if (status === 404) {
    return isOurNotFound(text)
      ? 'Wrong path: the webhook URL must end in /api/webhooks/razorpay.'
      : "Not the shop's backend: whatever answered has no such route. Point the check at the backend\n" +
          '    (http://127.0.0.1:4000 by default, PORT in .env) or at the tunnel URL, not the sandbox (4010)\n' +
          '    or the storefront (5173).';
  }
  if (status === 502 || status === 504)
    return 'The tunnel is open but the backend behind it is not answering: start npm run dev.';
  if (status === 503)
    return 'The backend could not store the event (database down); the gateway would retry later.';
  return `Unexpected answer ${status}: ${text.slice(0, 200)}`;
}

async function findStored(
  deps: CheckDeps,
  url: string,
  eventId: string,
): Promise<Record<string, unknown> | undefined> {
  const base = url.replace(/\/api\/webhooks\/[a-z]+$/, '');
  const deadline = Date.now() + (deps.settleMs ?? 3000);
  for (;;) {
    const res = await deps.fetch(`${base}/api/admin/webhook-events?eventId=${eventId}`, {
      headers: { authorization: `Bearer ${deps.adminToken}` },
    });
    if (res.ok) {
      const event = ((await res.json()) as { items: Record<string, unknown>[] }).items[0];
      if (event && (event.processedAt || Date.now() > deadline)) return event;
    } else if (res.status === 401) {
      throw new Error('ADMIN_TOKEN was refused by the backend');
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Did the event reach the inbox? true / false, or undefined when it could not be checked. */
async function confirmStored(deps: CheckDeps, url: string, eventId: string) {
  if (!deps.adminToken) {
    deps.print(
      '  · not checked whether the event was stored: set ADMIN_TOKEN (the backend’s) to check',
    );
    return undefined;
  }
  try {
    const stored = await findStored(deps, url, eventId);
    if (stored) {
      deps.print(
        `  ✔ stored in the webhook inbox: signature valid, outcome ${String(stored.outcome)} (${String(stored.detail ?? '')})`,
      );
      return true;
    }
    deps.print(
      '  ✘ the backend answered 200 but the event is not in its inbox: is this URL really your backend?',
    );
    return false;
  } catch (err) {
    deps.print(`  ! could not read the inbox: ${(err as Error).message}`);
    return undefined;
  }
}

export async function runWebhooksCheck(deps: CheckDeps): Promise<number> {
  const url = webhookUrl(deps.url);
  deps.print(`Checking ${url}`);

  const eventId = `evt_check${randomBytes(6).toString('hex')}`;
  const body = sampleEvent(eventId);
  const signed = await post(deps, url, body, sign(body, deps.webhookSecret), eventId);
  const accepted = signed.status === 200;
  let stored: boolean | undefined;
  if (accepted) {
    deps.print(`  ✔ signed sample payment.failed [${eventId}] → 200 ${signed.text}`);
    stored = await confirmStored(deps, url, eventId);
  } else {
    deps.print(`  ✘ signed sample → ${signed.status || 'no answer'}`);
    deps.print(`    ${hintFor(signed.status, signed.text, url)}`);
  }
  // Nothing answering, or not a webhook endpoint at all: a forged sample proves nothing there.
  if (signed.status === 0 || signed.status === 404) {
    deps.print('Webhook check failed: fix the URL first.');
    return 1;
  }

  const forgedId = `evt_forged${randomBytes(6).toString('hex')}`;
  const forgedBody = sampleEvent(forgedId);
  const forged = await post(
    deps,
    url,
    forgedBody,
    sign(forgedBody, `${deps.webhookSecret}-but-wrong`),
    forgedId,
  );
  const forgedAccepted = forged.status >= 200 && forged.status < 300;
  if (forged.status === 400) {
    deps.print('  ✔ sample with a wrong signature → 400 (rejected, as it must be)');
  } else if (forgedAccepted) {
    deps.print(
      `  ✘ sample with a wrong signature → ${forged.status}: the endpoint accepts forged webhooks!`,
    );
  } else {
    deps.print(
      `  ? sample with a wrong signature → ${forged.status || 'no answer'}: not accepted, but not the 400 a webhook route gives`,
    );
  }

  const ok = accepted && forged.status === 400 && stored !== false;
  if (!ok) deps.print('Webhook check failed.');
  else if (stored)
    deps.print('Webhooks work: signatures are checked on the raw body and events are stored.');
  else
    deps.print(
      'Signatures are checked on the raw body (a genuine event accepted, a forged one refused); storage not confirmed.',
    );
  return ok ? 0 : 1;
}
