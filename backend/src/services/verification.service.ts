// The browser's word after paying: a modal's handler payload or a redirect's query string. It is
// trusted only after the gateway's own checks (a signature over *our stored* gateway order, where
// the gateway signs returns) and the gateway's own record of the payment, fetched server-side.
import type { OrderDto } from '@checkout-lab/contracts/dto';
import { GatewayError, HttpError } from '../errors';
import { PaymentReturnError, type GatewayName } from '../gateways/gateway';
import { OrderModel } from '../models/order.model';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import type { ServiceContext } from './context';
import { describeOrder } from './order.service';
import { findAttemptByGatewayOrder, resolveAttempt } from './payment-attempt.service';
import { settleAttempt } from './settlement.service';
import { notePayment } from './timeline.service';

const unknownCheckout = () =>
  HttpError.badRequest('This payment does not belong to a checkout we started', 'UNKNOWN_CHECKOUT');

/**
 * Confirms a return for `gatewayName`. `params` are the gateway's parameters as the browser got
 * them; `params.order`, when present, is the shop order the page is about, and the payment must
 * belong to it: a return link can never show, or settle, somebody else's order.
 */
export async function confirmPaymentReturn(
  ctx: ServiceContext,
  gatewayName: GatewayName,
  params: Record<string, string>,
): Promise<OrderDto> {
  const gateway = ctx.gateways.find(gatewayName);
  if (!gateway) throw HttpError.notFound(`No gateway "${gatewayName}"`, 'ROUTE_NOT_FOUND');
  const { order: claimedOrder, ...gatewayParams } = params;
  const ret = readReturn(() => gateway.parseReturn(gatewayParams));

  let attempt = ret.orderRef ? await findAttemptByGatewayOrder(gateway.name, ret.orderRef) : null;
  if (ret.orderRef && !attempt) throw unknownCheckout();

  let confirmed;
  try {
    confirmed = await gateway.confirmReturn(ret, attempt?.refs?.orderId ?? undefined);
  } catch (err) {
    if (err instanceof PaymentReturnError && err.code === 'INVALID_SIGNATURE' && attempt) {
      await notePayment(
        attempt._id,
        'signature.rejected',
        'verify',
        `Checkout signature for ${ret.paymentRef} did not match: ignored`,
      );
    }
    throw toReturnHttpError(err, gateway.label);
  }

  const gp = confirmed.payment;
  // The gateway names our attempt (its order reference); when it cannot (RupantorPay metadata
  // that does not parse), a payment we already recorded is found by its own id.
  attempt ??=
    (gp.orderId ? await findAttemptByGatewayOrder(gateway.name, gp.orderId) : null) ??
    (await PaymentModel.findOne({ gateway: gateway.name, 'refs.paymentId': gp.paymentId }));
  if (!attempt) throw unknownCheckout();
  if (gp.orderId && gp.orderId !== attempt.refs?.orderId) {
    await notePayment(
      attempt._id,
      'payment.mismatch',
      'verify',
      `Payment ${gp.paymentId} belongs to another order`,
    );
    throw HttpError.badRequest('The payment does not belong to this checkout', 'PAYMENT_MISMATCH');
  }
  const order = await OrderModel.findById(attempt.order);
  if (!order) throw unknownCheckout();
  if (claimedOrder !== undefined && claimedOrder !== order.publicId) {
    throw HttpError.badRequest(
      'This payment belongs to another order than the one in the link',
      'RETURN_ORDER_MISMATCH',
    );
  }

  // Claim (or create) the document for this payment first, so the timeline reads in order:
  // verified, then what the gateway said.
  const doc = await resolveAttempt(gateway.name, gp, 'verify');
  if (!doc) throw new Error(`payment ${gp.paymentId} of a known checkout could not be resolved`);
  await recordVerification(
    doc,
    confirmed.signed,
    `${gateway.label} reports the payment as ${gp.status}`,
  );
  await settleAttempt(ctx, gateway, doc, gp, 'verify');
  return describeOrder((await OrderModel.findById(order._id)) ?? order);
}

function readReturn<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw toReturnHttpError(err, '');
  }
}

function toReturnHttpError(err: unknown, label: string): unknown {
  if (err instanceof PaymentReturnError) {
    return err.code === 'INVALID_SIGNATURE'
      ? HttpError.badRequest(err.message, 'INVALID_SIGNATURE')
      : HttpError.badRequest(`Invalid return: ${err.message}`, 'VALIDATION_ERROR');
  }
  // The gateway does not know the payment the return names: a typo or a forgery.
  const unknown = err instanceof GatewayError && err.kind === 'rejected';
  if (unknown && (err.details.status === 404 || err.details.code === 'NOT_FOUND')) {
    return HttpError.badRequest(`${label} does not know this payment`, 'UNKNOWN_TRANSACTION');
  }
  return err;
}

/** A signed return is a verified signature; an unsigned one was verified by asking the gateway. */
async function recordVerification(
  doc: PaymentDocument,
  signed: boolean,
  said: string,
): Promise<void> {
  if (!signed) {
    await notePayment(doc._id, 'gateway.verified', 'verify', `Asked the gateway: ${said}`);
    return;
  }
  await PaymentModel.updateOne(
    { _id: doc._id, signatureVerified: false },
    {
      $set: { signatureVerified: true },
      $push: {
        timeline: timelineEntry(
          'signature.verified',
          'verify',
          `Checkout signature verified; ${said}`,
        ),
      },
    },
  );
}
