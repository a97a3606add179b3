import { createHash } from 'node:crypto';
import type { GatewayInfo } from '@checkout-lab/contracts/dto';
import type { Currency } from '@checkout-lab/contracts/money';
import Razorpay from 'razorpay';
import { z } from 'zod';
import { GatewayError } from '../errors';
import type { Logger } from '../logger';
import { callGatewayParsed } from './gateway-call';
import {
  PaymentReturnError,
  WebhookSignatureError,
  type CheckoutStart,
  type ConfirmedReturn,
  type GatewayPayment,
  type GatewayRefund,
  type ParsedWebhook,
  type PaymentGateway,
  type PaymentReturn,
  type StartCheckoutInput,
  type WebhookHeaders,
  type WebhookResend,
} from './gateway';
import { interpretRazorpayWebhook, toGatewayPayment, toGatewayRefund } from './razorpay.mappers';
import {
  razorpayCollectionSchema,
  razorpayOrderSchema,
  razorpayPaymentSchema,
  razorpayRefundSchema,
  razorpaySdkErrorSchema,
} from './razorpay.schemas';
import { pointRazorpaySdkAt } from './razorpay.sdk';
import { resendInSandbox } from './sandbox-control';
import { verifyRazorpayPaymentSignature, verifyRazorpayWebhookSignature } from './signature';
import { claimsOf } from './webhook-claims';

export interface RazorpayGatewayConfig {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  apiBase: string;
  checkoutUrl: string;
  timeoutMs: number;
  storeName: string;
  /** The sandbox's control API, when talking to the sandbox (webhook resends). */
  sandboxControlUrl?: string;
}

/** Where a real account resends (https://razorpay.com/docs/webhooks/replay-events). */
const LIVE_RESEND =
  'Razorpay replays webhooks from its Dashboard: Developers → Webhooks → Replay events (events it could not deliver, up to 7 days old). See https://razorpay.com/docs/webhooks/replay-events';

/** What Razorpay's checkout handler passes to the page (and the page posts to us). */
const returnSchema = z.looseObject({
  razorpay_order_id: z.string().regex(/^order_[A-Za-z0-9]{6,40}$/, 'is not a Razorpay order id'),
  razorpay_payment_id: z.string().regex(/^pay_[A-Za-z0-9]{6,40}$/, 'is not a Razorpay payment id'),
  razorpay_signature: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be a hex HMAC-SHA256 signature'),
});

// The real checkout script calls api.razorpay.com and frames pages from *.razorpay.com.
const LIVE_ORIGINS = ['https://api.razorpay.com', 'https://*.razorpay.com'];

export class RazorpayGateway implements PaymentGateway {
  readonly name = 'razorpay';
  readonly label = 'Razorpay';
  readonly currencies: readonly Currency[] = ['INR'];
  readonly kind = 'modal';
  readonly supportsRefunds = true;
  readonly webhookHeaders = ['x-razorpay-signature', 'x-razorpay-event-id'];
  readonly returnSchema = returnSchema;
  readonly browserOrigins: readonly string[];
  private readonly sdk: Razorpay;

  constructor(
    private readonly config: RazorpayGatewayConfig,
    private readonly log: Logger,
  ) {
    this.sdk = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret });
    pointRazorpaySdkAt(this.sdk, config.apiBase, config.timeoutMs);
    const checkoutOrigin = new URL(config.checkoutUrl).origin;
    this.browserOrigins = checkoutOrigin.endsWith('.razorpay.com')
      ? [checkoutOrigin, ...LIVE_ORIGINS]
      : [checkoutOrigin];
  }

  publicInfo(): GatewayInfo {
    return {
      name: this.name,
      label: this.label,
      description: 'Cards, UPI, netbanking and wallets',
      kind: this.kind,
      currencies: [...this.currencies],
      publicKey: this.config.keyId,
      scriptUrl: this.config.checkoutUrl,
    };
  }

  /** The SDK throws a TypeError on network failure and `{ statusCode, error }` on HTTP errors. */
  private call<T extends z.ZodType>(
    operation: string,
    schema: T,
    fn: () => Promise<unknown>,
    idempotent: boolean,
  ): Promise<z.infer<T>> {
    return callGatewayParsed(schema, fn, {
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
    });
  }

  async startCheckout(input: StartCheckoutInput): Promise<CheckoutStart> {
    // #region tutorial:create-order
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
    // #endregion
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

  parseReturn(params: Record<string, string>): PaymentReturn {
    const parsed = returnSchema.safeParse(params);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new PaymentReturnError('INVALID_RETURN', problems.join('; '));
    }
    return {
      orderRef: parsed.data.razorpay_order_id,
      paymentRef: parsed.data.razorpay_payment_id,
      params,
    };
  }

  // #region tutorial:confirm-return
  /** The handler's signature is HMAC(our stored order id | payment id); then we ask Razorpay. */
  async confirmReturn(
    ret: PaymentReturn,
    storedOrderRef: string | undefined,
  ): Promise<ConfirmedReturn> {
    const signature = ret.params.razorpay_signature ?? '';
    if (
      !storedOrderRef ||
      !verifyRazorpayPaymentSignature(
        storedOrderRef,
        ret.paymentRef,
        signature,
        this.config.keySecret,
      )
    ) {
      throw new PaymentReturnError('INVALID_SIGNATURE', 'The payment signature is not valid');
    }
    return { payment: await this.fetchPayment(ret.paymentRef), signed: true };
  }
  // #endregion

  // #region tutorial:verify-webhook
  parseWebhook(rawBody: Buffer, headers: WebhookHeaders): ParsedWebhook {
    const signature = headers['x-razorpay-signature'];
    const claims = () => claimsOf(rawBody, { type: 'event' }, headers['x-razorpay-event-id']);
    if (!signature) {
      throw new WebhookSignatureError('X-Razorpay-Signature header is missing', claims());
    }
    if (!verifyRazorpayWebhookSignature(rawBody, signature, this.config.webhookSecret)) {
      throw new WebhookSignatureError('X-Razorpay-Signature does not match the body', claims());
    }
    // #endregion
    // Razorpay sends X-Razorpay-Event-Id with every webhook. A genuinely signed body without it
    // is still genuine: its digest is the idempotency key then (retries resend the same bytes).
    const eventId =
      headers['x-razorpay-event-id'] ||
      `body_${createHash('sha256').update(rawBody).digest('hex').slice(0, 32)}`;
    return interpretRazorpayWebhook(eventId, rawBody);
  }

  async resendWebhook(eventId: string): Promise<WebhookResend> {
    const control = this.config.sandboxControlUrl;
    if (!control) return { resent: false, how: LIVE_RESEND };
    await resendInSandbox(this.name, control, eventId, this.config.timeoutMs);
    return { resent: true };
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
