import { createHmac, randomBytes } from 'node:crypto';
import Razorpay from 'razorpay';
import type { RunningSandbox } from '@checkout-lab/sandbox';
import { pointRazorpaySdkAt } from '../../src/gateways/razorpay.sdk';
import type { TestStack } from './test-stack';

/** The official SDK, pointed at the sandbox: how tests read the gateway's side of things. */
export function sandboxSdk(stack: TestStack): Razorpay {
  const sdk = new Razorpay({
    key_id: stack.config.razorpay.keyId,
    key_secret: stack.config.razorpay.keySecret,
  });
  pointRazorpaySdkAt(sdk, stack.sandbox.razorpayApiBase, 5000);
  return sdk;
}

export function newEventId(): string {
  return `evt_${randomBytes(7).toString('hex')}`;
}

/** A webhook exactly as Razorpay would send it, signed with `secret`. */
export function signedWebhook(
  event: string,
  entities: Record<string, unknown>,
  secret: string,
  eventId = newEventId(),
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    entity: 'event',
    account_id: 'acc_sandbox0000001',
    event,
    contains: Object.keys(entities),
    payload: Object.fromEntries(Object.entries(entities).map(([k, v]) => [k, { entity: v }])),
    created_at: Math.floor(Date.now() / 1000),
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', secret).update(body).digest('hex'),
      'x-razorpay-event-id': eventId,
    },
  };
}

export async function postWebhook(
  url: string,
  hook: { body: string; headers: Record<string, string> },
) {
  const res = await fetch(url, { method: 'POST', headers: hook.headers, body: hook.body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export type { RunningSandbox };
