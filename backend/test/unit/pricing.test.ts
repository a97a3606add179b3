import {
  computeTotals,
  couponProblem,
  findCoupon,
  percentOf,
} from '../../src/services/pricing.service';

describe('pricing', () => {
  test.each([
    [1000, 18, 180],
    [1, 18, 0], // 0.18 rounds down
    [3, 18, 1], // 0.54 rounds up
    [25, 18, 5], // 4.5 rounds half-up
    [99999, 15, 15000],
  ])(
    'when %i × %i%% is computed, then it is %i minor units (half-up, integers only)',
    (amount, percent, expected) => {
      expect(percentOf(amount, percent)).toBe(expected);
    },
  );

  test('when the subtotal is below the free-shipping threshold, then the flat fee applies', () => {
    expect(computeTotals([{ unitPrice: 50000, quantity: 1 }], 'INR')).toEqual({
      subtotal: 50000,
      discount: 0,
      tax: 9000,
      shipping: 4900,
      total: 63900,
    });
  });

  test('when the subtotal reaches the threshold, then shipping is free', () => {
    expect(computeTotals([{ unitPrice: 99900, quantity: 1 }], 'INR').shipping).toBe(0);
    expect(computeTotals([{ unitPrice: 100000, quantity: 1 }], 'BDT').shipping).toBe(0);
  });

  test('when a fixed coupon exceeds the subtotal, then the discount stops at the subtotal', () => {
    const flat = findCoupon('FLAT100')!;
    const totals = computeTotals([{ unitPrice: 5000, quantity: 1 }], 'INR', flat);
    expect(totals.discount).toBe(5000);
    expect(totals.total).toBe(totals.shipping);
  });

  test('when coupon codes are looked up, then case and spaces do not matter', () => {
    expect(findCoupon(' welcome10 ')?.code).toBe('WELCOME10');
    expect(findCoupon('nope')).toBeUndefined();
  });

  test('when a coupon has a minimum order, then smaller orders are told why', () => {
    const flat = findCoupon('FLAT100')!;
    expect(couponProblem(flat, 'INR', 50000)).toMatch(/larger order/);
    expect(couponProblem(flat, 'INR', 99900)).toBeUndefined();
    expect(couponProblem(flat, 'BDT', 500000)).toMatch(/BDT/);
  });

  test('when many lines are priced, then every amount stays an integer', () => {
    const lines = Array.from({ length: 20 }, (_, i) => ({
      unitPrice: 1 + i * 337,
      quantity: 1 + (i % 7),
    }));
    const totals = computeTotals(lines, 'INR', findCoupon('WELCOME10'));
    for (const value of Object.values(totals)) expect(Number.isSafeInteger(value)).toBe(true);
    expect(totals.total).toBe(totals.subtotal - totals.discount + totals.tax + totals.shipping);
  });
});
