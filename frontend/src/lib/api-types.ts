// The API's payloads, written once (docs/api.md is the contract). Money is integer minor units.

export type Currency = 'INR' | 'BDT';
export type GatewayName = 'razorpay' | 'rupantorpay';

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string;
  image: string;
  price: number;
  currency: Currency;
  stock: number;
  active: boolean;
  createdAt?: string;
  updatedAt?: string;
}

export interface GatewayInfo {
  name: GatewayName;
  kind: 'modal' | 'redirect';
  currencies: Currency[];
  keyId?: string;
  checkoutScriptUrl?: string;
}

export interface PublicConfig {
  storeName: string;
  mode: 'sandbox' | 'live';
  gateways: GatewayInfo[];
}

export interface Customer {
  name: string;
  email: string;
  contact?: string;
}

export interface OrderItem {
  slug: string;
  name: string;
  image: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';
export type PaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
export type TimelineSource = 'checkout' | 'verify' | 'webhook' | 'reconcile' | 'admin';

export interface PaymentError {
  code?: string;
  description?: string;
  source?: string;
  step?: string;
  reason?: string;
}

export interface Refund {
  id: string;
  amount: number;
  status: string;
  createdAt: string;
  processedAt: string | null;
}

export interface Payment {
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
  /** `acquirerRef`: the wallet's or bank's own id for the payment (RupantorPay's trx_id). */
  refs: { orderId: string | null; paymentId: string | null; acquirerRef: string | null };
  error: PaymentError | null;
  refunds: Refund[];
  createdAt: string;
  updatedAt: string;
}

export interface TimelineItem {
  at: string;
  type: string;
  source: TimelineSource | string;
  message: string;
  attempt?: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  currency: Currency;
  customer: Customer;
  items: OrderItem[];
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
  payments: Payment[];
  timeline: TimelineItem[];
}

export interface CartLineInput {
  slug: string;
  quantity: number;
}

export interface CreateOrderInput {
  items: CartLineInput[];
  customer: Customer;
  coupon?: string;
}

/** What `new Razorpay(options)` needs besides our handler, modal and theme. */
export interface RazorpayOptions {
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

export type CheckoutStart =
  | { kind: 'modal'; scriptUrl: string; options: RazorpayOptions }
  | { kind: 'redirect'; url: string };

export interface CheckoutResponse {
  payment: { id: string; attempt: number; gateway: GatewayName };
  checkout: CheckoutStart;
}

/** The three fields Razorpay's handler receives; the server verifies them. */
export interface RazorpayHandlerPayload {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}
