import { PAYMENT_STATUSES, type PaymentStatus } from '@checkout-lab/contracts/statuses';
import { canTransition } from '../../src/services/payment-state';

const FORWARD: [PaymentStatus, PaymentStatus][] = [
  ['created', 'authorized'],
  ['created', 'captured'],
  ['created', 'failed'],
  ['authorized', 'captured'],
  ['authorized', 'failed'],
  ['captured', 'refunded'],
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
});
