// Admin calls: the same HTTP client, plus the bearer token. Kept apart from api-client.ts so this
// code only ships in the lazily loaded admin chunk.
import type {
  AdminOrderSummary,
  AdminPaymentDto,
  OrderDto,
  OutboxEmailDto,
  Page,
  ProductDto,
  ReconcileSummary,
  WebhookEventDto,
  WebhookRejectionsDto,
  WebhookResendDto,
} from '@checkout-lab/contracts/dto';
import type {
  ProductCreateBody,
  ProductPatch,
  RefundBody,
  WebhookResendInput,
} from '@checkout-lab/contracts/schemas';
import { call, http } from './api-client';

export type ListQuery = Record<string, string | number | undefined>;

/** Drops empty filters so the server's strict query schemas never see `status=`. */
function clean(query: ListQuery): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string | number>;
}

export function adminApi(token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const get = <T>(url: string, params: ListQuery = {}) =>
    call(http.get<T>(url, { headers, params: clean(params) }));
  const post = <T>(url: string, body: unknown = {}) => call(http.post<T>(url, body, { headers }));
  const order = (id: string) => `/admin/orders/${encodeURIComponent(id)}`;
  const product = (slug: string) => `/products/${encodeURIComponent(slug)}`;

  return {
    listProducts: async () => (await get<{ products: ProductDto[] }>('/admin/products')).products,
    createProduct: async (input: ProductCreateBody) =>
      (await post<{ product: ProductDto }>('/products', input)).product,
    updateProduct: async (slug: string, patch: ProductPatch) =>
      (await call(http.patch<{ product: ProductDto }>(product(slug), patch, { headers }))).product,
    archiveProduct: (slug: string) => call(http.delete<void>(product(slug), { headers })),

    listOrders: (query: ListQuery) => get<Page<AdminOrderSummary>>('/admin/orders', query),
    getOrder: async (id: string) => (await get<{ order: OrderDto }>(order(id))).order,
    refund: async (id: string, body: RefundBody) =>
      (await post<{ order: OrderDto }>(`${order(id)}/refund`, body)).order,
    fulfil: async (id: string) => (await post<{ order: OrderDto }>(`${order(id)}/fulfil`)).order,
    cancel: async (id: string) => (await post<{ order: OrderDto }>(`${order(id)}/cancel`)).order,

    listPayments: (query: ListQuery) => get<Page<AdminPaymentDto>>('/admin/payments', query),
    listWebhookEvents: (query: ListQuery) =>
      get<Page<WebhookEventDto>>('/admin/webhook-events', query),
    listWebhookRejections: async () =>
      (await get<{ rejections: WebhookRejectionsDto[] }>('/admin/webhook-rejections')).rejections,
    resendWebhook: (event: WebhookResendInput) =>
      post<WebhookResendDto>('/admin/webhook-events/resend', event),
    reconcile: async (olderThanSeconds?: number) =>
      (
        await post<{ summary: ReconcileSummary }>(
          '/admin/reconcile',
          olderThanSeconds === undefined ? {} : { olderThanSeconds },
        )
      ).summary,
    listEmails: async () => (await get<{ emails: OutboxEmailDto[] }>('/admin/emails')).emails,
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
