import { createHmac, timingSafeEqual } from 'node:crypto';

function hmacHex(data: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/** The `razorpay_signature` Checkout hands the merchant: HMAC-SHA256(order_id|payment_id, key_secret). */
export function signPayment(orderId: string, paymentId: string, keySecret: string): string {
  return hmacHex(`${orderId}|${paymentId}`, keySecret);
}

/** `X-Razorpay-Signature`: HMAC-SHA256 of the exact raw body bytes with the webhook secret. */
export function signWebhookBody(rawBody: string | Buffer, webhookSecret: string): string {
  return hmacHex(rawBody, webhookSecret);
}

/** Constant-time comparison of two hex signatures (a length mismatch is simply false). */
export function signaturesMatch(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
