import type { RunningSandbox } from '../../src/index';
import { STRIPE_PUBLISHABLE_KEY } from './stripe';

export interface Card {
  number: string;
  exp_month?: string;
  exp_year?: string;
  cvc?: string;
}

/**
 * The confirmation the Payment Element's frame sends (stripe/public/element.js): the publishable
 * key and client secret, the card as `payment_method_data`, form-encoded, no secret key.
 */
export async function confirmLikeStripeJs(
  sandbox: RunningSandbox,
  clientSecret: string,
  card: Card,
  returnUrl?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = new URLSearchParams({
    key: STRIPE_PUBLISHABLE_KEY,
    client_secret: clientSecret,
    'payment_method_data[type]': 'card',
    'payment_method_data[card][number]': card.number,
    'payment_method_data[card][exp_month]': card.exp_month ?? '12',
    'payment_method_data[card][exp_year]': card.exp_year ?? '34',
    'payment_method_data[card][cvc]': card.cvc ?? '123',
  });
  if (returnUrl) body.set('return_url', returnUrl);
  const id = clientSecret.split('_secret_')[0];
  const res = await fetch(`${sandbox.stripeApiBase}/v1/payment_intents/${id}/confirm`, {
    method: 'POST',
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** What the buyer does on the 3-D Secure page: press Complete or Fail (a form POST). */
export async function answerChallenge(
  url: string,
  action: 'complete' | 'fail',
): Promise<{ status: number; location: string | null }> {
  const res = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ action }),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location') };
}
