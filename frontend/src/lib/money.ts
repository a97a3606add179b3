// Amounts arrive as integer minor units plus a currency; this is the one place they become text
// (and, for the admin's price field, the one place text becomes minor units).
const LOCALE: Record<string, string> = { INR: 'en-IN', BDT: 'en-BD' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE[currency] ?? 'en', {
      style: 'currency',
      currency,
      // "৳1,250.00" rather than "BDT 1,250.00".
      currencyDisplay: 'narrowSymbol',
    });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** Decimal places of the currency's minor unit (2 for INR paise and BDT poisha). */
export function minorUnitDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(amount: number, currency: string): string {
  return formatterFor(currency).format(amount / 10 ** minorUnitDigits(currency));
}

/**
 * "499.50" → 49950. Parsed as text, never through floating point, so 0.1 + 0.2 problems cannot
 * creep into a price. Returns null for anything that is not a plain non-negative amount.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units → the plain decimal text an input field shows ("49950" → "499.50"). */
export function toDecimalText(amount: number, currency: string): string {
  return (amount / 10 ** minorUnitDigits(currency)).toFixed(minorUnitDigits(currency));
}
