// Stripe: the embedded shape. The server creates a PaymentIntent for our total; the browser
// mounts Stripe's Payment Element with its client secret (card data stays in Stripe's frame)
// and confirms it there, 3-D Secure included; the return and the signed webhooks only make us
// retrieve the intent, which is what decides. The official SDK is pointed at the configured
// API base (the sandbox by default) through its own host, port and protocol options.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { GatewayInfo } from '@checkout-lab/contracts/dto';
import { minorDigits, type Currency } from '@checkout-lab/contracts/money';
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
import { resendInSandbox } from './sandbox-control';
import {
  chargeToPayment,
  declinedAttempt,
  intentToPayment,
  interpretStripeEvent,
  toGatewayRefund,
} from './stripe.mappers';
import { toStripeAmount } from './stripe.amounts';
import {
  createStripeClient,
  Stripe,
  STRIPE_BROWSER_ORIGINS,
  stripeJsUrlForSdk,
  toStripeGatewayError,
} from './stripe.sdk';
import {
  stripeChargeSchema,
  stripeIntentSchema,
  stripeListSchema,
  stripeRefundSchema,
} from './stripe.schemas';
import { claimsOf } from './webhook-claims';

export interface StripeGatewayConfig {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  apiBase: string;
  /** Stripe.js; unset: the release that matches the SDK's API version. */
  jsUrl?: string;
  /** Where the buyer's browser reaches us (PUBLIC_BASE_URL): the return URL. */
  publicBaseUrl: string;
  timeoutMs: number;
  /** The sandbox's control API, when talking to the sandbox (webhook resends). */
  sandboxControlUrl?: string;
}

/** Where a real account resends (Dashboard, or the Stripe CLI). */
const LIVE_RESEND =
  'Stripe resends from its Dashboard (Workbench → Webhooks → the event → Resend) or with the Stripe CLI: stripe events resend <evt_id>.';

/** What Stripe appends to the return URL (https://docs.stripe.com/payments/accept-a-payment). */
const returnSchema = z.looseObject({
  payment_intent: z.string().regex(/^pi_[A-Za-z0-9]{6,64}$/, 'is not a PaymentIntent id'),
  payment_intent_client_secret: z.string().max(255).optional(),
  redirect_status: z.string().max(40).optional(),
});

