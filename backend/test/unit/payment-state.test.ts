import { PAYMENT_STATUSES, type PaymentStatus } from '@checkout-lab/contracts/statuses';
import { canTransition } from '../../src/services/payment-state';

const FORWARD: [PaymentStatus, PaymentStatus][] = [
  ['created', 'authorized'],
  ['created', 'captured'],
  ['created', 'failed'],
  ['authorized', 'captured'],
  ['authorized', 'failed'],
  ['captured', 'refunded'],
  ['created', 'expired'],
  // Expiry is ours, not the gateway's: a late answer from it is still recorded.
  ['expired', 'captured'],
  ['expired', 'failed'],
];

describe('the payment status machine', () => {
  test.each(FORWARD)('when a payment is %s, then it may become %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  const all = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as const));
  const forbidden = all.filter(([from, to]) => !FORWARD.some(([f, t]) => f === from && t === to));

  test.each(forbidden)('when a payment is %s, then it never becomes %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  test('when a payment is captured or refunded, then a late failure cannot touch it', () => {
    expect(canTransition('captured', 'failed')).toBe(false);
    expect(canTransition('refunded', 'failed')).toBe(false);
    expect(canTransition('captured', 'authorized')).toBe(false);
  });

  test('when a payment is authorized, then it never expires: the bank holds the money', () => {
    expect(canTransition('authorized', 'expired')).toBe(false);
  });

  test('when a payment expired, then a late capture or failure still moves it', () => {
    expect(canTransition('expired', 'captured')).toBe(true);
    expect(canTransition('expired', 'failed')).toBe(true);
    expect(canTransition('expired', 'authorized')).toBe(false);
  });
});
