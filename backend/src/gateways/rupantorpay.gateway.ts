// RupantorPay: a hosted-redirect gateway in BDT. The browser is sent to the gateway's page and
// comes back to our success or cancel URL; nothing it brings back is signed, and neither is the
// webhook, so every state change starts with a server-side verify-payment call.
import type { PaymentStatus } from '@checkout-lab/contracts/statuses';
import { createHash } from 'node:crypto';
import type { GatewayInfo } from '@checkout-lab/contracts/dto';
import { z } from 'zod';
import { GatewayError } from '../errors';
import type { Logger } from '../logger';
import { fromMajorUnits, toMajorUnitString, type Currency } from '@checkout-lab/contracts/money';
import { callGateway } from './gateway-call';
import {
  PaymentReturnError,
  type CheckoutStart,
  type ConfirmedReturn,
  type GatewayPayment,
  type GatewayRefund,
  type ParsedWebhook,
  type PaymentGateway,
  type PaymentReturn,
  type StartCheckoutInput,
} from './gateway';
import {
  TRANSACTION_ID,
  checkoutResponseSchema,
  errorBodySchema,
  verifyResponseSchema,
  webhookHintSchema,
  type VerifyResponse,
} from './rupantorpay.schemas';

export interface RupantorpayGatewayConfig {
  apiKey: string;
  apiBase: string;
  /** Where the buyer's browser and the gateway's webhook reach us (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  timeoutMs: number;
}

const STATUS: Record<VerifyResponse['status'], PaymentStatus> = {
  COMPLETED: 'captured',
  PENDING: 'created',
  FAILED: 'failed',
};

/** The spellings of the transaction id a return URL may carry (the reference lists them). */
const RETURN_ID_PARAMS = ['transactionId', 'transaction_id', 'transactionID'] as const;
const transactionId = z.string().regex(TRANSACTION_ID, 'is not a transaction id');
const returnSchema = z.union(
  RETURN_ID_PARAMS.map((name) => z.looseObject({ [name]: transactionId })),
);

export class RupantorpayGateway implements PaymentGateway {
  readonly name = 'rupantorpay';
  readonly label = 'RupantorPay';
  readonly currencies: readonly Currency[] = ['BDT'];
  readonly kind = 'redirect';
  readonly supportsRefunds = false;
  // Its webhook is unsigned and its page is a redirect: no header to keep, no origin to allow.
  readonly webhookHeaders = [];
  readonly browserOrigins = [];
  readonly returnSchema = returnSchema;

  constructor(
    private readonly config: RupantorpayGatewayConfig,
    private readonly log: Logger,
  ) {}

  publicInfo(): GatewayInfo {
    return {
      name: this.name,
      label: this.label,
      description: 'bKash, Nagad and cards, on its own page',
      kind: this.kind,
      currencies: [...this.currencies],
    };
  }

  private post<T extends z.ZodType>(
    operation: string,
    path: string,
    body: unknown,
    schema: T,
    idempotent: boolean,
  ): Promise<z.infer<T>> {
    return callGateway(
      async () => {
        const res = await fetch(`${this.config.apiBase}${path}`, {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            'x-api-key': this.config.apiKey,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.config.timeoutMs + 1000),
        });
        const json: unknown = await res.json().catch(() => undefined);
        if (!res.ok) {
          const error = errorBodySchema.safeParse(json);
          const message = error.success ? error.data.message : `HTTP ${res.status}`;
          throw new GatewayError('rupantorpay', 'rejected', message, {
            status: res.status,
            description: message,
          });
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          throw new GatewayError(
            'rupantorpay',
            'invalid_response',
            `${operation}: unexpected response`,
          );
        }
        return parsed.data;
      },
      {
        gateway: 'rupantorpay',
        operation,
        timeoutMs: this.config.timeoutMs,
        idempotent,
        log: this.log,
      },
    );
  }

