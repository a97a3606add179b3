import { formatMoney } from '../src/lib/money';

test('when an amount in paise is shown, then it reads as rupees with two decimals', () => {
  expect(formatMoney(49900, 'INR')).toBe('₹499.00');
  expect(formatMoney(22550, 'INR')).toBe('₹225.50');
});
