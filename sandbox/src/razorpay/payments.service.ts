import { randomInt } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { Payment, Refund, StoredEvent } from '../store/entities';
import { newId, unixNow } from '../store/ids';
import { buildRazorpayEvent } from './events';
import { findPayment } from './lookup';
import { capturePayment } from './payment-state';
import { badRequest } from './razorpay-error';
import {
  asObject,
  parseAmount,
  parseCurrency,
  parseNotes,
  parseOptionalString,
  rejectExtraFields,
  requireField,
} from './validation';

/** `POST /v1/payments/:id/capture`: only an authorized payment, only for its full amount. */
export function capture(ctx: SandboxContext, paymentId: string, rawBody: unknown): Payment {
  const payment = findPayment(ctx.store, paymentId);
  const body = asObject(rawBody);
  rejectExtraFields(body, ['amount', 'currency']);
  const amount = parseAmount(body.amount, payment.currency);
  // Mandatory at Razorpay (api/payments/capture), and it must be the payment's own.
  if (parseCurrency(requireField(body, 'currency')) !== payment.currency) {
    throw badRequest('The currency should be same as the payment currency.', 'currency');
  }
  if (payment.status === 'captured' || payment.status === 'refunded') {
    throw badRequest('This payment has already been captured');
  }
  if (payment.status !== 'authorized') {
    throw badRequest(
      'Only payments which have been authorized and not yet captured can be captured',
    );
  }
  if (amount !== payment.amount) {
    throw badRequest('Capture amount must be equal to the amount authorized', 'amount');
  }
  ctx.emit(capturePayment(ctx, payment));
  return findPayment(ctx.store, paymentId);
}

/** `PATCH /v1/payments/:id`: only `notes` can change (api/payments/update); they replace the old. */
export function updatePaymentNotes(
  ctx: SandboxContext,
  paymentId: string,
  rawBody: unknown,
): Payment {
  const payment = findPayment(ctx.store, paymentId);
  const body = asObject(rawBody);
  rejectExtraFields(body, ['notes']);
  return ctx.store.savePayment({ ...payment, notes: parseNotes(requireField(body, 'notes')) });
}

export interface RefundOptions {
  /** `failed` simulates a bank rejecting the refund (used by `trigger refund.failed`). */
  outcome?: 'processed' | 'failed';
}

function withRefunded(payment: Payment, amountRefunded: number): Payment {
  const full = amountRefunded >= payment.amount;
  return {
    ...payment,
    amount_refunded: amountRefunded,
    refund_status: amountRefunded === 0 ? null : full ? 'full' : 'partial',
    status: full ? 'refunded' : 'captured',
  };
}

/**
 * `POST /v1/payments/:id/refund`. The refund is created `pending` (raising `refund.created`) and
 * settled straight away (`refund.processed`, or `refund.failed`, which gives the amount back).
 */
export function refund(
  ctx: SandboxContext,
  paymentId: string,
  rawBody: unknown,
  options: RefundOptions = {},
): Refund {
  const payment = findPayment(ctx.store, paymentId);
  const body = asObject(rawBody);
  rejectExtraFields(body, ['amount', 'speed', 'notes', 'receipt']);
  if (payment.status !== 'captured' && payment.status !== 'refunded') {
    throw badRequest('The payment status should be captured for action to be taken');
  }
  const remaining = payment.amount - payment.amount_refunded;
  if (remaining <= 0) throw badRequest('The payment has been fully refunded already.');
  const amount = body.amount === undefined ? remaining : parseAmount(body.amount, payment.currency);
  if (amount > remaining) {
    throw badRequest('The refund amount provided is greater than amount captured', 'amount');
  }
  if (body.speed !== undefined && body.speed !== 'normal' && body.speed !== 'optimum') {
    throw badRequest('The selected speed is invalid.', 'speed');
  }
  const speedRequested = body.speed === 'optimum' ? 'optimum' : 'normal';

  const pending = ctx.store.saveRefund({
    id: newId('rfnd'),
    entity: 'refund',
    amount,
    currency: payment.currency,
    payment_id: payment.id,
    notes: parseNotes(body.notes),
    receipt: parseOptionalString(body.receipt, 'receipt', 40),
    acquirer_data: { arn: null },
    created_at: unixNow(),
    batch_id: null,
    status: 'pending',
    speed_processed: speedRequested === 'optimum' ? 'instant' : 'normal',
    speed_requested: speedRequested,
  });
  const refunding = ctx.store.savePayment(withRefunded(payment, payment.amount_refunded + amount));
  const events: StoredEvent[] = [
    buildRazorpayEvent('refund.created', { refund: pending, payment: refunding }),
  ];

  let settled: Refund;
  if (options.outcome === 'failed') {
    settled = ctx.store.saveRefund({ ...pending, status: 'failed' });
    const restored = ctx.store.savePayment(
      withRefunded(refunding, refunding.amount_refunded - amount),
    );
    events.push(buildRazorpayEvent('refund.failed', { refund: settled, payment: restored }));
  } else {
    const arn = String(randomInt(10 ** 9, 10 ** 10)) + String(randomInt(10 ** 9, 10 ** 10));
    settled = ctx.store.saveRefund({ ...pending, status: 'processed', acquirer_data: { arn } });
    events.push(buildRazorpayEvent('refund.processed', { refund: settled, payment: refunding }));
  }
  ctx.emit(events);
  return settled;
}
