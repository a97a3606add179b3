// Admin calls: the same HTTP client, plus the bearer token. Kept apart from api-client.ts so this
// code only ships in the lazily loaded admin chunk.
import { call, http } from './api-client';
import type {
  AdminOrderSummary,
  AdminPayment,
  OutboxEmail,
  Page,
  ProductInput,
  ProductPatch,
  ReconcileSummary,
  WebhookEvent,
} from './admin-types';
import type { Order, Product } from './api-types';

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
    listProducts: async () => (await get<{ products: Product[] }>('/admin/products')).products,
    createProduct: async (input: ProductInput) =>
      (await post<{ product: Product }>('/products', input)).product,
    updateProduct: async (slug: string, patch: ProductPatch) =>
      (await call(http.patch<{ product: Product }>(product(slug), patch, { headers }))).product,
    archiveProduct: (slug: string) => call(http.delete<void>(product(slug), { headers })),

    listOrders: (query: ListQuery) => get<Page<AdminOrderSummary>>('/admin/orders', query),
    getOrder: async (id: string) => (await get<{ order: Order }>(order(id))).order,
    refund: async (id: string, body: { amount?: number; reason?: string }) =>
      (await post<{ order: Order }>(`${order(id)}/refund`, body)).order,
    fulfil: async (id: string) => (await post<{ order: Order }>(`${order(id)}/fulfil`)).order,
    cancel: async (id: string) => (await post<{ order: Order }>(`${order(id)}/cancel`)).order,

    listPayments: (query: ListQuery) => get<Page<AdminPayment>>('/admin/payments', query),
    listWebhookEvents: (query: ListQuery) =>
      get<Page<WebhookEvent>>('/admin/webhook-events', query),
    reconcile: async (olderThanSeconds?: number) =>
      (
        await post<{ summary: ReconcileSummary }>(
          '/admin/reconcile',
          olderThanSeconds === undefined ? {} : { olderThanSeconds },
        )
      ).summary,
    listEmails: async () => (await get<{ emails: OutboxEmail[] }>('/admin/emails')).emails,
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
