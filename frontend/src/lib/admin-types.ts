// Admin API payloads (docs/api.md § Admin); only the lazily loaded admin code uses them.
import type { Currency, GatewayName, OrderStatus, Payment, Product } from './api-types';

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

export interface AdminPayment extends Payment {
  orderId: string | null;
}

export type WebhookOutcome =
  'pending' | 'applied' | 'no_change' | 'unknown_order' | 'ignored' | 'rejected' | 'failed';

export interface WebhookEvent {
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

export interface OutboxEmail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  orderId?: string;
  sentAt: string;
  delivery: 'outbox' | 'smtp';
}

export interface ReconcileSummary {
  checked: number;
  settled: number;
  gatewayErrors: number;
  webhooksRetried: number;
  fulfilmentsResumed: number;
}

export type ProductInput = Pick<Product, 'slug' | 'name' | 'price' | 'currency' | 'stock'> &
  Partial<Pick<Product, 'description' | 'image' | 'active'>>;
export type ProductPatch = Partial<Omit<ProductInput, 'slug'>>;
