// Razorpay's documented test instruments and what its test mode answers for each.

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
