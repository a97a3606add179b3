import type { SandboxContext } from '../context';
import { randomBase62, unixNow } from '../store/ids';
import type { PaymentIntent, PaymentMethod } from '../store/stripe-entities';
import type { Caller } from './caller';
import { buildCharge } from './charges';
import { behaviourOfCard } from './payment-methods';
import {
  buildStripeEvent,
  NO_REQUEST,
  type RequestInfo,
  type StripeEventType,
} from './stripe-events';
import { cardError, invalidRequest, unexpectedState } from './stripe-error';
import type { Decline } from './test-cards';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/** What Stripe says on an intent whose 3-D Secure challenge failed or was cancelled. */
export const AUTHENTICATION_FAILURE = {
  type: 'invalid_request_error' as const,
  code: 'payment_intent_authentication_failure',
  doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
  message:
    'The latest payment attempt of this PaymentIntent has failed or been canceled, and the attached payment method has been removed. You can try confirming again with a new payment method.',
};

function emit(
  ctx: SandboxContext,
  request: RequestInfo,
  events: [StripeEventType, unknown][],
): void {
  ctx.emit(events.map(([type, object]) => buildStripeEvent(ctx, type, object, request)));
}

export function assertConfirmable(intent: PaymentIntent): void {
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
    );
  }
}

/**
 * One confirmation attempt with a card: the test card decides. A success settles at once, a
 * decline throws Stripe's 402 (the intent goes back to `requires_payment_method`, so the same
 * intent can be retried), and a 3-D Secure card parks the intent in `requires_action`.
 */
export function attemptPayment(
  ctx: SandboxContext,
  intent: PaymentIntent,
  pm: PaymentMethod,
  returnUrl: string | null,
  caller: Caller,
): PaymentIntent {
  ctx.store.stripe.dropChallenges(intent.id);
  const behaviour = behaviourOfCard(pm);
  if (behaviour.kind === 'authenticate') return startChallenge(ctx, intent, pm, returnUrl, caller);
  const decline = behaviour.kind === 'decline' ? behaviour.decline : null;
  const settled = settle(ctx, intent, pm, decline, false, caller.request);
  if (decline) throw declineError(settled, pm, decline);
  return settled;
}

function startChallenge(
  ctx: SandboxContext,
  intent: PaymentIntent,
  pm: PaymentMethod,
  returnUrl: string | null,
  caller: Caller,
): PaymentIntent {
  const token = randomBase62(24);
  ctx.store.stripe.saveChallenge({
    token,
    intent_id: intent.id,
    payment_method: pm.id,
    return_url: returnUrl,
    created: unixNow(),
  });
  const url = `${caller.origin}/stripe/_sandbox/3ds/${token}`;
  // With a return_url the browser is sent to the challenge and back (Stripe's redirect flow);
  // without one, a client (Stripe.js) is expected to open the challenge itself.
  const next_action: PaymentIntent['next_action'] = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { url, return_url: returnUrl } }
    : {
        type: 'use_stripe_sdk',
        use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: `src_${token}` },
      };
  const updated = ctx.store.stripe.saveIntent({
    ...intent,
    status: 'requires_action',
    payment_method: pm.id,
    next_action,
    last_payment_error: null,
  });
  emit(ctx, caller.request, [['payment_intent.requires_action', updated]]);
  return updated;
}

/** Makes the charge and moves the intent to `succeeded`, or back to `requires_payment_method`. */
export function settle(
  ctx: SandboxContext,
  intent: PaymentIntent,
  pm: PaymentMethod,
  decline: Decline | null,
  authenticated: boolean,
  request: RequestInfo,
): PaymentIntent {
  const { stripe } = ctx.store;
  const charge = stripe.saveCharge(buildCharge(intent, pm, { decline, authenticated }));
  stripe.dropChallenges(intent.id);
  const common = { latest_charge: charge.id, next_action: null };
  if (!decline) {
    const succeeded = stripe.saveIntent({
      ...intent,
      ...common,
      status: 'succeeded',
      amount_received: intent.amount,
      payment_method: pm.id,
      last_payment_error: null,
    });
    emit(ctx, request, [
      ['charge.succeeded', charge],
      ['payment_intent.succeeded', succeeded],
    ]);
    return succeeded;
  }
  const failed = stripe.saveIntent({
    ...intent,
    ...common,
    status: 'requires_payment_method',
    // Stripe detaches a declined card from the intent; the error keeps a copy of it.
    payment_method: null,
    last_payment_error: {
      type: 'card_error',
      charge: charge.id,
      ...decline,
      doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
      payment_method: pm,
    },
  });
  emit(ctx, request, [
    ['charge.failed', charge],
    ['payment_intent.payment_failed', failed],
  ]);
  return failed;
}

function declineError(intent: PaymentIntent, pm: PaymentMethod, decline: Decline) {
  return cardError({
    ...decline,
    charge: intent.latest_charge ?? undefined,
    payment_intent: intent,
    payment_method: pm,
  });
}

/** The buyer completed or failed the challenge page; returns where the browser goes next. */
export function finishChallenge(
  ctx: SandboxContext,
  token: string,
  result: 'complete' | 'fail',
): { intent: PaymentIntent; redirect: string | null } {
  const { stripe } = ctx.store;
  const challenge = stripe.challenges.get(token);
  const intent = challenge && stripe.intents.get(challenge.intent_id);
  const pm = challenge && stripe.paymentMethods.get(challenge.payment_method);
  if (!challenge || !intent || !pm || intent.status !== 'requires_action') {
    throw invalidRequest('This authentication is no longer pending.', { status: 409 });
  }
  stripe.dropChallenges(intent.id);
  let updated: PaymentIntent;
  if (result === 'complete') {
    const behaviour = behaviourOfCard(pm);
    const after = behaviour.kind === 'authenticate' ? behaviour.after : null;
    updated = settle(ctx, intent, pm, after, true, NO_REQUEST);
  } else {
    updated = stripe.saveIntent({
      ...intent,
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_payment_error: { ...AUTHENTICATION_FAILURE, payment_method: pm },
    });
    emit(ctx, { requestId: null, idempotencyKey: null }, [
      ['payment_intent.payment_failed', updated],
    ]);
  }
  return {
    intent: updated,
    redirect: challenge.return_url && returnUrlFor(updated, challenge.return_url),
  };
}

/** Stripe's return: `payment_intent`, `payment_intent_client_secret`, `redirect_status`. */
export function returnUrlFor(intent: PaymentIntent, returnUrl: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set('payment_intent', intent.id);
  url.searchParams.set('payment_intent_client_secret', intent.client_secret);
  const status =
    intent.status === 'succeeded' || intent.status === 'processing' ? intent.status : 'failed';
  url.searchParams.set('redirect_status', status);
  return url.toString();
}
