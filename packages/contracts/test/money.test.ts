import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, fromMajorUnits, parseMoneyInput, toMajorUnitString } from '../src/money';

test('when minor units go on the wire, then they read as major units with the right decimals', () => {
  for (const [minor, currency, text] of [
    [125050, 'BDT', '1250.50'],
    [100, 'INR', '1.00'],
    [5, 'INR', '0.05'],
    [0, 'BDT', '0.00'],
    [-250, 'INR', '-2.50'],
    [1999, 'USD', '19.99'],
  ] as const) {
    assert.equal(toMajorUnitString(minor, currency), text);
  }
});

test('when a gateway states an amount in major units, then it is exact minor units', () => {
  for (const [value, minor] of [
    ['1250.50', 125050],
    ['1250.5', 125050],
    ['1250', 125000],
    [1250.5, 125050],
    [0.1 + 0.2, 30],
    ['19.990', 1999],
    ['100.000', 10000],
  ] as const) {
    assert.equal(fromMajorUnits(value, 'BDT'), minor);
  }
});

test('when a gateway states something that is not an exact amount, then it is rejected', () => {
  for (const value of ['12.345', 'abc', '', '1e3', '1,000']) {
    assert.throws(() => fromMajorUnits(value, 'INR'), RangeError, value);
  }
});

test('when minor units are not an integer, then conversion refuses them', () => {
  assert.throws(() => toMajorUnitString(10.5, 'INR'), RangeError);
  assert.throws(() => formatMoney(10.5, 'INR'), RangeError);
});

test('when rupees are shown, then they carry the rupee sign and Indian digit grouping', () => {
  assert.equal(formatMoney(49900, 'INR'), '₹499.00');
  assert.equal(formatMoney(22550, 'INR'), '₹225.50');
  assert.equal(formatMoney(449900, 'INR'), '₹4,499.00');
  assert.equal(formatMoney(12345678, 'INR'), '₹1,23,456.78');
});

test('when taka are shown, then they carry the taka sign, not the ISO code', () => {
  assert.equal(formatMoney(125000, 'BDT'), '৳1,250.00');
  assert.equal(formatMoney(125050, 'BDT'), '৳1,250.50');
});

test('when dollars are shown, then they read as US dollars', () => {
  assert.equal(formatMoney(123456, 'USD'), '$1,234.56');
});

test('when a price is typed, then it becomes exact minor units without floating point', () => {
  assert.equal(parseMoneyInput('499.50', 'INR'), 49950);
  assert.equal(parseMoneyInput('0.29', 'INR'), 29);
  assert.equal(parseMoneyInput('1,299', 'INR'), 129900);
  assert.equal(parseMoneyInput('12.345', 'INR'), null);
  assert.equal(parseMoneyInput('-5', 'INR'), null);
  assert.equal(parseMoneyInput('abc', 'INR'), null);
});
