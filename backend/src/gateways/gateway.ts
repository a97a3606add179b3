// The one interface every payment gateway implements, and the types it speaks. Nothing
// vendor-specific crosses it: each gateway maps its own entities, statuses, headers and return
// parameters to these, so services and routes never name a vendor. A new gateway is a new file
// here plus one line in the registry.
import type { GatewayInfo, GatewayName } from '@checkout-lab/contracts/dto';
import type { Currency } from '@checkout-lab/contracts/money';
import type { CheckoutKind, PaymentStatus, RefundStatus } from '@checkout-lab/contracts/statuses';
import type { z } from 'zod';

export type { GatewayName };

/** What a gateway needs to open a checkout for one attempt. */
export interface StartCheckoutInput {
  /** Our Payment id, unique per attempt: Razorpay's `receipt`, an idempotency key elsewhere. */
  paymentId: string;
  orderPublicId: string;
  /** Exactly the order total, in minor units. */
  amount: number;
  currency: Currency;
  description: string;
  customer: { name: string; email: string; contact: string };
}

/** The gateway's reference for the attempt: its order, session or intent id. */
interface AttemptRefs {
  refs: {
    orderId: string;
    /**
     * When the gateway's checkout object is itself the payment (a Stripe PaymentIntent), its
     * id: the attempt is that payment from the start, so a failed try inside the same checkout
     * (a declined card, retried on the same intent) becomes a payment of its own and never
     * takes the attempt's place.
     */
    paymentId?: string;
  };
}

/** How the browser continues: a modal on our page, a hosted page elsewhere, or an embedded element. */
export type CheckoutStart = AttemptRefs &
  (
    | {
        kind: 'modal';
        /** The gateway's checkout script (the sandbox's or the real one). */
        scriptUrl: string;
        /** The options the script's constructor takes, minus the handler callbacks. */
        modal: {
          key: string;
          order_id: string;
          amount: number;
          currency: string;
          name: string;
        } & Record<string, unknown>;
      }
    | { kind: 'redirect'; url: string }
    | {
        kind: 'embedded';
        scriptUrl: string;
        publicKey: string;
        clientSecret: string;
        returnUrl: string;
      }
  );

/** What a gateway can report: expiry is ours, not a gateway's, so no gateway says `expired`. */
export type GatewayPaymentStatus = Exclude<PaymentStatus, 'expired'>;

/** A gateway payment, as the gateway reports it, mapped to our statuses. */
export interface GatewayPayment {
  paymentId: string;
  /** The gateway-side order (or our merchant reference) the payment belongs to. */
  orderId: string;
  status: GatewayPaymentStatus;
  amount: number;
  currency: string;
  method?: string;
  /** The underlying wallet's, bank's or network's own id for the payment (RupantorPay `trx_id`). */
  acquirerRef?: string;
  amountRefunded: number;
  error?: { code?: string; description?: string; source?: string; step?: string; reason?: string };
  raw: unknown;
}

export interface GatewayRefund {
  refundId: string;
  paymentId: string;
  amount: number;
  status: RefundStatus;
  raw: unknown;
}

export type WebhookKind =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'refund.failed'
  /** Unsigned notifications (RupantorPay): only a reason to ask the gateway. */
  | 'payment.hint'
  | 'unsupported';

export interface ParsedWebhook {
  eventId: string;
  /** The gateway's own event name, for the inbox. */
  type: string;
  kind: WebhookKind;
  refs: { orderId?: string; paymentId?: string; refundId?: string };
  amount?: number;
  payment?: GatewayPayment;
  refund?: GatewayRefund;
  payload: unknown;
}

/** What the browser brought back after paying, read by the gateway that sent it there. */
export interface PaymentReturn {
  /** The gateway order the return claims, when the gateway says (Razorpay, Stripe). */
  orderRef?: string;
  /** The gateway payment the return claims (a pay_… id, a transaction id). */
  paymentRef: string;
  /** Every parameter the gateway returned, for its own checks (a signature, say). */
  params: Record<string, string>;
}

export interface ConfirmedReturn {
  /** The gateway's own record of the payment, fetched server-side. */
  payment: GatewayPayment;
  /** True when the return carried a signature that checked out (not every gateway signs). */
  signed: boolean;
}

/** Lowercased request headers, as Node gives them. */
export type WebhookHeaders = Record<string, string | undefined>;

