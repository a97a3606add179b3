import { GatewayError, HttpError } from '../errors';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';
import type { RazorpayVerifyInput, RupantorpayVerifyInput } from '../schemas/order.schema';
import type { ServiceContext } from './context';
import type { OrderDto } from './order.dto';
import { describeOrder } from './order.service';
import { findAttemptByGatewayOrder, resolveAttempt } from './payment-attempt.service';
import { settleAttempt } from './settlement.service';
import { notePayment } from './timeline.service';

/**
 * The browser's word after the modal closes. Trusted only after two checks: the signature over
 * *our stored* gateway order id, then the gateway's own record of the payment.
 */
export async function verifyRazorpayPayment(
  ctx: ServiceContext,
  input: RazorpayVerifyInput,
): Promise<OrderDto> {
  const gateway = ctx.gateways.get('razorpay');
  const attempt = await findAttemptByGatewayOrder('razorpay', input.razorpay_order_id);
  if (!attempt?.refs?.orderId) {
    throw HttpError.badRequest(
      'This payment does not belong to a checkout we started',
      'UNKNOWN_CHECKOUT',
    );
  }
  if (!gateway.verifyReturn(attempt.refs.orderId, input)) {
    await notePayment(
      attempt._id,
      'signature.rejected',
      'verify',
      `Checkout signature for ${input.razorpay_payment_id} did not match: ignored`,
    );
    throw HttpError.badRequest('The payment signature is not valid', 'INVALID_SIGNATURE');
  }

  const gp = await gateway.fetchPayment(input.razorpay_payment_id);
  if (gp.orderId !== attempt.refs.orderId) {
    await notePayment(
      attempt._id,
      'payment.mismatch',
      'verify',
      `Payment ${gp.paymentId} belongs to another order`,
    );
    throw HttpError.badRequest('The payment does not belong to this checkout', 'PAYMENT_MISMATCH');
  }
  // Claim (or create) the document for this payment first, so the timeline reads in order:
  // signature verified, then what the gateway said.
  const doc = await resolveAttempt('razorpay', gp, 'verify');
  if (!doc) throw new Error(`payment ${gp.paymentId} of a known checkout could not be resolved`);
  await PaymentModel.updateOne(
    { _id: doc._id, signatureVerified: false },
    {
      $set: { signatureVerified: true },
      $push: {
        timeline: timelineEntry(
          'signature.verified',
          'verify',
          `Checkout signature verified; the gateway reports the payment as ${gp.status}`,
        ),
      },
    },
  );
  await settleAttempt(ctx, gateway, doc, gp, 'verify');
  return describeOrder((await OrderModel.findById(attempt.order))!);
}

/**
 * RupantorPay's return carries only a transaction id, unsigned. We ask the gateway
 * (verify-payment) and act only on its answer, matched to our attempt by the reference we sent
 * (or, when the metadata is unreadable, by the transaction id we already recorded). The
 * transaction must belong to the order named in the return URL: anything else is refused
 * before any state changes, so one buyer's link never shows or settles another's order.
 */
export async function verifyRupantorpayPayment(
  ctx: ServiceContext,
  input: RupantorpayVerifyInput,
): Promise<OrderDto> {
  const gateway = ctx.gateways.get('rupantorpay');
  let gp;
  try {
    gp = await gateway.fetchPayment(input.transaction_id);
  } catch (err) {
    if (
      err instanceof GatewayError &&
      err.kind === 'rejected' &&
      err.details.code === 'NOT_FOUND'
    ) {
      throw HttpError.badRequest(
        'RupantorPay does not know this transaction',
        'UNKNOWN_TRANSACTION',
      );
    }
    throw err;
  }
  const attempt =
    (gp.orderId ? await findAttemptByGatewayOrder('rupantorpay', gp.orderId) : null) ??
    (await PaymentModel.findOne({ gateway: 'rupantorpay', 'refs.paymentId': gp.paymentId }));
  if (!attempt) {
    throw HttpError.badRequest(
      'This payment does not belong to a checkout we started',
      'UNKNOWN_CHECKOUT',
    );
  }
  const order = await OrderModel.findById(attempt.order);
  if (!order || order.publicId !== input.order) {
    throw HttpError.badRequest(
      `Transaction ${gp.paymentId} does not belong to order ${input.order}`,
      'PAYMENT_MISMATCH',
    );
  }
  const doc = await resolveAttempt('rupantorpay', gp, 'verify');
  if (!doc)
    throw new Error(`transaction ${gp.paymentId} of a known checkout could not be resolved`);
  await notePayment(
    doc._id,
    'gateway.verified',
    'verify',
    `Asked RupantorPay (verify-payment) about ${gp.paymentId}: ${gp.status}`,
  );
  await settleAttempt(ctx, gateway, doc, gp, 'verify');
  return describeOrder((await OrderModel.findById(order._id))!);
}
