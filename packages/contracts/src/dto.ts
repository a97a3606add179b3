// The API's responses, written once. The backend's mappers are typed against these and the
// storefront reads them, so a field renamed on one side fails the typecheck of the other.
// Money is integer minor units plus a currency; times are ISO 8601 strings.
import type { Currency } from './money';
import type {
  CheckoutKind,
  HoldState,
  OrderStatus,
  PaymentStatus,
  RefundStatus,
  TimelineSource,
  TimelineType,
  WebhookOutcome,
} from './statuses';

/** A gateway's name as the API uses it ("razorpay"); the storefront never branches on it. */
export type GatewayName = string;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ProductDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  image: string;
  price: number;
  currency: Currency;
  stock: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a gateway lets the browser know (GET /api/config): never a secret. */
export interface GatewayInfo {
  name: GatewayName;
  /** For people: "Razorpay". */
  label: string;
  /** One line for the payment step: "Cards, UPI, netbanking and wallets". */
  description: string;
  kind: CheckoutKind;
  currencies: Currency[];
  /** The public half of the gateway's keys (Razorpay key id, Stripe publishable key). */
  publicKey?: string;
  /** The gateway's browser script (checkout.js, stripe.js), when it has one. */
  scriptUrl?: string;
}

export interface PublicConfig {
  storeName: string;
  mode: 'sandbox' | 'live';
  gateways: GatewayInfo[];
}

export interface CustomerDto {
  name: string;
  email: string;
  contact: string;
}

export interface OrderItemDto {
  slug: string;
  name: string;
  image: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface PaymentErrorDto {
  code?: string;
  description?: string;
  source?: string;
  step?: string;
  reason?: string;
}

export interface RefundDto {
  id: string;
  amount: number;
  status: RefundStatus;
  createdAt: string;
  processedAt: string | null;
}

export interface PaymentDto {
  id: string;
  attempt: number;
  gateway: GatewayName;
  status: PaymentStatus;
  amount: number;
  currency: Currency;
  method: string | null;
  refundStatus: 'partial' | 'full' | null;
  amountRefunded: number;
  signatureVerified: boolean;
  refs: { orderId: string | null; paymentId: string | null };
  error: PaymentErrorDto | null;
  refunds: RefundDto[];
  /** The units this checkout attempt holds (only the attempt checkout created has one). */
  stockHold: StockHoldDto | null;
  createdAt: string;
  updatedAt: string;
}

export interface StockHoldDto {
  state: HoldState;
  /** When a held attempt's units go back if it is not paid. */
  expiresAt: string | null;
  /** Why the units went back: payment_failed, cancelled, superseded, expired, … */
  reason: string | null;
}

export interface TimelineItemDto {
  at: string;
  type: TimelineType;
  source: TimelineSource;
  message: string;
  /** Which checkout attempt an entry belongs to; absent for order-level entries. */
  attempt?: number;
}

export interface OrderDto {
  id: string;
  status: OrderStatus;
  currency: Currency;
  customer: CustomerDto;
  items: OrderItemDto[];
  subtotal: number;
  discount: number;
  tax: number;
  shipping: number;
  total: number;
  coupon: string | null;
  amountRefunded: number;
  paidAt: string | null;
  createdAt: string;
  updatedAt: string;
  payments: PaymentDto[];
  timeline: TimelineItemDto[];
}

/** The options a modal gateway's script takes (Razorpay's `new Razorpay(options)`), minus callbacks. */
export interface ModalOptions {
  key: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  description?: string;
  prefill?: { name?: string; email?: string; contact?: string };
  notes?: Record<string, string>;
  [option: string]: unknown;
}

/** How the browser continues after POST /api/orders/:id/checkout; one branch per checkout kind. */
export type CheckoutStartDto =
  | { kind: 'modal'; scriptUrl: string; options: ModalOptions }
  | { kind: 'redirect'; url: string }
  | {
      kind: 'embedded';
      scriptUrl: string;
      publicKey: string;
      clientSecret: string;
      /** Where the gateway sends the browser after a confirmation that needs a redirect. */
      returnUrl: string;
    };

export interface CheckoutResponse {
  payment: { id: string; attempt: number; gateway: GatewayName };
  checkout: CheckoutStartDto;
}

// ---- Admin ------------------------------------------------------------------------------

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export interface AdminOrderSummary {
  id: string;
  status: OrderStatus;
  customer: { name: string; email: string };
  total: number;
  currency: Currency;
  amountRefunded: number;
  attempts: number;
  createdAt: string;
  paidAt: string | null;
}

export interface AdminPaymentDto extends PaymentDto {
  /** The shop order's public id. */
  orderId: string | null;
}

export interface WebhookEventDto {
  id: string;
  gateway: GatewayName;
  eventId: string;
  type: string;
  signatureValid: boolean;
  outcome: WebhookOutcome;
  detail: string | null;
  error: string | null;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
  payload: unknown;
}

/** One rejected (badly signed) delivery, kept as a sample: the body is cut short. */
export interface WebhookRejectionSampleDto {
  at: string;
  /** The client address (req.ip): the socket's, or a trusted proxy's X-Forwarded-For. */
  source: string;
  reason: string;
  body: string;
}

/** Rejected deliveries per gateway: a count, and the last few as samples (newest first). */
export interface WebhookRejectionsDto {
  gateway: GatewayName;
  count: number;
  lastAt: string | null;
  samples: WebhookRejectionSampleDto[];
}

export interface OutboxEmailDto {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The order the email is about (its public id). */
  orderId?: string;
  sentAt: string;
  delivery: 'outbox' | 'smtp';
}

export interface ReconcileSummary {
  checked: number;
  settled: number;
  gatewayErrors: number;
  webhooksRetried: number;
  /** Captured payments whose order had not been settled (a crash in between), now settled. */
  ordersRepaired: number;
  fulfilmentsResumed: number;
  /** Stock holds whose window passed (or whose release was interrupted), given back. */
  holdsReleased: number;
}