export interface PaymentGateway {
  readonly name: GatewayName;
  /** For people: "Razorpay". */
  readonly label: string;
  /** Currencies this gateway can charge in. */
  readonly currencies: readonly Currency[];
  /** How the browser pays: a modal on our page, a hosted page, or an embedded element. */
  readonly kind: CheckoutKind;
  /** Whether refunds can be made through the API (RupantorPay has none). */
  readonly supportsRefunds: boolean;
  /**
   * The request headers its webhooks need to be authenticated again later (signature, event
   * id): stored with each event, so a crash before processing loses nothing.
   */
  readonly webhookHeaders: readonly string[];
  /** Origins the storefront must be allowed to load scripts, frames and requests from (CSP). */
  readonly browserOrigins: readonly string[];
  /**
   * The parameters a genuine return from this gateway carries. parseReturn validates with it,
   * and the OpenAPI document describes POST /api/payments/<name>/return with it.
   */
  readonly returnSchema: z.ZodType;

  /** What GET /api/config may tell the browser about this gateway: never a secret. */
  publicInfo(): GatewayInfo;

  /** Creates the gateway-side order, session or intent for exactly `input.amount`. */
  startCheckout(input: StartCheckoutInput): Promise<CheckoutStart>;

  /**
   * Reads the parameters the browser brought back (the modal's handler, a redirect's query).
   * Throws PaymentReturnError when they are not a return this gateway could have sent.
   */
  parseReturn(params: Record<string, string>): PaymentReturn;

  /**
   * Checks a return and resolves to the gateway's view of the payment. `storedOrderRef` is the
   * gateway order of the attempt the return claims, as we stored it when the checkout started;
   * a signed return is checked against it (never against what the browser sent). Throws
   * PaymentReturnError('INVALID_SIGNATURE') on a bad signature.
   */
  confirmReturn(ret: PaymentReturn, storedOrderRef: string | undefined): Promise<ConfirmedReturn>;

  /**
   * Authenticates a webhook on its raw body and parses it. Throws WebhookSignatureError when
   * the signature is missing or wrong; gateways that sign nothing return `payment.hint`, or
   * throw InvalidWebhookError for a body that names nothing to ask about.
   * `receivedAt` is when the shop first received these bytes: a signature that carries a
   * timestamp (Stripe's) is checked for freshness against it, so an event stored and
   * processed later still verifies, while a capture replayed later does not.
   */
  parseWebhook(rawBody: Buffer, headers: WebhookHeaders, receivedAt: Date): ParsedWebhook;

  /** Fetches one payment by the gateway's payment id. */
  fetchPayment(paymentId: string): Promise<GatewayPayment>;

  /**
   * Every payment the gateway holds for one checkout attempt (reconciliation after a lost
   * webhook). `paymentId` is the gateway payment id when we already know it.
   */
  fetchAttemptPayments(refs: { orderId: string; paymentId?: string }): Promise<GatewayPayment[]>;

  /** Captures an authorized payment for its full amount. */
  capture(payment: GatewayPayment): Promise<GatewayPayment>;

  /** Every refund the gateway holds for a payment (when it reports refunds we never saw). */
  fetchRefunds(paymentId: string): Promise<GatewayRefund[]>;

  /** Refunds `amount` minor units of a captured payment. */
  refund(paymentId: string, amount: number, notes: Record<string, string>): Promise<GatewayRefund>;

  /**
   * Asks for a stored webhook event (by the gateway's event id) to be delivered again. The
   * sandbox does it through its control API; a real gateway resends from its dashboard, and
   * `how` says where. Absent: the gateway has no resend at all.
   */
  resendWebhook?(eventId: string): Promise<WebhookResend>;
}

export type WebhookResend = { resent: true } | { resent: false; how: string };

/** What a delivery that failed authentication claims to be: unverified, for the inbox only. */
export interface WebhookClaims {
  type?: string;
  eventId?: string;
}

export class WebhookSignatureError extends Error {
  constructor(
    message: string,
    readonly claims: WebhookClaims = {},
  ) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/**
 * A body that is not a notification the gateway sends at all: for a gateway that signs
 * nothing, the only check there is. Refused and sampled like a bad signature, never stored.
 */
export class InvalidWebhookError extends Error {
  constructor(
    message: string,
    readonly claims: WebhookClaims = {},
  ) {
    super(message);
    this.name = 'InvalidWebhookError';
  }
}

/** A return that is malformed, or whose signature does not check out. */
export class PaymentReturnError extends Error {
  constructor(
    readonly code: 'INVALID_RETURN' | 'INVALID_SIGNATURE',
    message: string,
  ) {
    super(message);
    this.name = 'PaymentReturnError';
  }
}
