import type {
  AdminOrderSummary,
  AdminPaymentDto,
  Page,
  WebhookEventDto,
} from '@checkout-lab/contracts/dto';
import type { Currency } from '@checkout-lab/contracts/money';
import { OrderModel } from '../models/order.model';
import { PaymentModel } from '../models/payment.model';
import { WebhookEventModel } from '../models/webhook-event.model';
import type {
  OrderListQuery,
  PaymentListQuery,
  WebhookEventListQuery,
} from '../schemas/admin.schema';
import { toPaymentDto } from './order.dto';

const SORT = { createdAt: -1, _id: -1 } as const;

async function paginate<D, T>(
  query: { page: number; limit: number },
  find: (skip: number, limit: number) => Promise<D[]>,
  count: () => Promise<number>,
  map: (doc: D) => T,
): Promise<Page<T>> {
  const [docs, total] = await Promise.all([
    find((query.page - 1) * query.limit, query.limit),
    count(),
  ]);
  return { items: docs.map(map), page: query.page, limit: query.limit, total };
}

export function listOrders(query: OrderListQuery): Promise<Page<AdminOrderSummary>> {
  const filter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.email ? { 'customer.email': query.email } : {}),
  };
  return paginate(
    query,
    (skip, limit) => OrderModel.find(filter).sort(SORT).skip(skip).limit(limit),
    () => OrderModel.countDocuments(filter),
    (o) => ({
      id: o.publicId,
      status: o.status,
      customer: { name: o.customer.name, email: o.customer.email },
      total: o.total,
      currency: o.currency as Currency,
      amountRefunded: o.amountRefunded,
      attempts: o.attempts,
      createdAt: o.createdAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
    }),
  );
}

export async function listPayments(query: PaymentListQuery): Promise<Page<AdminPaymentDto>> {
  const filter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.gateway ? { gateway: query.gateway } : {}),
  };
  const page = await paginate(
    query,
    (skip, limit) => PaymentModel.find(filter).sort(SORT).skip(skip).limit(limit),
    () => PaymentModel.countDocuments(filter),
    (p) => p,
  );
  const orders = await OrderModel.find(
    { _id: { $in: page.items.map((p) => p.order) } },
    { publicId: 1 },
  );
  const publicIds = new Map(orders.map((o) => [o.id as string, o.publicId]));
  return {
    ...page,
    items: page.items.map((p) => ({
      ...toPaymentDto(p),
      orderId: publicIds.get(p.order.toString()) ?? null,
    })),
  };
}

export async function listWebhookEvents(
  query: WebhookEventListQuery,
): Promise<Page<WebhookEventDto>> {
  const filter = {
    ...(query.gateway ? { gateway: query.gateway } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.eventId ? { eventId: query.eventId } : {}),
  };
  const page = await paginate(
    query,
    (skip, limit) =>
      WebhookEventModel.find(filter).sort({ receivedAt: -1, _id: -1 }).skip(skip).limit(limit),
    () => WebhookEventModel.countDocuments(filter),
    (e) => e,
  );
  // One query for the page's orders, not one per event.
  const orders = await OrderModel.find(
    { _id: { $in: page.items.flatMap((e) => (e.order ? [e.order] : [])) } },
    { publicId: 1 },
  );
  const publicIds = new Map(orders.map((o) => [o.id as string, o.publicId]));
  return {
    ...page,
    items: page.items.map((e) => ({
      id: e.id as string,
      gateway: e.gateway,
      eventId: e.eventId,
      type: e.type,
      signatureValid: e.signatureValid,
      outcome: e.outcome,
      detail: e.detail ?? null,
      error: e.error ?? null,
      attempts: e.attempts,
      redeliveries: e.redeliveries ?? 0,
      receivedAt: e.receivedAt.toISOString(),
      processedAt: e.processedAt?.toISOString() ?? null,
      orderId: (e.order && publicIds.get(e.order.toString())) ?? null,
      paymentId: e.payment?.toString() ?? null,
      payload: e.payload ?? parseBody(e.rawBody),
    })),
  };
}

function parseBody(raw: Buffer | null | undefined): unknown {
  if (!raw) return null;
  const text = Buffer.from(raw).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 2000);
  }
}
