// Amounts in Stripe's units. Stripe's `amount` is in the currency's smallest unit, which for
// every currency the shop sells is exactly our minor units; the table below says where it is
// not, so that nothing is ever rounded on the way to or from Stripe.
import { isCurrency, minorDigits } from '@checkout-lab/contracts/money';
import { GatewayError } from '../errors';

// How many digits Stripe's `amount` carries per currency (https://docs.stripe.com/currencies):
// zero-decimal currencies are whole units, three-decimal ones thousandths; ISK is a documented
// special case sent with two decimals. Everything else is hundredths.
const ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF'.split(' '),
);
const THREE_DECIMAL = new Set('BHD JOD KWD OMR TND'.split(' '));
const TWO_DECIMAL_FOR_STRIPE = new Set(['ISK']);

export function stripeDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (TWO_DECIMAL_FOR_STRIPE.has(code)) return 2;
  if (ZERO_DECIMAL.has(code)) return 0;
  return THREE_DECIMAL.has(code) ? 3 : 2;
}

/**
 * Our minor units (`digits` of them per unit, ISO 4217) → Stripe's `amount`. For every currency
 * the shop sells in, and for JPY or KRW if added with 0 digits, the two are the same number.
 */
export function toStripeAmount(amount: number, currency: string, digits: number): number {
  const extra = stripeDigits(currency) - digits;
  if (extra < 0) {
    throw new GatewayError(
      'stripe',
      'rejected',
      `Stripe cannot take ${currency} in ${digits} decimals`,
    );
  }
  const value = amount * 10 ** extra;
  // Stripe rounds three-decimal currencies to tens; we never let it round our total.
  if (stripeDigits(currency) === 3 && value % 10 !== 0) {
    throw new GatewayError('stripe', 'rejected', `Stripe takes ${currency} amounts in tens only`);
  }
  return value;
}

/** Stripe's `amount` → our minor units; an amount we cannot represent exactly is an error. */
export function fromStripeAmount(amount: number, currency: string, digits: number): number {
  const scale = 10 ** (stripeDigits(currency) - digits);
  if (!Number.isInteger(scale) || amount % scale !== 0) {
    throw new GatewayError(
      'stripe',
      'invalid_response',
      `${amount} is not a whole ${currency} amount`,
    );
  }
  return amount / scale;
}

/** Stripe's lowercase code as ours, with our digits (Stripe's for a currency we do not sell). */
export function stripeMoney(stripeCurrency: string): {
  currency: string;
  from(amount: number): number;
} {
  const currency = stripeCurrency.toUpperCase();
  const digits = isCurrency(currency) ? minorDigits(currency) : stripeDigits(currency);
  return { currency, from: (amount) => fromStripeAmount(amount, currency, digits) };
}
