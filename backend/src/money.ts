// Money is an integer count of minor units (paise, poisha) plus an ISO currency, everywhere.
// This is the one module that converts it: for display, and for gateways whose wire format
// takes major units.

export const CURRENCIES = ['INR', 'BDT'] as const;
export type Currency = (typeof CURRENCIES)[number];

const MINOR_DIGITS: Record<Currency, number> = { INR: 2, BDT: 2 };
const LOCALE: Record<Currency, string> = { INR: 'en-IN', BDT: 'en-BD' };

export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an integer amount: ${amount}`);
}

/** 125050, 'BDT' → "1250.50" (what a gateway taking major units expects). */
export function toMajorUnitString(amount: number, currency: Currency): string {
  assertMinorUnits(amount);
  const digits = MINOR_DIGITS[currency];
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** "1250.5" or 1250.5, 'BDT' → 125050, exactly (no floating-point multiplication). */
export function fromMajorUnits(value: string | number, currency: Currency): number {
  const digits = MINOR_DIGITS[currency];
  const text = typeof value === 'number' ? value.toFixed(digits) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits && /[^0]/.test(fraction.slice(digits))) {
    throw new RangeError(`More than ${digits} decimals: ${value}`);
  }
  const minor =
    Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0'));
  return sign === '-' ? -minor : minor;
}

/** 49900, 'INR' → "₹499.00" for emails and logs. */
export function formatMoney(amount: number, currency: Currency): string {
  assertMinorUnits(amount);
  return new Intl.NumberFormat(LOCALE[currency], {
    style: 'currency',
    currency,
    minimumFractionDigits: MINOR_DIGITS[currency],
  }).format(amount / 10 ** MINOR_DIGITS[currency]);
}
