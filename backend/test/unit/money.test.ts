import { formatMoney, fromMajorUnits, toMajorUnitString } from '../../src/money';

describe('money', () => {
  test.each([
    [125050, 'BDT', '1250.50'],
    [100, 'INR', '1.00'],
    [5, 'INR', '0.05'],
    [0, 'BDT', '0.00'],
    [-250, 'INR', '-2.50'],
  ] as const)('when %i minor units of %s go on the wire, then they read %s', (minor, cur, text) => {
    expect(toMajorUnitString(minor, cur)).toBe(text);
  });

  test.each([
    ['1250.50', 125050],
    ['1250.5', 125050],
    ['1250', 125000],
    [1250.5, 125050],
    [0.1 + 0.2, 30],
    ['19.990', 1999],
  ] as const)('when a gateway says %p, then it is %i minor units exactly', (value, minor) => {
    expect(fromMajorUnits(value, 'BDT')).toBe(minor);
  });

  test.each(['12.345', 'abc', '', '1e3', '1,000'])(
    'when a gateway says %p, then it is rejected',
    (v) => {
      expect(() => fromMajorUnits(v, 'INR')).toThrow(RangeError);
    },
  );

  test('when minor units are not an integer, then conversion refuses them', () => {
    expect(() => toMajorUnitString(10.5, 'INR')).toThrow(RangeError);
  });

  test('when an amount is formatted for display, then it has the currency symbol and two decimals', () => {
    expect(formatMoney(49900, 'INR')).toBe('₹499.00');
    expect(formatMoney(12345678, 'INR')).toBe('₹1,23,456.78');
    expect(formatMoney(125000, 'BDT')).toMatch(/1,250\.00/);
  });
});
