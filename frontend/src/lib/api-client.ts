import axios, { AxiosError } from 'axios';
import type {
  CheckoutResponse,
  CreateOrderInput,
  GatewayName,
  Order,
  Product,
  PublicConfig,
  RazorpayHandlerPayload,
} from './api-types';

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
  (await call(http.get<{ products: Product[] }>('/products'))).products;

export const getProduct = async (slug: string) =>
  (await call(http.get<{ product: Product }>(`/products/${encodeURIComponent(slug)}`))).product;

export const createOrder = async (input: CreateOrderInput) =>
  (await call(http.post<{ order: Order }>('/orders', input))).order;

export const getOrder = async (id: string) =>
  (await call(http.get<{ order: Order }>(`/orders/${encodeURIComponent(id)}`))).order;

export const startCheckout = (orderId: string, gateway: GatewayName) =>
  call(http.post<CheckoutResponse>(`/orders/${encodeURIComponent(orderId)}/checkout`, { gateway }));

export const verifyRazorpayPayment = async (payload: RazorpayHandlerPayload) =>
  (await call(http.post<{ order: Order }>('/payments/razorpay/verify', payload))).order;

/** The server asks RupantorPay itself; the redirect's query string is only a hint. */
/** The return page's question: does this transaction belong to this order, and what is true of it? */
export const verifyRupantorpayPayment = async (transactionId: string, orderId: string) =>
  (
    await call(
      http.post<{ order: Order }>('/payments/rupantorpay/verify', {
        transaction_id: transactionId,
        order: orderId,
      }),
    )
  ).order;
