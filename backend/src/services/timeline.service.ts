// Appends a fact to an order's or a payment's timeline (optionally with a $set), unconditionally.
import type { TimelineSource, TimelineType } from '@checkout-lab/contracts/statuses';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { PaymentModel, type PaymentDocument } from '../models/payment.model';
import { timelineEntry } from '../models/timeline.schema';

export async function noteOrder(
  orderId: OrderDocument['_id'],
  type: TimelineType,
  source: TimelineSource,
  message: string,
  set: Record<string, unknown> = {},
): Promise<void> {
  await OrderModel.updateOne(
    { _id: orderId },
    { $set: set, $push: { timeline: timelineEntry(type, source, message) } },
  );
}

export async function notePayment(
  paymentId: PaymentDocument['_id'],
  type: TimelineType,
  source: TimelineSource,
  message: string,
  set: Record<string, unknown> = {},
): Promise<void> {
  await PaymentModel.updateOne(
    { _id: paymentId },
    { $set: set, $push: { timeline: timelineEntry(type, source, message) } },
  );
}
