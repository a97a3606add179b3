import { createHash } from 'node:crypto';
import Razorpay from 'razorpay';
import type { z } from 'zod';
import { GatewayError } from '../errors';
import type { Logger } from '../logger';
import type { Currency } from '../money';
import { callGateway } from './gateway-call';
import {
  WebhookSignatureError,
  type CheckoutStart,
  type GatewayPayment,
  type GatewayRefund,
  type ParsedWebhook,
  type PaymentGateway,
  type StartCheckoutInput,
} from './gateway';
import { interpretRazorpayWebhook, toGatewayPayment, toGatewayRefund } from './razorpay.mappers';
import {
  razorpayCollectionSchema,
  razorpayOrderSchema,
  razorpayPaymentSchema,
  razorpayRefundSchema,
  razorpaySdkErrorSchema,
} from './razorpay.schemas';
import { verifyRazorpayPaymentSignature, verifyRazorpayWebhookSignature } from './signature';

export interface RazorpayGatewayConfig {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  apiBase: string;
  checkoutUrl: string;
  timeoutMs: number;
  storeName: string;
}

export class RazorpayGateway implements PaymentGateway {
  readonly name = 'razorpay' as const;
  readonly currencies: readonly Currency[] = ['INR'];
  readonly kind = 'modal' as const;
  readonly supportsRefunds = true;
  private readonly sdk: Razorpay;

  constructor(
    private readonly config: RazorpayGatewayConfig,
    private readonly log: Logger,
  ) {
    this.sdk = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret });
    // The SDK hard-codes https://api.razorpay.com in its axios instance. Pointing that one
    // instance at the configured base is the only difference between sandbox and live mode.
    // Its own timeout sits just above ours so sockets are released after we give up.
    const http = (this.sdk as unknown as { api: { rq: { defaults: Record<string, unknown> } } }).api
      .rq;
    http.defaults.baseURL = config.apiBase;
    http.defaults.timeout = config.timeoutMs + 1000;
  }

  /** The SDK throws a TypeError on network failure and `{ statusCode, error }` on HTTP errors. */
  private call<T extends z.ZodType>(
    operation: string,
    schema: T,
    fn: () => Promise<unknown>,
    idempotent: boolean,
  ): Promise<z.infer<T>> {
    return callGateway(
      async () => {
        const parsed = schema.safeParse(await fn());
        if (!parsed.success) {
          throw new GatewayError(
            'razorpay',
            'invalid_response',
            `${operation}: unexpected response`,
          );
        }
        return parsed.data;
      },
      {
        gateway: 'razorpay',
        operation,
        timeoutMs: this.config.timeoutMs,
        idempotent,
        log: this.log,
        mapError: (err) => {
          const http = razorpaySdkErrorSchema.safeParse(err);
          if (!http.success) return undefined;
          const { statusCode, error } = http.data;
          return new GatewayError(
            'razorpay',
            'rejected',
            error?.description ?? `HTTP ${statusCode}`,
            {
              status: statusCode,
              code: error?.code,
              description: error?.description,
              reason: error?.reason ?? undefined,
              field: error?.field ?? undefined,
            },
          );
        },
      },
    );
  }

  async startCheckout(input: StartCheckoutInput): Promise<CheckoutStart> {
    const order = await this.call(
      'create order',
      razorpayOrderSchema,
      () =>
        this.sdk.orders.create({
          amount: input.amount,
          currency: input.currency,
          receipt: input.paymentId,
          notes: { order_public_id: input.orderPublicId, payment_id: input.paymentId },
        }),
      false,
    );
    if (order.amount !== input.amount || order.currency !== input.currency) {
      throw new GatewayError(
        'razorpay',
        'invalid_response',
        'order created with a different amount',
      );
    }
    return {
      kind: 'modal',
      refs: { orderId: order.id },
      scriptUrl: this.config.checkoutUrl,
      modal: {
        key: this.config.keyId,
        order_id: order.id,
        amount: order.amount,
        currency: order.currency,
        name: this.config.storeName,
        description: input.description,
        prefill: input.customer,
        notes: { order_public_id: input.orderPublicId },
      },
    };
  }

  verifyReturn(storedOrderId: string, returned: Record<string, string>): boolean {
    const paymentId = returned.razorpay_payment_id ?? '';
    const signature = returned.razorpay_signature ?? '';
    return verifyRazorpayPaymentSignature(
      storedOrderId,
      paymentId,
      signature,
      this.config.keySecret,
    );
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): ParsedWebhook {
    const signature = headers['x-razorpay-signature'];
    if (!signature) throw new WebhookSignatureError('X-Razorpay-Signature header is missing');
    if (!verifyRazorpayWebhookSignature(rawBody, signature, this.config.webhookSecret)) {
      throw new WebhookSignatureError('X-Razorpay-Signature does not match the body');
    }
    // Razorpay sends X-Razorpay-Event-Id with every webhook. A genuinely signed body without it
    // is still genuine: its digest is the idempotency key then (retries resend the same bytes).
    const eventId =
      headers['x-razorpay-event-id'] ||
      `body_${createHash('sha256').update(rawBody).digest('hex').slice(0, 32)}`;
    return interpretRazorpayWebhook(eventId, rawBody);
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    const p = await this.call(
      'fetch payment',
      razorpayPaymentSchema,
      () => this.sdk.payments.fetch(paymentId),
      true,
    );
    return toGatewayPayment(p);
  }

  async fetchAttemptPayments(refs: { orderId: string }): Promise<GatewayPayment[]> {
    const list = await this.call(
      'fetch order payments',
      razorpayCollectionSchema(razorpayPaymentSchema),
      () => this.sdk.orders.fetchPayments(refs.orderId),
      true,
    );
    return list.items.map(toGatewayPayment);
  }

  async capture(payment: GatewayPayment): Promise<GatewayPayment> {
    const p = await this.call(
      'capture payment',
      razorpayPaymentSchema,
      () => this.sdk.payments.capture(payment.paymentId, payment.amount, payment.currency),
      false,
    );
    return toGatewayPayment(p);
  }

  async fetchRefunds(paymentId: string): Promise<GatewayRefund[]> {
    const list = await this.call(
      'fetch refunds',
      razorpayCollectionSchema(razorpayRefundSchema),
      () => this.sdk.payments.fetchMultipleRefund(paymentId, { count: 100 }),
      true,
    );
    return list.items.map(toGatewayRefund);
  }

  async refund(
    paymentId: string,
    amount: number,
    notes: Record<string, string>,
  ): Promise<GatewayRefund> {
    const r = await this.call(
      'refund payment',
      razorpayRefundSchema,
      () => this.sdk.payments.refund(paymentId, { amount, notes }),
      false,
    );
    return toGatewayRefund(r);
  }
}
