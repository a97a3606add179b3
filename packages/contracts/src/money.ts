// Money is an integer count of minor units (paise, poisha, cents) plus an ISO currency,
// everywhere. This is the one module that turns it into text, and text or a gateway's major
// units back into it: the storefront, the confirmation email, the timeline messages and the
// sandbox's checkout pages all format with formatMoney, so they can never disagree.

export const CURRENCIES = ['INR', 'BDT', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * Digits of each currency's minor unit (ISO 4217). A zero-decimal currency (JPY, KRW) added
 * here with 0 makes every conversion below right without another change.
 */
export const MINOR_DIGITS: Record<Currency, number> = { INR: 2, BDT: 2, USD: 2 };

/** The locale whose grouping buyers of that currency expect (₹1,00,000.00 is Indian grouping). */
const LOCALE: Record<Currency, string> = { INR: 'en-IN', BDT: 'en-BD', USD: 'en-US' };

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

export function minorDigits(currency: Currency): number {
  return MINOR_DIGITS[currency];
}

export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an integer amount: ${amount}`);
}

const formatters = new Map<Currency, Intl.NumberFormat>();

/** 49900, 'INR' → "₹499.00"; 125050, 'BDT' → "৳1,250.50"; the symbol, never the ISO code. */
export function formatMoney(amount: number, currency: Currency): string {
  assertMinorUnits(amount);
  let formatter = formatters.get(currency);
  if (!formatter) {
    const digits = MINOR_DIGITS[currency];
    formatter = new Intl.NumberFormat(LOCALE[currency], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(currency, formatter);
  }
  return formatter.format(amount / 10 ** MINOR_DIGITS[currency]);
}

/** 125050, 'BDT' → "1250.50": what a gateway that takes major units expects on the wire. */
export function toMajorUnitString(amount: number, currency: Currency): string {
  assertMinorUnits(amount);
  const digits = MINOR_DIGITS[currency];
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * "1250.5", "1250.500" or 1250.5, 'BDT' → 125050, exactly (text arithmetic, no floating-point
 * multiplication). Extra decimals are accepted only when they are zeros.
 */
export function fromMajorUnits(value: string | number, currency: Currency): number {
  const digits = MINOR_DIGITS[currency];
  const text = typeof value === 'number' ? value.toFixed(digits) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${value}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(digits))) {
    throw new RangeError(`More than ${digits} decimals: ${value}`);
  }
  const minor =
    Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  assertMinorUnits(minor);
  return sign === '-' ? -minor : minor;
}

/**
 * What a person types in a price field ("1,499.50") → 149950, or null for anything that is not
 * a plain non-negative amount with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: Currency): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (!/^\d{1,9}(?:\.\d+)?$/.test(cleaned)) return null;
  const fraction = cleaned.split('.')[1] ?? '';
  if (fraction.length > MINOR_DIGITS[currency]) return null;
  return fromMajorUnits(cleaned, currency);
}