const WEBHOOK_TOLERANCE_S = 300;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe';
  readonly label = 'Stripe';
  readonly currencies: readonly Currency[] = ['USD'];
  readonly kind = 'embedded';
  readonly supportsRefunds = true;
  readonly webhookHeaders = ['stripe-signature'];
  readonly returnSchema = returnSchema;
  readonly browserOrigins: readonly string[];
  private readonly sdk: Stripe;
  private readonly jsUrl: string;

  constructor(
    private readonly config: StripeGatewayConfig,
    private readonly log: Logger,
  ) {
    this.sdk = createStripeClient(config.secretKey, config.apiBase, config.timeoutMs);
    this.jsUrl = config.jsUrl ?? stripeJsUrlForSdk();
    const jsOrigin = new URL(this.jsUrl).origin;
    this.browserOrigins = jsOrigin.endsWith('.stripe.com') ? STRIPE_BROWSER_ORIGINS : [jsOrigin];
  }

  publicInfo(): GatewayInfo {
    return {
      name: this.name,
      label: this.label,
      description: 'Cards, in a secure form on this page (3-D Secure when the bank asks)',
      kind: this.kind,
      currencies: [...this.currencies],
      publicKey: this.config.publishableKey,
      scriptUrl: this.jsUrl,
    };
  }

  /** One typed GatewayError for whatever the SDK throws; the SDK does the retrying. */
  private call<T extends z.ZodType>(operation: string, schema: T, fn: () => Promise<unknown>) {
    return callGatewayParsed(schema, fn, {
      gateway: 'stripe',
      operation,
      timeoutMs: this.config.timeoutMs,
      idempotent: false,
      log: this.log,
      mapError: toStripeGatewayError,
    });
  }

  private retrieveIntent(id: string) {
    return this.call('retrieve payment intent', stripeIntentSchema, () =>
      this.sdk.paymentIntents.retrieve(id, { expand: ['latest_charge'] }),
    );
  }

  async startCheckout(input: StartCheckoutInput): Promise<CheckoutStart> {
    const intent = await this.call('create payment intent', stripeIntentSchema, () =>
      this.sdk.paymentIntents.create(
        {
          amount: toStripeAmount(input.amount, input.currency, minorDigits(input.currency)),
          currency: input.currency.toLowerCase(),
          description: input.description,
          metadata: { order_public_id: input.orderPublicId, payment_id: input.paymentId },
        },
        // One key per attempt: a retry of this request can never make a second intent.
        { idempotencyKey: `checkout_${input.paymentId}` },
      ),
    );
    const created = intentToPayment(intent);
    if (created.amount !== input.amount || created.currency !== input.currency) {
      throw new GatewayError('stripe', 'invalid_response', 'intent created for a different amount');
    }
    if (!intent.client_secret) {
      throw new GatewayError(
        'stripe',
        'invalid_response',
        'intent created without a client secret',
      );
    }
    const order = encodeURIComponent(input.orderPublicId);
    return {
      kind: 'embedded',
      refs: { orderId: intent.id, paymentId: intent.id },
      scriptUrl: this.jsUrl,
      publicKey: this.config.publishableKey,
      clientSecret: intent.client_secret,
      returnUrl: `${this.config.publicBaseUrl}/payment/return?gateway=${this.name}&order=${order}`,
    };
  }

  parseReturn(params: Record<string, string>): PaymentReturn {
    const parsed = returnSchema.safeParse(params);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new PaymentReturnError('INVALID_RETURN', problems.join('; '));
    }
    const intent = parsed.data.payment_intent;
    return { orderRef: intent, paymentRef: intent, params };
  }

  /** Nothing in the return is signed (`redirect_status` least of all): we retrieve the intent. */
  async confirmReturn(
    ret: PaymentReturn,
    storedOrderRef: string | undefined,
  ): Promise<ConfirmedReturn> {
    if (!storedOrderRef || storedOrderRef !== ret.orderRef) {
      throw new PaymentReturnError('INVALID_RETURN', 'payment_intent: not this checkout’s intent');
    }
    const intent = await this.retrieveIntent(storedOrderRef);
    // A client secret in the return must be this intent's own (it is, for Stripe's redirects).
    const secret = ret.params.payment_intent_client_secret;
    if (
      secret !== undefined &&
      !(intent.client_secret && sameSecret(secret, intent.client_secret))
    ) {
      throw new PaymentReturnError(
        'INVALID_SIGNATURE',
        'payment_intent_client_secret does not belong to this PaymentIntent',
      );
    }
    return { payment: intentToPayment(intent), signed: false };
  }

  parseWebhook(rawBody: Buffer, headers: WebhookHeaders, receivedAt: Date): ParsedWebhook {
    const signature = headers['stripe-signature'];
    const claims = () => claimsOf(rawBody, { type: 'type', id: 'id' });
    if (!signature) throw new WebhookSignatureError('Stripe-Signature header is missing', claims());
    let event: unknown;
    try {
      event = this.sdk.webhooks.constructEvent(
        rawBody,
        signature,
        this.config.webhookSecret,
        WEBHOOK_TOLERANCE_S,
        undefined,
        receivedAt.getTime(),
      );
    } catch (err) {
      if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new WebhookSignatureError(`Stripe-Signature: ${err.message}`, claims());
      }
      event = undefined; // signed, but not JSON: kept for the inbox, acted on never
    }
    const digest = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    return interpretStripeEvent(event, `body_${digest}`);
  }

  async resendWebhook(eventId: string): Promise<WebhookResend> {
    const control = this.config.sandboxControlUrl;
    if (!control) return { resent: false, how: LIVE_RESEND };
    await resendInSandbox(this.name, control, eventId, this.config.timeoutMs);
    return { resent: true };
  }

  /** Our payments are intents (`pi_…`) and, for declined tries, their failed charges (`ch_…`). */
  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    if (paymentId.startsWith('pi_')) return intentToPayment(await this.retrieveIntent(paymentId));
    const charge = paymentId.startsWith('ch_')
      ? await this.call('retrieve charge', stripeChargeSchema, () =>
          this.sdk.charges.retrieve(paymentId),
        )
      : undefined;
    const payment = charge && chargeToPayment(charge);
    if (!payment) {
      throw new GatewayError('stripe', 'rejected', `No such payment: ${paymentId}`, {
        status: 404,
        code: 'resource_missing',
      });
    }
    return payment;
  }

  /** The intent as it stands, and its last declined try (whose webhook may have been lost). */
  async fetchAttemptPayments(refs: { orderId: string }): Promise<GatewayPayment[]> {
    const intent = await this.retrieveIntent(refs.orderId);
    const declined = declinedAttempt(intent);
    return [...(declined ? [declined] : []), intentToPayment(intent)];
  }

  async capture(payment: GatewayPayment): Promise<GatewayPayment> {
    const intent = await this.call('capture payment intent', stripeIntentSchema, () =>
      this.sdk.paymentIntents.capture(payment.orderId, { expand: ['latest_charge'] }),
    );
    return intentToPayment(intent);
  }

  async fetchRefunds(paymentId: string): Promise<GatewayRefund[]> {
    const list = await this.call('list refunds', stripeListSchema(stripeRefundSchema), () =>
      this.sdk.refunds.list({ payment_intent: paymentId, limit: 100 }),
    );
    return list.data.map(toGatewayRefund);
  }

  async refund(
    paymentId: string,
    amount: number,
    notes: Record<string, string>,
  ): Promise<GatewayRefund> {
    const intent = await this.retrieveIntent(paymentId);
    const currency = intent.currency.toUpperCase() as Currency;
    const refund = await this.call('create refund', stripeRefundSchema, () =>
      this.sdk.refunds.create({
        payment_intent: paymentId,
        amount: toStripeAmount(amount, currency, minorDigits(currency)),
        metadata: notes,
      }),
    );
    return toGatewayRefund(refund);
  }
}
