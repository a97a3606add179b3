import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(payload: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

// #region tutorial:verify-checkout-signature
/** An HMAC-SHA256 digest in hex: exactly 64 digits, nothing more, nothing less. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Constant-time comparison of an expected HMAC-SHA256 hex digest with an untrusted one. The shape
 * is checked first: `Buffer.from(hex)` silently drops a trailing odd digit, so a 65-digit string
 * that starts with the right 64 would otherwise compare equal.
 */
export function safeEqualHex(expectedHex: string, receivedHex: string): boolean {
  if (!SHA256_HEX.test(receivedHex) || !SHA256_HEX.test(expectedHex)) return false;
  const expected = Buffer.from(expectedHex, 'hex');
  const received = Buffer.from(receivedHex.toLowerCase(), 'hex');
  // timingSafeEqual throws on different lengths; a wrong length is simply a wrong signature.
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** Razorpay's checkout signature: HMAC-SHA256(order_id + "|" + payment_id, key_secret). */
export function verifyRazorpayPaymentSignature(
  orderId: string,
  paymentId: string,
  signature: string,
  keySecret: string,
): boolean {
  return safeEqualHex(hmacSha256Hex(`${orderId}|${paymentId}`, keySecret), signature);
}
// #endregion

// #region tutorial:webhook-signature
/** Razorpay's webhook signature: HMAC-SHA256 of the exact raw body with the webhook secret. */
export function verifyRazorpayWebhookSignature(
  rawBody: Buffer,
  signature: string,
  webhookSecret: string,
): boolean {
  return safeEqualHex(hmacSha256Hex(rawBody, webhookSecret), signature);
}
// #endregion
