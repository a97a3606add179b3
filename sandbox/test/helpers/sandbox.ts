import Razorpay from 'razorpay';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../src/index';

export const KEY_ID = 'rzp_test_sandbox0000001';
export const KEY_SECRET = 'sandbox_key_secret_not_for_production';
export const WEBHOOK_SECRET = 'sandbox_webhook_secret_not_for_production';
export const RUPANTORPAY_KEY = 'sandbox_rupantorpay_key_not_for_production';

/** Tests compress webhook backoff a thousandfold: 10 s becomes 10 ms. */
export function startTestSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ timeScale: 0.001, webhookTimeoutMs: 2000, ...options });
}

/** The official SDK, unchanged: only its axios base URL points at the sandbox. */
export function sdkFor(sandbox: RunningSandbox): Razorpay {
  const rzp = new Razorpay({ key_id: KEY_ID, key_secret: KEY_SECRET });
  // The SDK hard-codes https://api.razorpay.com; `api.rq` is its axios instance.
  (rzp as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL =
    sandbox.razorpayApiBase;
  return rzp;
}

export const basicAuth = (id = KEY_ID, secret = KEY_SECRET): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export const nextYear = (): number => new Date().getFullYear() + 1;

export const card = (number: string) => ({
  number,
  expiry_month: 12,
  expiry_year: nextYear(),
  cvv: '123',
  name: 'Test Buyer',
});

export async function createOrder(
  sandbox: RunningSandbox,
  amount = 50000,
): Promise<{ id: string; amount: number }> {
  const res = await fetch(`${sandbox.razorpayApiBase}/v1/orders`, {
    method: 'POST',
    headers: { authorization: basicAuth(), 'content-type': 'application/json' },
    body: JSON.stringify({ amount, currency: 'INR', receipt: `rcpt_${Date.now()}` }),
  });
  if (!res.ok) throw new Error(`order create failed: ${res.status}`);
  return (await res.json()) as { id: string; amount: number };
}

export async function pay(
  sandbox: RunningSandbox,
  orderId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sandbox.razorpayApiBase}/_sandbox/orders/${orderId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
