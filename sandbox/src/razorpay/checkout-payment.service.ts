import { randomInt } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { Card, Order, Payment, StoredEvent } from '../store/entities';
import { newId, unixNow } from '../store/ids';
import { cvvLength, describeCard, detectNetwork, expiryValid, luhnValid } from './cards';
import { BANK_PAGE_FAILURE, FAILURE_CARDS, UPI_FAILURE, type CardFailure } from './test-cards';
import { buildRazorpayEvent } from './events';
import { findOrder } from './lookup';
import { VPA_PATTERN, type PayRequest } from './pay-request';
import { capturePayment } from './payment-state';
import { badRequest, invalidApiKey, RazorpayError } from './razorpay-error';
import { signPayment } from './signer';
import { roll } from '../webhooks/faults';

export interface HandlerPayload {
  razorpay_payment_id: string;
  razorpay_order_id: string;
  razorpay_signature: string;
}

export type PayResult =
  | { ok: true; payment: Payment; response: HandlerPayload }
  | { ok: false; payment: Payment; error: RazorpayError };

/** How the sandbox settles a payment: by the instrument first, then by the bank page button. */
function decideFailure(req: PayRequest): CardFailure | null {
  if (req.method === 'card' && req.card) {
    const scripted = FAILURE_CARDS[req.card.number];
    if (scripted) return scripted;
  }
  if (req.method === 'upi') {
    if (req.vpa?.toLowerCase() === 'failure@razorpay') return UPI_FAILURE;
    if (req.vpa?.toLowerCase() === 'success@razorpay') return null;
  }
  return req.outcome === 'failure' ? BANK_PAGE_FAILURE : null;
}

/** Input checks Razorpay makes before a payment exists; they fail with a 400 and create nothing. */
function validateInstrument(req: PayRequest): void {
  if (req.method === 'card') {
    const card = req.card;
    if (!card) throw badRequest('The card field is required.', 'card');
    if (!luhnValid(card.number)) throw badRequest('Your card number is invalid.', 'card[number]');
    if (!expiryValid(card.expiry_month, card.expiry_year)) {
      throw badRequest("Your card's expiration date is invalid.", 'card[expiry_year]');
    }
    if (!new RegExp(`^\\d{${cvvLength(detectNetwork(card.number))}}$`).test(card.cvv)) {
      throw badRequest("Your card's security code is invalid.", 'card[cvv]');
    }
  } else if (req.method === 'upi') {
    if (!req.vpa) throw badRequest('The vpa field is required.', 'vpa');
    if (!VPA_PATTERN.test(req.vpa))
      throw badRequest('Invalid VPA. Please enter a valid Virtual Payment Address', 'vpa');
  } else if (req.method === 'netbanking' && !req.bank) {
    throw badRequest('The bank field is required.', 'bank');
  } else if (req.method === 'wallet' && !req.wallet) {
    throw badRequest('The wallet field is required.', 'wallet');
  }
}

function acquirerData(method: Payment['method']): Record<string, string | null> {
  const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');
  if (method === 'card') return { auth_code: digits(6), rrn: digits(12) };
  if (method === 'upi') return { rrn: digits(12) };
  if (method === 'netbanking') return { bank_transaction_id: digits(7) };
  return { transaction_id: null };
}

