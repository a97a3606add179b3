// Razorpay's entities and webhook bodies, mapped to the gateway-neutral types of gateway.ts.
import type { GatewayPayment, GatewayRefund, ParsedWebhook, WebhookKind } from './gateway';
import {
  razorpayWebhookSchema,
  type RazorpayPayment,
  type RazorpayRefund,
} from './razorpay.schemas';

/** The Razorpay events this shop subscribes to and acts on. */
export const RAZORPAY_WEBHOOK_EVENTS: readonly WebhookKind[] = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
];

export function toGatewayPayment(p: RazorpayPayment): GatewayPayment {
  const hasError = p.error_code || p.error_description;
  return {
    paymentId: p.id,
    orderId: p.order_id ?? '',
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    method: p.method ?? undefined,
    amountRefunded: p.amount_refunded,
    ...(hasError
      ? {
          error: {
            code: p.error_code ?? undefined,
            description: p.error_description ?? undefined,
            source: p.error_source ?? undefined,
            step: p.error_step ?? undefined,
            reason: p.error_reason ?? undefined,
          },
        }
      : {}),
    raw: p,
  };
}

export function toGatewayRefund(r: RazorpayRefund): GatewayRefund {
  return { refundId: r.id, paymentId: r.payment_id, amount: r.amount, status: r.status, raw: r };
}

/** Maps an authenticated webhook body to the gateway-neutral shape; never throws. */
export function interpretRazorpayWebhook(eventId: string, rawBody: Buffer): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { eventId, type: 'invalid_json', kind: 'unsupported', refs: {}, payload: null };
  }
  const parsed = razorpayWebhookSchema.safeParse(json);
  if (!parsed.success) {
    const type = (json as { event?: unknown })?.event;
    return {
      eventId,
      type: typeof type === 'string' ? type : 'unknown',
      kind: 'unsupported',
      refs: {},
      payload: json,
    };
  }
  const event = parsed.data;
  const payment = event.payload.payment && toGatewayPayment(event.payload.payment.entity);
  const refund = event.payload.refund && toGatewayRefund(event.payload.refund.entity);
  const kind = (RAZORPAY_WEBHOOK_EVENTS as readonly string[]).includes(event.event)
    ? (event.event as WebhookKind)
    : 'unsupported';
  return {
    eventId,
    type: event.event,
    kind,
    refs: {
      orderId: payment?.orderId || event.payload.order?.entity.id,
      paymentId: payment?.paymentId ?? refund?.paymentId,
      refundId: refund?.refundId,
    },
    amount: refund?.amount ?? payment?.amount,
    payment,
    refund,
    payload: json,
  };
}
