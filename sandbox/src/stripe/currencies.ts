import { invalidRequest, type StripeApiError } from './stripe-error';

/**
 * The currencies the sandbox accepts, with Stripe's documented minimum charge in minor units
 * (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). Amounts are always in the
 * smallest unit: cents for USD, whole yen for JPY (a zero-decimal currency).
 */
export const CURRENCIES: Record<string, { decimals: 0 | 2; minimum: number }> = {
  usd: { decimals: 2, minimum: 50 },
  aed: { decimals: 2, minimum: 200 },
  aud: { decimals: 2, minimum: 50 },
  bgn: { decimals: 2, minimum: 100 },
  brl: { decimals: 2, minimum: 50 },
  cad: { decimals: 2, minimum: 50 },
  chf: { decimals: 2, minimum: 50 },
  czk: { decimals: 2, minimum: 1500 },
  dkk: { decimals: 2, minimum: 250 },
  eur: { decimals: 2, minimum: 50 },
  gbp: { decimals: 2, minimum: 30 },
  hkd: { decimals: 2, minimum: 400 },
  inr: { decimals: 2, minimum: 50 },
  jpy: { decimals: 0, minimum: 50 },
  mxn: { decimals: 2, minimum: 1000 },
  myr: { decimals: 2, minimum: 200 },
  nok: { decimals: 2, minimum: 300 },
  nzd: { decimals: 2, minimum: 50 },
  pln: { decimals: 2, minimum: 200 },
  ron: { decimals: 2, minimum: 200 },
  sek: { decimals: 2, minimum: 300 },
  sgd: { decimals: 2, minimum: 50 },
  thb: { decimals: 2, minimum: 1000 },
};

/** Stripe accepts up to eight digits of minor units (99999999 = $999,999.99). */
export const MAXIMUM_AMOUNT = 99_999_999;

function display(amount: number, currency: string): string {
  const decimals = CURRENCIES[currency]?.decimals ?? 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount / 10 ** decimals);
}

/** Lower-cased, like Stripe stores it; an unknown code is Stripe's `Invalid currency` error. */
export function parseCurrency(value: string): string {
  const currency = value.toLowerCase();
  if (!CURRENCIES[currency]) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${Object.keys(CURRENCIES).join(', ')}`,
      { param: 'currency' },
    );
  }
  return currency;
}

/** Stripe's `amount_too_small` / `amount_too_large` checks for a charge amount. */
export function amountLimitError(amount: number, currency: string): StripeApiError | null {
  const minimum = CURRENCIES[currency]?.minimum ?? 50;
  if (amount < minimum) {
    return invalidRequest(`Amount must be at least ${display(minimum, currency)} ${currency}`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > MAXIMUM_AMOUNT) {
    return invalidRequest(`Amount must be no more than ${display(MAXIMUM_AMOUNT, currency)}`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  return null;
}