function newPayment(order: Order, req: PayRequest, card: Card | null): Payment {
  const vpa = req.method === 'upi' ? (req.vpa ?? null) : null;
  const notes = req.notes && Object.keys(req.notes).length > 0 ? req.notes : [];
  const amount = order.amount_due > 0 ? order.amount_due : order.amount;
  return {
    id: newId('pay'),
    entity: 'payment',
    amount,
    currency: order.currency,
    base_amount: amount,
    status: 'created',
    order_id: order.id,
    invoice_id: null,
    international: card?.international ?? false,
    method: req.method,
    amount_refunded: 0,
    amount_transferred: 0,
    refund_status: null,
    captured: false,
    description: req.description ?? null,
    card_id: card?.id ?? null,
    card,
    ...(card ? { token_id: null } : {}),
    bank: req.method === 'netbanking' ? (req.bank ?? null) : null,
    wallet: req.method === 'wallet' ? (req.wallet ?? null) : null,
    vpa,
    // Razorpay's placeholders when Checkout collected no contact details.
    email: req.email ?? 'void@razorpay.com',
    contact: req.contact ?? '+919000090000',
    notes,
    fee: null,
    tax: null,
    error_code: null,
    error_description: null,
    error_source: null,
    error_step: null,
    error_reason: null,
    acquirer_data: acquirerData(req.method),
    created_at: unixNow(),
    ...(vpa ? { upi: { payer_account_type: 'bank_account', vpa, flow: 'collect' } } : {}),
  };
}

/**
 * Processes one checkout attempt on an order exactly as the gateway would: the order becomes
 * `attempted`, a payment is created and then authorized (and captured, with auto-capture) or
 * failed, and the matching webhooks are raised. Card numbers go no further than `describeCard`.
 */
export function payOrder(
  ctx: SandboxContext,
  orderId: string,
  req: PayRequest,
  options: { capture?: boolean } = {},
): PayResult {
  if (req.key_id !== undefined && req.key_id !== ctx.config.razorpayKeyId) throw invalidApiKey();
  const order = findOrder(ctx.store, orderId);
  if (order.status === 'paid') {
    throw badRequest(
      'Your payment has been declined as the order is already paid. Please initiate the payment with a new order.',
    );
  }
  // Razorpay: "If an order is in an attempted state with the associated payment id in the
  // authorised state, initiating another payment using the same order id is not allowed."
  if (ctx.store.paymentsOfOrder(order.id).some((p) => p.status === 'authorized')) {
    throw badRequest(
      'This order already has an authorized payment. Capture it, or use a new order for another payment.',
    );
  }
  validateInstrument(req);

  const card =
    req.method === 'card' && req.card
      ? describeCard(req.card.number, req.card.name ?? '', newId('card'))
      : null;
  ctx.store.saveOrder({ ...order, status: 'attempted', attempts: order.attempts + 1 });
  const created = newPayment(order, req, card);
  const failure = decideFailure(req);
  const events: StoredEvent[] = [];
  let result: PayResult;

  if (failure) {
    const failed = ctx.store.savePayment({
      ...created,
      status: 'failed',
      error_code: failure.code,
      error_description: failure.description,
      error_source: failure.source,
      error_step: failure.step,
      error_reason: failure.reason,
    });
    // Razorpay does not always raise payment.failed when an order's first payment fails during
    // authorisation; the dropFirstPaymentFailed fault reproduces that.
    const firstAttempt = order.attempts === 0;
    if (!(firstAttempt && roll(ctx.settings.faults.dropFirstPaymentFailed, ctx.random))) {
      events.push(buildRazorpayEvent('payment.failed', { payment: failed }));
    }
    const error = new RazorpayError(400, {
      code: failure.code,
      description: failure.description,
      field: null,
      source: failure.source,
      step: failure.step,
      reason: failure.reason,
      metadata: { payment_id: failed.id, order_id: order.id },
    });
    result = { ok: false, payment: failed, error };
  } else {
    const authorized = ctx.store.savePayment({ ...created, status: 'authorized' });
    events.push(buildRazorpayEvent('payment.authorized', { payment: authorized }));
    const capture = options.capture ?? ctx.settings.autoCapture;
    if (capture) events.push(...capturePayment(ctx, authorized));
    const payment = ctx.store.payments.get(authorized.id) ?? authorized;
    result = {
      ok: true,
      payment,
      response: {
        razorpay_payment_id: payment.id,
        razorpay_order_id: order.id,
        razorpay_signature: signPayment(order.id, payment.id, ctx.config.razorpayKeySecret),
      },
    };
  }
  ctx.emit(events);
  return result;
}
