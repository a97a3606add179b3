import type { SandboxContext } from '../context';
import { unixNow } from '../store/ids';
import type { PaymentIntent } from '../store/stripe-entities';
import type { Caller } from './caller';
import { assertConfirmable, attemptPayment } from './confirmation.service';
import { amountLimitError, parseCurrency } from './currencies';
import { cancelSchema, confirmSchema, createSchema, updateSchema } from './intent-params';
import { createCardPaymentMethod, resolvePaymentMethod } from './payment-methods';
import { validate, type Params } from './params';
import { buildStripeEvent } from './stripe-events';
import { invalidRequest, resourceMissing, unexpectedState } from './stripe-error';
import { newClientSecret, newStripeId } from './stripe-ids';

export function findIntent(ctx: SandboxContext, id: string): PaymentIntent {
  const intent = ctx.store.stripe.intents.get(id);
  if (!intent) throw resourceMissing('payment_intent', id, 'intent');
  return intent;
}

function checkAmount(amount: number, currency: string): void {
  const error = amountLimitError(amount, currency);
  if (error) throw error;
}

export function createIntent(ctx: SandboxContext, params: Params, caller: Caller): PaymentIntent {
  const p = validate(createSchema, params);
  const currency = parseCurrency(p.currency);
  checkAmount(p.amount, currency);
  if (p.payment_method_types && p.automatic_payment_methods) {
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
    );
  }
  const id = newStripeId('pi');
  const intent = ctx.store.stripe.saveIntent({
    id,
    object: 'payment_intent',
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    allowed_payment_method_types: p.allowed_payment_method_types ?? null,
    automatic_payment_methods: p.payment_method_types
      ? null
      : {
          allow_redirects: p.automatic_payment_methods?.allow_redirects ?? 'always',
          enabled: true,
        },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.capture_method ?? 'automatic_async',
    client_secret: newClientSecret(id),
    confirmation_method: 'automatic',
    created: unixNow(),
    currency,
    customer: null,
    customer_account: null,
    description: p.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: p.payment_method
      ? resolvePaymentMethod(ctx.store.stripe, p.payment_method).id
      : null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
    },
    payment_method_types: ['card'],
    processing: null,
    receipt_email: p.receipt_email ?? null,
    review: null,
    setup_future_usage: null,
    shared_payment_granted_token: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: p.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  });
  ctx.emit([buildStripeEvent(ctx, 'payment_intent.created', intent, caller.request)]);
  if (!p.confirm) return intent;
  return confirmIntent(ctx, id, { return_url: p.return_url }, caller);
}

export function confirmIntent(
  ctx: SandboxContext,
  id: string,
  params: Params,
  caller: Caller,
): PaymentIntent {
  const p = validate(confirmSchema, params);
  const intent = findIntent(ctx, id);
  assertConfirmable(intent);
  const { stripe } = ctx.store;
  const pm = p.payment_method_data
    ? createCardPaymentMethod(stripe, p.payment_method_data)
    : p.payment_method
      ? resolvePaymentMethod(stripe, p.payment_method)
      : intent.payment_method
        ? resolvePaymentMethod(stripe, intent.payment_method)
        : null;
  if (!pm) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    );
  }
  const ready = { ...intent, receipt_email: p.receipt_email ?? intent.receipt_email };
  return attemptPayment(ctx, ready, pm, p.return_url ?? null, caller);
}

export function updateIntent(ctx: SandboxContext, id: string, params: Params): PaymentIntent {
  const p = validate(updateSchema, params);
  const intent = findIntent(ctx, id);
  const editable = ['requires_payment_method', 'requires_confirmation'];
  if (
    !editable.includes(intent.status) &&
    (p.amount !== undefined || intent.status !== 'requires_action')
  ) {
    throw unexpectedState(
      `You cannot update this PaymentIntent because it has a status of ${intent.status}. Updates are only allowed when the status is one of: ${editable.join(', ')}.`,
    );
  }
  if (p.amount !== undefined) checkAmount(p.amount, intent.currency);
  const metadata = { ...intent.metadata, ...(p.metadata ?? {}) };
  // Stripe unsets a metadata key that is posted with an empty value.
  for (const [k, v] of Object.entries(metadata)) if (v === '') delete metadata[k];
  return ctx.store.stripe.saveIntent({
    ...intent,
    amount: p.amount ?? intent.amount,
    metadata,
    description: p.description ?? intent.description,
    receipt_email: p.receipt_email ?? intent.receipt_email,
  });
}

export function cancelIntent(
  ctx: SandboxContext,
  id: string,
  params: Params,
  caller: Caller,
): PaymentIntent {
  const p = validate(cancelSchema, params);
  const intent = findIntent(ctx, id);
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
    );
  }
  ctx.store.stripe.dropChallenges(id);
  const canceled = ctx.store.stripe.saveIntent({
    ...intent,
    status: 'canceled',
    canceled_at: unixNow(),
    cancellation_reason: p.cancellation_reason ?? null,
    next_action: null,
  });
  ctx.emit([buildStripeEvent(ctx, 'payment_intent.canceled', canceled, caller.request)]);
  return canceled;
}
