import { HttpError } from '../errors';
import { PaymentModel } from '../models/payment.model';
import type { RefundInput } from '@checkout-lab/contracts/schemas';
import type { ServiceContext } from './context';
import type { OrderDto } from '@checkout-lab/contracts/dto';
import { findOrder, getOrder } from './order.service';
import { syncOrderRefunds } from './order-transitions';
import { applyGatewayRefund } from './payment-state';
import { settleGatewayPayment } from './settlement.service';
import { notePayment } from './timeline.service';

/**
 * Refunds all or part of the payment that paid an order. The gateway decides (and refuses
 * over-refunds too); we record the refund it created, then re-read the payment so amounts
 * and statuses come from the gateway, exactly as a refund.* webhook would set them.
 */
export async function refundOrder(
  ctx: ServiceContext,
  publicId: string,
  input: RefundInput,
): Promise<OrderDto> {
  const order = await findOrder(publicId);
  if (!['paid', 'fulfilled'].includes(order.status) || !order.paidByPayment) {
    throw HttpError.conflict('Only a paid order can be refunded', 'ORDER_NOT_REFUNDABLE');
  }
  const payment = await PaymentModel.findById(order.paidByPayment);
  const paymentId = payment?.refs?.paymentId;
  if (!payment || !paymentId)
    throw HttpError.conflict('The paying payment is missing', 'ORDER_NOT_REFUNDABLE');

  const committed = [...payment.refunds.values()]
    .filter((r) => r.status !== 'failed')
    .reduce((sum, r) => sum + r.amount, 0);
  const refundable = payment.amount - committed;
  if (refundable <= 0)
    throw HttpError.conflict('Everything has already been refunded', 'NOTHING_TO_REFUND');
  const amount = 'full' in input ? refundable : input.amount;
  if (amount > refundable) {
    throw HttpError.badRequest(`At most ${refundable} can still be refunded`, 'REFUND_TOO_LARGE');
  }

  const gateway = ctx.gateways.get(payment.gateway);
  if (!gateway.supportsRefunds) {
    throw HttpError.conflict(
      `${gateway.name} has no refund API: refund from its merchant dashboard`,
      'REFUND_UNSUPPORTED',
    );
  }
  const refund = await gateway.refund(paymentId, amount, {
    order_public_id: order.publicId,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  await applyGatewayRefund(payment, refund, 'admin');
  await syncOrderRefunds(payment._id, 'admin');
  if (input.reason)
    await notePayment(payment._id, 'refund.reason', 'admin', `Refund reason: ${input.reason}`);

  // Best effort: if this read fails, the refund.* webhook or reconciliation brings the amounts.
  const gp = await gateway.fetchPayment(paymentId).catch(() => undefined);
  if (gp) await settleGatewayPayment(ctx, gateway, gp, 'admin');
  return getOrder(publicId);
}
