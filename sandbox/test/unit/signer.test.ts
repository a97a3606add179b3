import Razorpay from 'razorpay';
import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import { signaturesMatch, signPayment, signWebhookBody } from '../../src/razorpay/signer';

describe('signer', () => {
  it('when signing a payment, then the result is the fixed HMAC-SHA256(order_id|payment_id) vector', () => {
    expect(
      signPayment('order_IEIaMR65cu6nz3', 'pay_IH4NVgf4Dreq1l', 'EnLs21M47BllR3X8PSFtjtbd'),
    ).toBe('0d4e745a1838664ad6c9c9902212a32d627d68e917290b0ad5f08ff4561bc50f');
  });

  it('when signing a webhook body, then the result is the fixed HMAC-SHA256(raw body) vector', () => {
    expect(
      signWebhookBody('{"entity":"event","event":"payment.captured"}', 'test_webhook_secret'),
    ).toBe('a438afc6ce7006ee9db518386b03fa11af0ca64eee8a8978885697e4065e9581');
  });

  it('when the official SDK checks a sandbox payment signature, then it accepts it', () => {
    const signature = signPayment('order_AbCdEfGhIjKlMn', 'pay_AbCdEfGhIjKlMn', 'secret_1');
    expect(
      validatePaymentVerification(
        { order_id: 'order_AbCdEfGhIjKlMn', payment_id: 'pay_AbCdEfGhIjKlMn' },
        signature,
        'secret_1',
      ),
    ).toBe(true);
    expect(
      validatePaymentVerification(
        { order_id: 'order_AbCdEfGhIjKlMn', payment_id: 'pay_AbCdEfGhIjKlMn' },
        signature,
        'secret_2',
      ),
    ).toBe(false);
  });

  it('when the official SDK checks a webhook signature, then it accepts only the exact body', () => {
    const body = JSON.stringify({ entity: 'event', event: 'order.paid' });
    const signature = signWebhookBody(body, 'whsec');
    expect(Razorpay.validateWebhookSignature(body, signature, 'whsec')).toBe(true);
    expect(Razorpay.validateWebhookSignature(`${body} `, signature, 'whsec')).toBe(false);
  });

  it('when comparing signatures of different lengths, then they do not match and nothing throws', () => {
    expect(signaturesMatch('abc', 'abcd')).toBe(false);
    expect(signaturesMatch('abcd', 'abcd')).toBe(true);
  });
});
