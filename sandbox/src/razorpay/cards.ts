import type { Card } from '../store/entities';

// The browser modal (public/modal.js) carries a copy of luhnValid/detectNetwork for instant
// feedback; the server repeats every check because the pay endpoint is public.

export type CardNetwork = Card['network'];

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Card network from the leading digits. RuPay is tested before Maestro/Discover-style ranges
 * because its BINs (60, 65, 81, 82, 508, 353, 356) overlap them, and in India they are RuPay.
 */
export function detectNetwork(digits: string): CardNetwork {
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  if (two === 34 || two === 37) return 'American Express';
  if ([60, 65, 81, 82].includes(two) || [508, 353, 356].includes(three)) return 'RuPay';
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305))
    return 'Diners Club';
  if (digits.startsWith('4')) return 'Visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
  if (two === 50 || (two >= 56 && two <= 69)) return 'Maestro';
  return 'Unknown';
}

export function cvvLength(network: CardNetwork): number {
  return network === 'American Express' ? 4 : 3;
}

/** What Razorpay's test mode answers for one of its documented failure cards. */
export interface CardFailure {
  code: 'BAD_REQUEST_ERROR' | 'GATEWAY_ERROR';
  reason: string;
  description: string;
  source: string;
  step: string;
}

const failure = (
  code: CardFailure['code'],
  reason: string,
  description: string,
  source: string,
  step: string,
): CardFailure => ({ code, reason, description, source, step });

const TIMED_OUT = failure(
  'BAD_REQUEST_ERROR',
  'payment_timed_out',
  'Your payment could not be completed due to a temporary issue. Try again later.',
  'customer',
  'payment_authentication',
);
const INSUFFICIENT = failure(
  'BAD_REQUEST_ERROR',
  'insufficient_funds',
  'Your payment could not be completed due to insufficient account balance. Try another card or payment method.',
  'bank',
  'payment_authorization',
);
const CANCELLED = failure(
  'BAD_REQUEST_ERROR',
  'payment_cancelled',
  'Your payment has been cancelled. Try again or complete the payment later.',
  'customer',
  'payment_authentication',
);
const DECLINED = failure(
  'BAD_REQUEST_ERROR',
  'card_declined',
  'Your payment did not go through as it was declined by the bank. Try another payment method or contact your bank.',
  'bank',
  'payment_authorization',
);
const DISABLED = failure(
  'BAD_REQUEST_ERROR',
  'card_disabled_for_online_payments',
  'Your card is disabled for online payments. Please reach to your bank or try with another card.',
  'bank',
  'payment_authorization',
);
const INVALID_NUMBER = failure(
  'BAD_REQUEST_ERROR',
  'card_number_invalid',
  'You have entered an incorrect card number. Try again.',
  'customer',
  'payment_initiation',
);
const GATEWAY = failure(
  'GATEWAY_ERROR',
  'gateway_technical_error',
  'Your payment did not go through due to a temporary issue. Any debited amount will be refunded in 4-5 business days.',
  'gateway',
  'payment_authorization',
);
const AUTH_FAILED = failure(
  'GATEWAY_ERROR',
  'authentication_failed',
  'Your payment could not be completed due to incorrect OTP or verification details. Try another payment method or contact your bank for details.',
  'customer',
  'payment_authentication',
);

/** Razorpay's documented error-scenario test cards (Indian payments), by number. */
export const FAILURE_CARDS: Record<string, CardFailure> = {
  '4100280000090000': TIMED_OUT,
  '5305620000060000': TIMED_OUT,
  '4100280000080001': INSUFFICIENT,
  '5305620000050001': INSUFFICIENT,
  '4100280000070002': CANCELLED,
  '5305620000040002': CANCELLED,
  '4100280000060003': DECLINED,
  '5305620000030003': DECLINED,
  '4100280000050004': DECLINED,
  '5305620000020004': DECLINED,
  '4100280000040005': DECLINED,
  '5305620000010005': DECLINED,
  '4100280000030006': DISABLED,
  '5305620000000006': DISABLED,
  '4100280000010008': INVALID_NUMBER,
  '5305620000080008': INVALID_NUMBER,
  '4100280000020007': GATEWAY,
  '5305620000090007': GATEWAY,
  '4100280000000009': AUTH_FAILED,
  '5305620000070009': AUTH_FAILED,
};

/** Razorpay's documented success test cards; any other Luhn-valid number also succeeds. */
export const SUCCESS_CARDS = {
  visa: '4100280000001007',
  mastercard: '5500670000001002',
  rupay: '6527658900001005',
  diners: '36082800091007',
  amex: '340256000401007',
} as const;

/** Documented international test cards: payments with them are `international: true`. */
export const INTERNATIONAL_CARDS = new Set([
  '5555555555554444',
  '5105105105105100',
  '5104060000000008',
  '4012888888881881',
]);

/** What the mock bank page's "Failure" button (and `outcome: "failure"`) produces. */
export const BANK_PAGE_FAILURE: CardFailure = failure(
  'BAD_REQUEST_ERROR',
  'payment_failed',
  'Payment failed',
  'customer',
  'payment_authentication',
);

/** `failure@razorpay`: the UPI app declined the collect request. */
export const UPI_FAILURE: CardFailure = failure(
  'BAD_REQUEST_ERROR',
  'payment_declined',
  'Your payment could not be completed as it was declined by your bank. Try another payment method.',
  'bank',
  'payment_authorization',
);

const ISSUERS: Partial<Record<CardNetwork, string>> = {
  Visa: 'HDFC',
  MasterCard: 'ICIC',
  RuPay: 'SBIN',
  Maestro: 'UTIB',
};

/** The card entity Razorpay keeps: never the full number or the CVV. */
export function describeCard(digits: string, name: string, id: string): Card {
  const network = detectNetwork(digits);
  const international = INTERNATIONAL_CARDS.has(digits);
  return {
    id,
    entity: 'card',
    name,
    last4: digits.slice(-4),
    network,
    type: network === 'RuPay' || network === 'Maestro' ? 'debit' : 'credit',
    issuer: international ? null : (ISSUERS[network] ?? null),
    international,
    emi: false,
    sub_type: 'customer',
  };
}

/** Month 1–12 and a 2- or 4-digit year, not before the current month. */
export function expiryValid(month: number, year: number, now = new Date()): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(year) || month < 1 || month > 12) return false;
  const fullYear = year < 100 ? 2000 + year : year;
  if (fullYear > now.getFullYear() + 50) return false;
  return fullYear * 12 + month >= now.getFullYear() * 12 + now.getMonth() + 1;
}
