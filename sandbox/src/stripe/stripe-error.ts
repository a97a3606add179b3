/** Stripe's error types (`error.type`), as the SDK maps them to its error classes. */
export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** The body under `{ "error": … }`; absent fields are omitted, as Stripe omits them. */
export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

// Stripe links every coded error to its page; the slug is the code with dashes.
const docUrl = (code: string): string =>
  `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(
  message: string,
  extra: { code?: string; param?: string; status?: number } = {},
): StripeApiError {
  const { code, param, status = 400 } = extra;
  return new StripeApiError(status, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: docUrl(code) } : {}),
    ...(param ? { param } : {}),
  });
}

export const missingParam = (param: string): StripeApiError =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const unknownParam = (param: string): StripeApiError =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const invalidInteger = (param: string, value: unknown): StripeApiError =>
  invalidRequest(`Invalid integer: ${String(value)}`, { code: 'parameter_invalid_integer', param });

export const resourceMissing = (kind: string, id: string, param = 'id'): StripeApiError =>
  invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param, status: 404 });

export const unexpectedState = (message: string): StripeApiError =>
  invalidRequest(message, { code: 'payment_intent_unexpected_state' });

export const unrecognizedUrl = (method: string, path: string): StripeApiError =>
  invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    { status: 404 },
  );

/** A declined or invalid card: 402, `card_error`, with the code (and decline code) of the test card. */
export function cardError(
  fields: Omit<StripeErrorBody, 'type' | 'doc_url'> & { code: string },
): StripeApiError {
  return new StripeApiError(402, { ...fields, type: 'card_error', doc_url: docUrl(fields.code) });
}

export function apiError(): StripeApiError {
  return new StripeApiError(500, {
    type: 'api_error',
    message: 'An unknown error occurred',
  });
}

export function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: 'idempotency_error', message });
}
