/** What a declined card answers: Stripe's code, decline code, advice and message for it. */
export interface Decline {
  code: string;
  decline_code: string;
  message: string;
  param?: string;
  /** How to proceed, and the card network's own codes (Stripe adds them to card declines). */
  advice_code: string;
  network_decline_code: string;
  network_advice_code?: string;
}

export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; decline: Decline }
  /** 3-D Secure first; after a completed challenge the charge succeeds, or declines. */
  | { kind: 'authenticate'; after: Decline | null };

const declined = (
  decline_code: string,
  message: string,
  rest: Omit<Decline, 'code' | 'decline_code' | 'message'>,
): Decline => ({
  code: 'card_declined',
  decline_code,
  message,
  ...rest,
});

// Codes, texts and advice as Stripe's test mode answers them (test/fixtures/documented/stripe/card-error.*.json).
export const DECLINES = {
  generic: declined('generic_decline', 'Your card was declined.', {
    advice_code: 'try_again_later',
    network_decline_code: '01',
  }),
  insufficientFunds: declined('insufficient_funds', 'Your card has insufficient funds.', {
    advice_code: 'try_again_later',
    network_decline_code: '51',
    network_advice_code: '02',
  }),
  lostCard: declined('lost_card', 'Your card was declined.', {
    advice_code: 'do_not_try_again',
    network_decline_code: '41',
    network_advice_code: '01',
  }),
  stolenCard: declined('stolen_card', 'Your card was declined.', {
    advice_code: 'do_not_try_again',
    network_decline_code: '43',
    network_advice_code: '01',
  }),
  expired: {
    code: 'expired_card',
    decline_code: 'expired_card',
    message: 'Your card has expired.',
    param: 'exp_month',
    advice_code: 'confirm_card_data',
    network_decline_code: '54',
    network_advice_code: '03',
  },
  incorrectCvc: {
    code: 'incorrect_cvc',
    decline_code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
    param: 'cvc',
    advice_code: 'confirm_card_data',
    network_decline_code: 'N7',
    network_advice_code: '03',
  },
  processingError: {
    code: 'processing_error',
    decline_code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
    advice_code: 'try_again_later',
    network_decline_code: '06',
  },
  liveCard: declined(
    'test_mode_live_card',
    'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
    { advice_code: 'do_not_try_again', network_decline_code: '05' },
  ),
} satisfies Record<string, Decline>;

/** Stripe's documented test card numbers (docs.stripe.com/testing) and how each behaves. */
export const TEST_CARDS: Record<string, CardBehaviour> = {
  '4242424242424242': { kind: 'succeed' },
  '4000056655665556': { kind: 'succeed' },
  '5555555555554444': { kind: 'succeed' },
  '2223003122003222': { kind: 'succeed' },
  '5200828282828210': { kind: 'succeed' },
  '5105105105105100': { kind: 'succeed' },
  '378282246310005': { kind: 'succeed' },
  '371449635398431': { kind: 'succeed' },
  '6011111111111117': { kind: 'succeed' },
  '3056930009020004': { kind: 'succeed' },
  '3566002020360505': { kind: 'succeed' },
  '6200000000000005': { kind: 'succeed' },
  '4000002500003155': { kind: 'authenticate', after: null },
  '4000002760003184': { kind: 'authenticate', after: null },
  '4000000000003220': { kind: 'authenticate', after: null },
  '4000008260003178': { kind: 'authenticate', after: DECLINES.insufficientFunds },
  '4000000000000002': { kind: 'decline', decline: DECLINES.generic },
  '4000000000009995': { kind: 'decline', decline: DECLINES.insufficientFunds },
  '4000000000009987': { kind: 'decline', decline: DECLINES.lostCard },
  '4000000000009979': { kind: 'decline', decline: DECLINES.stolenCard },
  '4000000000000069': { kind: 'decline', decline: DECLINES.expired },
  '4000000000000127': { kind: 'decline', decline: DECLINES.incorrectCvc },
  '4000000000000119': { kind: 'decline', decline: DECLINES.processingError },
};

/** Stripe's test PaymentMethods (`pm_card_visa` …), for server-side tests that have no browser. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_visa_chargeDeclinedLostCard: '4000000000009987',
  pm_card_visa_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_threeDSecure2Required: '4000000000003220',
};

/** Any other number that passes Luhn is a real card, which Stripe refuses in test mode. */
export function behaviourOf(number: string): CardBehaviour {
  return TEST_CARDS[number] ?? { kind: 'decline', decline: DECLINES.liveCard };
}

export function brandOf(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^(36|30[0-5]|38)/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

export function fundingOf(number: string): 'credit' | 'debit' | 'prepaid' {
  if (number === '4000056655665556' || number === '5200828282828210') return 'debit';
  if (number === '5105105105105100') return 'prepaid';
  return 'credit';
}

export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}