  async startCheckout(input: StartCheckoutInput): Promise<CheckoutStart> {
    // Our reference for this attempt, TXN_<order>_<time>; the gateway's own transaction id
    // only reaches us on the way back (redirect or webhook).
    const merchantRef = `TXN_${input.orderPublicId}_${Date.now()}`;
    const base = this.config.publicBaseUrl;
    const order = encodeURIComponent(input.orderPublicId);
    const res = await this.post(
      'checkout',
      '/payment/checkout',
      {
        fullname: input.customer.name,
        email: input.customer.email,
        amount: toMajorUnitString(input.amount, input.currency),
        success_url: `${base}/payment/success?gateway=${this.name}&order=${order}`,
        cancel_url: `${base}/payment/cancel?gateway=${this.name}&order=${order}`,
        webhook_url: `${base}/api/webhooks/rupantorpay`,
        metadata: {
          merchant_ref: merchantRef,
          order_public_id: input.orderPublicId,
          payment_id: input.paymentId,
        },
      },
      checkoutResponseSchema,
      false,
    );
    return { kind: 'redirect', refs: { orderId: merchantRef }, url: res.payment_url };
  }

  parseReturn(params: Record<string, string>): PaymentReturn {
    if (!returnSchema.safeParse(params).success) {
      throw new PaymentReturnError('INVALID_RETURN', 'transactionId: is not a transaction id');
    }
    const id = RETURN_ID_PARAMS.map((name) => params[name]).find(
      (v) => v && TRANSACTION_ID.test(v),
    );
    return { paymentRef: id!, params };
  }

  /** Nothing RupantorPay returns to the browser is signed: we ask it (verify-payment). */
  async confirmReturn(ret: PaymentReturn): Promise<ConfirmedReturn> {
    return { payment: await this.fetchPayment(ret.paymentRef), signed: false };
  }

  parseWebhook(rawBody: Buffer): ParsedWebhook {
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      json = undefined;
    }
    // Unsigned, so the body only names a transaction to ask about. Identical deliveries share
    // an id (stored once); anything else is a new hint, and every hint is checked with the gateway.
    const eventId = `hint_${createHash('sha256').update(rawBody).digest('hex').slice(0, 32)}`;
    const hint = webhookHintSchema.safeParse(json);
    if (!hint.success)
      return {
        eventId,
        type: 'invalid_hint',
        kind: 'unsupported',
        refs: {},
        payload: json ?? null,
      };
    return {
      eventId,
      type: `rupantorpay.${(hint.data.status ?? 'unknown').toLowerCase()}`,
      kind: 'payment.hint',
      refs: { paymentId: hint.data.transaction_id },
      payload: json,
    };
  }

  async fetchPayment(transactionId: string): Promise<GatewayPayment> {
    const tx = await this.post(
      'verify payment',
      '/payment/verify-payment',
      { transaction_id: transactionId },
      verifyResponseSchema,
      true,
    );
    let amount: number;
    try {
      amount = fromMajorUnits(tx.amount, 'BDT');
    } catch {
      throw new GatewayError(
        'rupantorpay',
        'invalid_response',
        `verify payment: amount ${tx.amount}`,
      );
    }
    return {
      paymentId: tx.transaction_id,
      orderId: tx.metadata?.merchant_ref ?? '',
      status: STATUS[tx.status],
      amount,
      currency: tx.currency,
      method: tx.payment_method ?? undefined,
      amountRefunded: 0,
      ...(tx.status === 'FAILED'
        ? { error: { description: 'Payment failed or was cancelled on the payment page' } }
        : {}),
      raw: tx,
    };
  }

  /** RupantorPay cannot look payments up by our reference: only a known transaction can be checked. */
  async fetchAttemptPayments(refs: {
    orderId: string;
    paymentId?: string;
  }): Promise<GatewayPayment[]> {
    return refs.paymentId ? [await this.fetchPayment(refs.paymentId)] : [];
  }

  capture(): Promise<GatewayPayment> {
    return Promise.reject(
      new GatewayError(
        'rupantorpay',
        'rejected',
        'RupantorPay payments complete without a capture step',
      ),
    );
  }

  async fetchRefunds(): Promise<GatewayRefund[]> {
    return [];
  }

  refund(): Promise<GatewayRefund> {
    return Promise.reject(
      new GatewayError('rupantorpay', 'rejected', 'RupantorPay has no refund API'),
    );
  }
}
