import { formatMoney, parseMoney, toDecimalText } from '../src/lib/money';

test('when an amount in paise is shown, then it reads as rupees with two decimals', () => {
  expect(formatMoney(49900, 'INR')).toBe('₹499.00');
  expect(formatMoney(22550, 'INR')).toBe('₹225.50');
  expect(formatMoney(449900, 'INR')).toBe('₹4,499.00');
});

test('when an amount in poisha is shown, then it reads as taka with the taka sign', () => {
  expect(formatMoney(125000, 'BDT')).toBe('৳1,250.00');
});

test('when a price is typed, then it becomes exact minor units without floating point', () => {
  expect(parseMoney('499.50', 'INR')).toBe(49950);
  expect(parseMoney('0.29', 'INR')).toBe(29);
  expect(parseMoney('1,299', 'INR')).toBe(129900);
  expect(parseMoney('12.345', 'INR')).toBeNull();
  expect(parseMoney('-5', 'INR')).toBeNull();
  expect(parseMoney('abc', 'INR')).toBeNull();
  expect(toDecimalText(49950, 'INR')).toBe('499.50');
});
