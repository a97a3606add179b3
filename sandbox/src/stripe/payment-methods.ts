import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StripeStore } from '../store/stripe.store';
import type { PaymentMethod } from '../store/stripe-entities';
import { unixNow } from '../store/ids';
import { cardError, resourceMissing } from './stripe-error';
import { newStripeId } from './stripe-ids';
import {
  behaviourOf,
  brandOf,
  fundingOf,
  passesLuhn,
  TEST_CARDS,
  TEST_PAYMENT_METHODS,
  type CardBehaviour,
} from './test-cards';

/** Stable per card number, like Stripe's fingerprint; a hash, so the number itself is not kept. */
function fingerprintOf(number: string): string {
  return createHash('sha256').update(number).digest('base64url').slice(0, 16);
}

const behaviourByFingerprint = new Map(
  Object.keys(TEST_CARDS).map((n) => [fingerprintOf(n), behaviourOf(n)]),
);

/** How a stored card behaves, found through its fingerprint (the number was never stored). */
export function behaviourOfCard(pm: PaymentMethod): CardBehaviour {
  return behaviourByFingerprint.get(String(pm.card.fingerprint)) ?? behaviourOf('');
}

/** `payment_method_data` as Stripe.js sends it from the card form (all strings on the wire). */
export const paymentMethodDataSchema = z.object({
  type: z.literal('card'),
  card: z.object({
    number: z.string().trim().min(1),
    exp_month: z
      .string()
      .regex(/^\d{1,2}$/, 'integer')
      .transform(Number),
    exp_year: z
      .string()
      .regex(/^\d{2,4}$/, 'integer')
      .transform(Number),
    cvc: z.string().optional(),
  }),
  billing_details: z
    .object({ name: z.string().max(200).optional(), email: z.string().max(200).optional() })
    .optional(),
});
export type PaymentMethodData = z.infer<typeof paymentMethodDataSchema>;

const nullAddress = {
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
};

/**
 * Checks the card the way Stripe does before any charge (number, expiry, CVC), then stores a
 * PaymentMethod that keeps only what Stripe returns: brand, last4, expiry — never number or CVC.
 */
export function createCardPaymentMethod(
  store: StripeStore,
  data: PaymentMethodData,
): PaymentMethod {
  const number = data.card.number.replace(/[\s-]/g, '');
  const { exp_month, exp_year: rawYear, cvc } = data.card;
  const exp_year = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    throw cardError({
      code: 'incorrect_number',
      message: 'Your card number is incorrect.',
      param: 'number',
    });
  }
  if (exp_month < 1 || exp_month > 12) {
    throw cardError({
      code: 'invalid_expiry_month',
      message: "Your card's expiration month is invalid.",
      param: 'exp_month',
    });
  }
  const now = new Date();
  if (
    exp_year < now.getFullYear() ||
    (exp_year === now.getFullYear() && exp_month < now.getMonth() + 1)
  ) {
    throw cardError({
      code: 'invalid_expiry_year',
      message: "Your card's expiration year is in the past.",
      param: 'exp_year',
    });
  }
  const brand = brandOf(number);
  const cvcLength = brand === 'amex' ? 4 : 3;
  if (cvc !== undefined && cvc !== '' && !new RegExp(`^\\d{${cvcLength}}$`).test(cvc)) {
    throw cardError({
      code: 'invalid_cvc',
      message: "Your card's security code is invalid.",
      param: 'cvc',
    });
  }
  return store.savePaymentMethod({
    id: newStripeId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: nullAddress,
      email: data.billing_details?.email ?? null,
      name: data.billing_details?.name ?? null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: null,
        cvc_check: cvc ? 'unchecked' : null,
      },
      country: 'US',
      display_brand: brand,
      exp_month,
      exp_year,
      fingerprint: fingerprintOf(number),
      funding: fundingOf(number),
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unixNow(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    shared_payment_granted_token: null,
    type: 'card',
  });
}

/** A stored `pm_…`, or one of Stripe's test PaymentMethods (`pm_card_visa` …) made on first use. */
export function resolvePaymentMethod(store: StripeStore, id: string): PaymentMethod {
  const stored = store.paymentMethods.get(id);
  if (stored) return stored;
  const number = TEST_PAYMENT_METHODS[id];
  if (!number) throw resourceMissing('PaymentMethod', id, 'payment_method');
  const exp_year = new Date().getFullYear() + 5;
  return createCardPaymentMethod(store, {
    type: 'card',
    card: { number, exp_month: 12, exp_year },
  });
}
