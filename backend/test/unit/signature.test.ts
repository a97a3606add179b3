import Razorpay from 'razorpay';
import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import {
  hmacSha256Hex,
  safeEqualHex,
  verifyRazorpayPaymentSignature,
  verifyRazorpayWebhookSignature,
} from '../../src/gateways/signature';

// Fixed vectors, computed independently:
//   printf '%s' 'order_IEIaMR65cu6nz3|pay_IH4NVgf4Dreq1l' | openssl dgst -sha256 -hmac test_key_secret
const SECRET = 'test_key_secret';
const ORDER = 'order_IEIaMR65cu6nz3';
const PAYMENT = 'pay_IH4NVgf4Dreq1l';
const PAYMENT_SIGNATURE = '6d0a2f9e0f77d4132453bd423131ef8fa6518e708022b1018c64d955f510a609';

describe('signatures', () => {
  test('when HMAC-SHA256 is computed, then it matches the known vector', () => {
    expect(hmacSha256Hex('hello', 'key')).toBe(
      '9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b',
    );
    expect(hmacSha256Hex(`${ORDER}|${PAYMENT}`, SECRET)).toBe(PAYMENT_SIGNATURE);
  });

  test('when our checkout signature check passes, then the official SDK agrees', () => {
    expect(verifyRazorpayPaymentSignature(ORDER, PAYMENT, PAYMENT_SIGNATURE, SECRET)).toBe(true);
    expect(
      validatePaymentVerification(
        { order_id: ORDER, payment_id: PAYMENT },
        PAYMENT_SIGNATURE,
        SECRET,
      ),
    ).toBe(true);
  });

  test.each([
    ['another order id', 'order_Other000000001', PAYMENT, PAYMENT_SIGNATURE],
    ['another payment id', ORDER, 'pay_Other00000000001', PAYMENT_SIGNATURE],
    ['a truncated signature', ORDER, PAYMENT, PAYMENT_SIGNATURE.slice(0, 63)],
    ['an empty signature', ORDER, PAYMENT, ''],
    ['a non-hex signature', ORDER, PAYMENT, 'g'.repeat(64)],
  ])(
    'when the checkout signature is checked against %s, then it fails',
    (_l, order, payment, signature) => {
      expect(verifyRazorpayPaymentSignature(order, payment, signature, SECRET)).toBe(false);
    },
  );

  test('when the signature uses upper-case hex, then it still matches', () => {
    expect(
      verifyRazorpayPaymentSignature(ORDER, PAYMENT, PAYMENT_SIGNATURE.toUpperCase(), SECRET),
    ).toBe(true);
  });

  test('when a webhook body is verified, then a one-byte change fails it and the SDK agrees', () => {
    const body = Buffer.from('{"entity":"event","event":"payment.captured"}');
    const signature = hmacSha256Hex(body, 'whsec');
    expect(verifyRazorpayWebhookSignature(body, signature, 'whsec')).toBe(true);
    expect(Razorpay.validateWebhookSignature(body.toString(), signature, 'whsec')).toBe(true);
    const reformatted = Buffer.from('{"entity": "event","event":"payment.captured"}');
    expect(verifyRazorpayWebhookSignature(reformatted, signature, 'whsec')).toBe(false);
    expect(verifyRazorpayWebhookSignature(body, signature, 'other-secret')).toBe(false);
  });

  test('when lengths differ, then the constant-time compare answers false instead of throwing', () => {
    expect(safeEqualHex('abcd', 'abcdef')).toBe(false);
    expect(safeEqualHex('abcd', 'abc')).toBe(false);
  });
});

describe('signature shape', () => {
  test('when a signature carries a 65th hex digit, then it fails (an odd digit is not dropped)', () => {
    expect(safeEqualHex(PAYMENT_SIGNATURE, `${PAYMENT_SIGNATURE}f`)).toBe(false);
    expect(verifyRazorpayPaymentSignature(ORDER, PAYMENT, `${PAYMENT_SIGNATURE}0`, SECRET)).toBe(
      false,
    );
  });

  test('when a signature is 63 digits plus a non-hex character, then it fails', () => {
    expect(safeEqualHex(PAYMENT_SIGNATURE, `${PAYMENT_SIGNATURE.slice(0, 63)}g`)).toBe(false);
  });
});
