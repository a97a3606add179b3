// The one interface every payment gateway implements. Nothing vendor-specific crosses it: each
// gateway maps its own entities and statuses to these types.
import type { Currency } from '../money';
import type { GatewayName, PaymentStatus, RefundStatus } from '../models/payment.model';

export type { GatewayName };

/** What a gateway needs to open a checkout for one attempt. */
export interface StartCheckoutInput {
  /** Our Payment id: Razorpay's `receipt`, so a gateway order is traceable to the attempt. */
  paymentId: string;
  orderPublicId: string;
  /** Exactly the order total, in minor units. */
  amount: number;
  currency: Currency;
  description: string;
  customer: { name: string; email: string; contact: string };
}

/** How the browser continues: open the gateway's modal, or go to its hosted page. */
export type CheckoutStart =
  | {
      kind: 'modal';
      refs: { orderId: string };
      /** The gateway's checkout script (the sandbox's or https://checkout.razorpay.com/…). */
      scriptUrl: string;
      /** The options `new Razorpay(options)` needs, minus the handler callbacks. */
      modal: Record<string, unknown>;
    }
  | { kind: 'redirect'; refs: { orderId: string }; url: string };

/** A gateway payment, as the gateway reports it, mapped to our statuses. */
export interface GatewayPayment {
  paymentId: string;
  /** The gateway-side order (or our merchant reference) the payment belongs to. */
  orderId: string;
  status: PaymentStatus;
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

export interface PaymentGateway {
  readonly name: GatewayName;
  /** Currencies this gateway can charge in. */
  readonly currencies: readonly Currency[];
  /** How the browser pays: Razorpay's modal on our page, or the gateway's hosted page. */
  readonly kind: 'modal' | 'redirect';
  /** Whether refunds can be made through the API (RupantorPay has no refund API). */
  readonly supportsRefunds: boolean;

  /** Creates the gateway-side order or session for exactly `input.amount`. */
  startCheckout(input: StartCheckoutInput): Promise<CheckoutStart>;

  /**
   * Checks what the browser brought back after paying (for Razorpay, the handler's signature
   * over *our stored* order id). A true result proves authenticity only: callers still fetch
   * the payment before acting on it.
   */
  verifyReturn(storedOrderId: string, returned: Record<string, string>): boolean;

  /**
   * Authenticates a webhook on its raw body and parses it. Throws WebhookSignatureError when
   * the signature is missing or wrong; gateways that sign nothing return `payment.hint`.
   */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): ParsedWebhook;

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
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
