/** Razorpay's error body: `{ "error": { code, description, field, source, step, reason, metadata } }`. */
export interface RazorpayErrorBody {
  code: 'BAD_REQUEST_ERROR' | 'GATEWAY_ERROR' | 'SERVER_ERROR';
  description: string;
  field: string | null;
  source: string;
  step: string;
  reason: string;
  metadata: Record<string, string>;
}

export class RazorpayError extends Error {
  constructor(
    readonly status: number,
    readonly body: RazorpayErrorBody,
  ) {
    super(body.description);
  }

  /** Razorpay's examples carry `field` only when one field is at fault; otherwise it is left out. */
  toJSON(): { error: Omit<RazorpayErrorBody, 'field'> & { field?: string } } {
    const { field, ...rest } = this.body;
    return { error: field === null ? rest : { ...rest, field } };
  }
}

/** A request Razorpay rejects while validating input: 400, `input_validation_failed` by default. */
export function badRequest(
  description: string,
  field: string | null = null,
  reason = 'input_validation_failed',
): RazorpayError {
  return new RazorpayError(400, {
    code: 'BAD_REQUEST_ERROR',
    description,
    field,
    source: 'business',
    step: 'payment_initiation',
    reason,
    metadata: {},
  });
}

/**
 * "x is/are not required and should not be sent". The reason is the one a live API answer shows
 * (github.com/Techsrivastava/opendoorfrontend, RAZORPAY_FIX.md); the docs do not list this error.
 */
export function extraFields(names: string[]): RazorpayError {
  return badRequest(
    `${names.join(', ')} is/are not required and should not be sent`,
    names[0] ?? null,
    'extra_field_sent',
  );
}

/** Errors that Razorpay raises before it knows what the request is about (auth, routing). */
export function requestError(status: number, description: string): RazorpayError {
  return new RazorpayError(status, {
    code: 'BAD_REQUEST_ERROR',
    description,
    field: null,
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {},
  });
}

export const invalidApiKey = (): RazorpayError =>
  requestError(401, 'The api key provided is invalid');
export const authenticationFailed = (): RazorpayError => requestError(401, 'Authentication failed');
export const urlNotFound = (): RazorpayError =>
  requestError(400, 'The requested URL was not found on the server.');
export const idDoesNotExist = (): RazorpayError => badRequest('The id provided does not exist');
export const notAValidId = (id: string): RazorpayError => badRequest(`${id} is not a valid id`);

export function serverError(): RazorpayError {
  return new RazorpayError(500, {
    code: 'SERVER_ERROR',
    description: 'The server encountered an error. The incident has been reported to admins.',
    field: null,
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {},
  });
}
