// The two error types the rest of the code throws on purpose. The error handler maps them (and
// the library errors it knows) to `{ error: { code, message } }` responses.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static badRequest(message: string, code = 'BAD_REQUEST', details?: unknown): HttpError {
    return new HttpError(400, code, message, details);
  }

  static notFound(message: string, code = 'NOT_FOUND'): HttpError {
    return new HttpError(404, code, message);
  }

  static conflict(message: string, code = 'CONFLICT'): HttpError {
    return new HttpError(409, code, message);
  }

  static unauthorized(message: string): HttpError {
    return new HttpError(401, 'UNAUTHORIZED', message);
  }
}

export type GatewayErrorKind =
  /** The gateway could not be reached (connection refused, DNS, reset). */
  | 'network'
  /** No answer within the configured timeout. */
  | 'timeout'
  /** The gateway answered with an error status and its own error body. */
  | 'rejected'
  /** The gateway answered 2xx with a body we could not understand. */
  | 'invalid_response';

/** Every failure talking to a payment gateway, whatever SDK or HTTP client produced it. */
export class GatewayError extends Error {
  constructor(
    readonly gateway: string,
    readonly kind: GatewayErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      description?: string;
      reason?: string;
      field?: string;
    } = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  /**
   * The gateway answered 4xx about this request itself (an unknown payment, an over-refund):
   * a refusal on the merits. Its 401/403/407/429 are about our keys and our pace instead, and
   * its 5xx are its outage: neither says anything about the request.
   */
  isRefusal(): boolean {
    const status = this.details.status;
    return (
      this.kind === 'rejected' &&
      status !== undefined &&
      status >= 400 &&
      status < 500 &&
      ![401, 403, 407, 429].includes(status)
    );
  }
}
