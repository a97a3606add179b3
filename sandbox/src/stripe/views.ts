import type { StripeStore } from '../store/stripe.store';
import type { PaymentIntent } from '../store/stripe-entities';
import { invalidRequest, resourceMissing } from './stripe-error';

/**
 * What a publishable key may see of an intent (Stripe.js's `retrievePaymentIntent`): Stripe
 * leaves out everything merchant-side, such as `metadata` and `amount_received`.
 */
const PUBLIC_FIELDS = [
  'id',
  'object',
  'amount',
  'amount_details',
  'automatic_payment_methods',
  'canceled_at',
  'cancellation_reason',
  'capture_method',
  'client_secret',
  'confirmation_method',
  'created',
  'currency',
  'description',
  'last_payment_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_types',
  'processing',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'status',
] as const;

export function publicIntentView(intent: PaymentIntent): Record<string, unknown> {
  return Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, intent[k] ?? null]));
}

/** `expand[]` for the fields that hold ids; anything else is Stripe's "cannot be expanded". */
export function expandIntent(
  store: StripeStore,
  intent: PaymentIntent,
  expand: string[] = [],
): Record<string, unknown> {
  const view: Record<string, unknown> = { ...intent };
  for (const field of expand) {
    if (field === 'latest_charge') {
      view.latest_charge = intent.latest_charge
        ? (store.charges.get(intent.latest_charge) ?? null)
        : null;
    } else if (field === 'payment_method') {
      view.payment_method = intent.payment_method
        ? (store.paymentMethods.get(intent.payment_method) ?? null)
        : null;
    } else {
      throw invalidRequest(`This property cannot be expanded (${field}).`, { param: 'expand' });
    }
  }
  return view;
}

/** Stripe's list object, newest first, paged with `limit`, `starting_after`, `ending_before`. */
export function pageOf<T extends { id: string }>(
  newestFirst: T[],
  url: string,
  page: { limit?: number; starting_after?: string; ending_before?: string },
): { object: 'list'; data: T[]; has_more: boolean; url: string } {
  const limit = page.limit ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest(`This value must be between 1 and 100 (it currently is ${limit}).`, {
      param: 'limit',
    });
  }
  const at = (id: string, param: string): number => {
    const i = newestFirst.findIndex((x) => x.id === id);
    if (i === -1) throw resourceMissing('object', id, param);
    return i;
  };
  let rest = newestFirst;
  let data: T[];
  if (page.starting_after) {
    rest = newestFirst.slice(at(page.starting_after, 'starting_after') + 1);
    data = rest.slice(0, limit);
  } else if (page.ending_before) {
    rest = newestFirst.slice(0, at(page.ending_before, 'ending_before'));
    data = rest.slice(-limit);
  } else {
    data = rest.slice(0, limit);
  }
  return { object: 'list', data, has_more: rest.length > limit, url };
}
