import type {
  CheckoutResponse,
  GatewayName,
  OrderDto,
  ProductDto,
  PublicConfig,
} from '@checkout-lab/contracts/dto';
import type { CreateOrderInput } from '@checkout-lab/contracts/schemas';
import axios, { AxiosError } from 'axios';

/** The one HTTP client: same-origin /api (Vite proxies it in development). */
export const http = axios.create({ baseURL: '/api', timeout: 15_000 });

export interface FieldProblem {
  path: string;
  message: string;
}

/** Every failed call becomes one of these, mapped from `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof AxiosError) {
    const body = err.response?.data as ErrorBody | undefined;
    if (err.response && typeof body?.error?.code === 'string') {
      const details = Array.isArray(body.error.details)
        ? (body.error.details as FieldProblem[])
        : [];
      const message =
        typeof body.error.message === 'string' ? body.error.message : 'The request failed';
      return new ApiError(body.error.code, message, err.response.status, details);
    }
    if (err.response) {
      return new ApiError(
        'HTTP_ERROR',
        `The server answered ${err.response.status}; please try again.`,
        err.response.status,
      );
    }
    if (err.code === AxiosError.ECONNABORTED || err.code === AxiosError.ETIMEDOUT) {
      return new ApiError('TIMEOUT', 'The server took too long to answer; please try again.');
    }
    return new ApiError('NETWORK_ERROR', 'Could not reach the server. Check your connection.');
  }
  return new ApiError('UNEXPECTED', err instanceof Error ? err.message : String(err));
}

/** Runs a request and unwraps its body, turning any failure into an ApiError. */
export async function call<T>(request: Promise<{ data: T }>): Promise<T> {
  try {
    return (await request).data;
  } catch (err) {
    throw toApiError(err);
  }
}

export const getConfig = () => call(http.get<PublicConfig>('/config'));

export const listProducts = async () =>
  (await call(http.get<{ products: ProductDto[] }>('/products'))).products;

export const getProduct = async (slug: string) =>
  (await call(http.get<{ product: ProductDto }>(`/products/${encodeURIComponent(slug)}`))).product;

export const createOrder = async (input: CreateOrderInput) =>
  (await call(http.post<{ order: OrderDto }>('/orders', input))).order;

export const getOrder = async (id: string) =>
  (await call(http.get<{ order: OrderDto }>(`/orders/${encodeURIComponent(id)}`))).order;

export const startCheckout = (orderId: string, gateway: GatewayName) =>
  call(http.post<CheckoutResponse>(`/orders/${encodeURIComponent(orderId)}/checkout`, { gateway }));

/**
 * What the browser brought back from a gateway (a modal handler's payload, a redirect's query
 * string) for the shop order `order`. The server checks it with the gateway; its answer is what
 * the page shows.
 */
export const confirmPaymentReturn = async (
  gateway: GatewayName,
  order: string,
  params: Record<string, string>,
) =>
  (
    await call(
      http.post<{ order: OrderDto }>(`/payments/${encodeURIComponent(gateway)}/return`, {
        ...params,
        order,
      }),
    )
  ).order;
