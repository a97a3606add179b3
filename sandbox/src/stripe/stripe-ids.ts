import { randomBase62 } from '../store/ids';

export type StripeIdPrefix = 'pi' | 'ch' | 're' | 'pm' | 'evt' | 'req' | 'txn';

/** `pi_` + 24 base62 characters: the shape of Stripe's object ids (`pi_3OChxMKuuB1fWySn1rcTfG3I`). */
export function newStripeId(prefix: StripeIdPrefix): string {
  return `${prefix}_${randomBase62(prefix === 'req' ? 14 : 24)}`;
}

/** `<intent id>_secret_<25 characters>`: Stripe.js reads the intent id off the front. */
export function newClientSecret(intentId: string): string {
  return `${intentId}_secret_${randomBase62(25)}`;
}

/** The intent id inside a client secret, or null when the string is not shaped like one. */
export function intentIdOfSecret(clientSecret: string): string | null {
  const match = /^(pi_[0-9A-Za-z]+)_secret_[0-9A-Za-z]+$/.exec(clientSecret);
  return match?.[1] ?? null;
}
