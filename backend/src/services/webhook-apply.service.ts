import type { WebhookOutcome } from '@checkout-lab/contracts/statuses';
import { GatewayError } from '../errors';
import type { GatewayPayment, ParsedWebhook, PaymentGateway } from '../gateways/gateway';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import type { ServiceContext } from './context';
import { syncOrderRefunds } from './order-transitions';
import { applyGatewayRefund } from './payment-state';
import { resolveAttempt } from './payment-attempt.service';
import { settleAttempt } from './settlement.service';
import { notePayment } from './timeline.service';

interface Applied {
  outcome: WebhookOutcome;
  detail: string;
  /** Our payment attempt the event was about, when it is one of ours. */
  payment?: Pick<PaymentDocument, '_id' | 'order'>;
}

/** Applies an authenticated event through the same state machine as every other source. */
export async function applyWebhook(
  ctx: ServiceContext,
  gateway: PaymentGateway,
  event: ParsedWebhook,
): Promise<Applied> {
  switch (event.kind) {
    case 'payment.authorized':
    case 'payment.captured':
    case 'payment.failed':
    case 'order.paid': {
      if (!event.payment) return { outcome: 'ignored', detail: 'no payment entity in the payload' };
      // The signature says who sent it; only the gateway's own record says the money moved.
      // A failure moves no money, so it is applied as reported.
      if (event.payment.status === 'failed') {
        return receivedThenSettled(ctx, gateway, event, event.payment);
      }
      const confirmed = await askGateway(gateway, event.payment.paymentId);
      if ('outcome' in confirmed) return confirmed;
      return receivedThenSettled(ctx, gateway, event, confirmed);
    }
    case 'refund.created':
    case 'refund.processed':
    case 'refund.failed': {
      if (!event.refund) return { outcome: 'ignored', detail: 'no refund entity in the payload' };
      const payment = await PaymentModel.findOne({ 'refs.paymentId': event.refund.paymentId });
      if (!payment)
        return {
          outcome: 'unknown_order',
          detail: `payment ${event.refund.paymentId} is not ours`,
        };
      await announce(payment._id, event);
      const changed = await applyGatewayRefund(payment, event.refund, 'webhook');
      await syncOrderRefunds(payment._id, 'webhook');
      return changed
        ? {
            outcome: 'applied',
            detail: `refund ${event.refund.refundId} ${event.refund.status}`,
            payment,
          }
        : { outcome: 'no_change', detail: 'already known', payment };
    }
    case 'payment.hint': {
      // Unsigned notification: ask the gateway, never believe the payload.
      if (!event.refs.paymentId) return { outcome: 'ignored', detail: 'no transaction id' };
      const confirmed = await askGateway(gateway, event.refs.paymentId);
      if ('outcome' in confirmed) return confirmed;
      return receivedThenSettled(ctx, gateway, event, confirmed);
    }
    case 'unsupported':
      return { outcome: 'ignored', detail: `event ${event.type} is not used by this shop` };
  }
}

/**
 * The gateway's own record of a payment a webhook names. A payment the gateway does not know
 * is a forgery or a typo (`unknown_order`); network trouble is thrown, so the event is retried.
 */
async function askGateway(
  gateway: PaymentGateway,
  paymentId: string,
): Promise<GatewayPayment | Applied> {
  try {
    return await gateway.fetchPayment(paymentId);
  } catch (err) {
    if (err instanceof GatewayError && err.isRefusal()) {
      return { outcome: 'unknown_order', detail: `the gateway does not know ${paymentId}` };
    }
    throw err;
  }
}

/**
 * Every webhook we act on shows in the payment's timeline, before what it caused, so the
 * order page reads "webhook received → payment captured → order paid".
 */
async function announce(paymentId: PaymentDocument['_id'], event: ParsedWebhook): Promise<void> {
  await notePayment(
    paymentId,
    'webhook.received',
    'webhook',
    `Webhook ${event.type} received (${event.eventId})`,
  );
}

async function receivedThenSettled(
  ctx: ServiceContext,
  gateway: PaymentGateway,
  event: ParsedWebhook,
  gp: GatewayPayment,
): Promise<Applied> {
  const doc = await resolveAttempt(gateway.name, gp, 'webhook');
  if (!doc) return describe('unknown_order', gp.paymentId);
  await announce(doc._id, event);
  const { result } = await settleAttempt(ctx, gateway, doc, gp, 'webhook');
  return { ...describe(result, gp.paymentId), payment: doc };
}

function describe(result: string, paymentId: string): Applied {
  switch (result) {
    case 'unknown_order':
      return { outcome: 'unknown_order', detail: `${paymentId} belongs to no checkout of ours` };
    case 'no_change':
      return { outcome: 'no_change', detail: 'already applied, or older than what we know' };
    case 'amount_mismatch':
      return { outcome: 'applied', detail: 'amount mismatch recorded; payment not accepted' };
    default:
      return { outcome: 'applied', detail: `${paymentId}: ${result}` };
  }
}
