/**
 * Every known difference between what the sandbox sends and the gateways' documented examples
 * (test/fixtures/documented/), key path by key path. docs/sandbox.md repeats this list, and the
 * documented-*.test.ts files fail when a difference is not here, when an entry here no longer
 * occurs, or when the docs miss one. A whole object missing or extra is one entry (its keys follow).
 */
export interface KeyDifference {
  /** Normalised key path: `payment.card.iin`, `order.offer_id`, `verify.trx_id`. */
  path: string;
  /** `missing`: documented, the sandbox leaves it out. `extra`: the sandbox sends it, that example does not show it. */
  kind: 'missing' | 'extra';
  /** Fixture files (relative to fixtures/documented; `*` matches within a name) where it shows. */
  fixtures: string[];
  why: string;
}

const RZP_ENTITIES = 'razorpay/entities/*';
const ORDER_PAID = 'razorpay/webhooks/order.paid.*';

export const KEY_DIFFERENCES: KeyDifference[] = [
  // Razorpay: fields the docs show in some examples of an entity and not in others.
  {
    path: 'order.offer_id',
    kind: 'extra',
    fixtures: ['razorpay/entities/order.json'],
    why: 'The Orders entity page leaves it out; the create, update, list and webhook examples carry it (null without an offer).',
  },
  {
    path: 'payment.base_amount',
    kind: 'extra',
    fixtures: [
      RZP_ENTITIES,
      ORDER_PAID,
      'razorpay/webhooks/payment.authorized.*',
      'razorpay/webhooks/payment.failed.*',
      'razorpay/webhooks/payment.captured.card.json',
    ],
    why: 'Shown in the payment.captured (netbanking, wallet, UPI) and refund.* examples only; the sandbox always sends it, equal to amount (no currency conversion).',
  },
  {
    path: 'payment.amount_transferred',
    kind: 'extra',
    fixtures: [
      RZP_ENTITIES,
      ORDER_PAID,
      'razorpay/webhooks/payment.authorized.*',
      'razorpay/webhooks/payment.failed.*',
    ],
    why: 'Shown in the card and payment.captured examples only; the sandbox always sends it (0: no Route transfers).',
  },
  {
    path: 'payment.acquirer_data',
    kind: 'extra',
    fixtures: [ORDER_PAID, 'razorpay/entities/orders.expand-payments.json'],
    why: 'The order.paid examples and the expanded-orders example leave it out; every payment.* and entity example has it.',
  },
  {
    path: 'payment.acquirer_data.rrn',
    kind: 'extra',
    fixtures: ['razorpay/entities/payment.card-*.json', 'razorpay/entities/payment.capture.json'],
    why: "Card payments: the webhook examples show auth_code and rrn, the API entity examples auth_code and authentication_reference_number. The sandbox sends the webhooks' pair everywhere.",
  },
  {
    path: 'payment.acquirer_data.auth_code',
    kind: 'extra',
    fixtures: ['razorpay/entities/payment.capture.json'],
    why: "The capture example's acquirer_data holds only authentication_reference_number; every other card example has auth_code.",
  },
  {
    path: 'payment.acquirer_data.authentication_reference_number',
    kind: 'missing',
    fixtures: [
      'razorpay/entities/payment.capture.json',
      'razorpay/entities/payment.card-captured.json',
    ],
    why: 'The 3-D Secure reference; the sandbox has no 3-D Secure step (its bank page stands in for it).',
  },
  {
    path: 'payment.card.iin',
    kind: 'extra',
    fixtures: ['razorpay/entities/payment.card-*.json', 'razorpay/webhooks/order.paid.card.json'],
    why: 'The payment.* card webhook examples carry iin; the entity page and order.paid examples do not.',
  },
  {
    path: 'payment.card.token_iin',
    kind: 'missing',
    fixtures: ['razorpay/entities/payment.card-*.json'],
    why: 'Set for tokenised cards only; the sandbox tokenises no card.',
  },
  {
    path: 'payment.card.sub_type',
    kind: 'extra',
    fixtures: ['razorpay/webhooks/order.paid.card.json'],
    why: 'The order.paid card example omits it; the entity page and payment.* card examples have it.',
  },
  ...(['error_source', 'error_step', 'error_reason'] as const).map((field): KeyDifference => ({
    path: `payment.${field}`,
    kind: 'extra',
    fixtures: [ORDER_PAID],
    why: 'The order.paid examples show only error_code and error_description; the payment.* and entity examples have all five error fields.',
  })),
  {
    path: 'payment.token_id',
    kind: 'extra',
    fixtures: [
      'razorpay/entities/payment.card-*.json',
      'razorpay/entities/orders.expand-payments.json',
      'razorpay/webhooks/order.paid.card.json',
    ],
    why: 'The payment.* card webhook examples carry token_id (a saved card); the sandbox saves no card, so it sends null.',
  },
  {
    path: 'payment.upi',
    kind: 'extra',
    fixtures: ['razorpay/webhooks/order.paid.upi.json'],
    why: 'The order.paid UPI example leaves the upi block out; the payment.* UPI examples carry it.',
  },
  {
    path: 'payment.upi',
    kind: 'missing',
    fixtures: ['razorpay/entities/payment.capture.json'],
    why: 'The capture example is a card payment with a UPI block; the entity and webhook examples show upi for UPI payments only, as the sandbox does.',
  },
  {
    path: 'payment.customer_id',
    kind: 'missing',
    fixtures: ['razorpay/entities/payment.capture.json'],
    why: 'The sandbox has no Customers API.',
  },
  ...(['provider', 'reward'] as const).map((field): KeyDifference => ({
    path: `payment.${field}`,
    kind: 'missing',
    fixtures: ['razorpay/entities/payment.capture.json'],
    why: 'Only the capture example shows it (null there); no other payment example does.',
  })),

  // RupantorPay: seed 000's two short examples, against the full bodies the integrators document.
  {
    path: 'verify.payment_status',
    kind: 'missing',
    fixtures: ['rupantorpay/verify.seed000-payment-status.json'],
    why: "Seed 000's handler reads a boolean status plus payment_status; the sandbox's seed000 dialect sends the lowercase status string instead. The backend accepts both shapes.",
  },
  ...(['fullname', 'email', 'trx_id', 'currency', 'metadata', 'payment_method'] as const).flatMap(
    (field): KeyDifference[] => [
      {
        path: `verify.${field}`,
        kind: 'extra',
        fixtures: ['rupantorpay/verify.seed000-payment-status.json'],
        why: "Seed 000's verify example shows four fields; the sandbox sends the full documented answer.",
      },
      {
        path: `webhook.${field}`,
        kind: 'extra',
        fixtures: ['rupantorpay/webhook.seed000.json'],
        why: "Seed 000's webhook example shows transaction_id, status and amount; the sandbox posts the full verify answer, as the integrators document.",
      },
    ],
  ),
];
