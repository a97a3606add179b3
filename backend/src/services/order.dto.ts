// What the API shows of orders and payments, typed against the shared DTOs: a field renamed
// here or in @checkout-lab/contracts fails the typecheck. Mongo ids and raw gateway responses
// stay inside.
import type {
  OrderDto,
  PaymentDto,
  PaymentErrorDto,
  TimelineItemDto,
} from '@checkout-lab/contracts/dto';
import type { Currency } from '@checkout-lab/contracts/money';
import type { OrderDocument } from '../models/order.model';
import type { PaymentDocument } from '../models/payment.model';
import type { TimelineEntry } from '../models/timeline.schema';

export function toPaymentDto(p: PaymentDocument): PaymentDto {
  return {
    id: p.id as string,
    attempt: p.attempt,
    gateway: p.gateway,
    status: p.status,
    amount: p.amount,
    currency: p.currency as Currency,
    method: p.method ?? null,
    refundStatus: p.refundStatus ?? null,
    amountRefunded: p.amountRefunded,
    signatureVerified: p.signatureVerified,
    refs: {
      orderId: p.refs?.orderId ?? null,
      paymentId: p.refs?.paymentId ?? null,
      acquirerRef: p.refs?.acquirerRef ?? null,
    },
    error: p.error?.code || p.error?.description ? toErrorDto(p.error) : null,
    refunds: [...(p.refunds ?? new Map()).entries()].map(([id, r]) => ({
      id,
      amount: r.amount,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      processedAt: r.processedAt?.toISOString() ?? null,
    })),
    stockHold: p.hold?.state
      ? {
          state: p.hold.state,
          expiresAt: p.hold.expiresAt?.toISOString() ?? null,
          reason: p.hold.reason ?? null,
        }
      : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toErrorDto(e: NonNullable<PaymentDocument['error']>): PaymentErrorDto {
  const dto: PaymentErrorDto = {};
  for (const key of ['code', 'description', 'source', 'step', 'reason'] as const) {
    if (e[key]) dto[key] = e[key];
  }
  return dto;
}

function toTimelineItem(e: TimelineEntry, attempt?: number): TimelineItemDto {
  return {
    at: e.at.toISOString(),
    type: e.type,
    source: e.source,
    message: e.message,
    ...(attempt ? { attempt } : {}),
  };
}

export function toOrderDto(order: OrderDocument, payments: PaymentDocument[] = []): OrderDto {
  const timeline = [
    ...order.timeline.map((e) => toTimelineItem(e)),
    ...payments.flatMap((p) => p.timeline.map((e) => toTimelineItem(e, p.attempt))),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: order.publicId,
    status: order.status,
    currency: order.currency as Currency,
    customer: {
      name: order.customer.name,
      email: order.customer.email,
      contact: order.customer.contact,
    },
    items: order.items.map((i) => ({
      slug: i.slug,
      name: i.name,
      image: i.image,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      lineTotal: i.lineTotal,
    })),
    subtotal: order.subtotal,
    discount: order.discount,
    tax: order.tax,
    shipping: order.shipping,
    total: order.total,
    coupon: order.coupon ?? null,
    amountRefunded: order.amountRefunded,
    paidAt: order.paidAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    payments: payments.map(toPaymentDto),
    timeline,
  };
}
