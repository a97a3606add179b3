// The one error handler, registered last. Explicit branches: every mapping has a unit test.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';
import { isDuplicateKey } from '../db/connect';
import { GatewayError, HttpError } from '../errors';
import type { Logger } from '../logger';
import { describeIssues } from './validate';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

interface Mapped {
  status: number;
  body: ErrorBody;
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** body-parser signals its failures with an http-errors object carrying `type`. */
function bodyParserType(err: unknown): string | undefined {
  if (err instanceof Error && 'type' in err && typeof err.type === 'string') return err.type;
  return undefined;
}

/**
 * The 4xx status a library attached to an error it raised about the request (body-parser's
 * http-errors, the router's `Failed to decode param`), or undefined for anything else.
 */
function clientErrorStatus(err: unknown): number | undefined {
  if (!(err instanceof Error)) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = status ?? statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/** Body-parser failure types, each with what it means for the client. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported body encoding',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported body charset',
  },
  'request.aborted': {
    status: 400,
    code: 'REQUEST_ABORTED',
    message: 'The request body was not sent in full',
  },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The body does not match its Content-Length',
  },
};

/**
 * A gateway that answered 4xx refused this request on its merits (an unknown payment, an
 * over-refund that lost a race): the client must be able to tell that from an outage.
 */
function gatewayRefusal(err: GatewayError): Mapped | undefined {
  if (!err.isRefusal()) return undefined;
  const said = err.details.description ?? err.message;
  return {
    status: err.details.status === 409 ? 409 : 422,
    body: body('GATEWAY_REFUSED', `The ${err.gateway} gateway refused the request: ${said}`),
  };
}

function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof mongoose.Error.MongooseServerSelectionError) return true;
  // mongoose.mongo is the driver mongoose itself uses: instanceof holds across copies.
  if (err instanceof mongoose.mongo.MongoNetworkError) return true;
  if (err instanceof mongoose.mongo.MongoServerSelectionError) return true;
  if (!(err instanceof Error)) return false;
  // The driver's connectivity failures: server selection, network, "client was closed".
  return (
    [
      'MongoServerSelectionError',
      'MongoNetworkError',
      'MongoNetworkTimeoutError',
      'MongoNotConnectedError',
      'MongoTopologyClosedError',
      'MongoPoolClearedError',
    ].includes(err.name) ||
    /before initial connection is complete|Connection was force closed/.test(err.message)
  );
}

export function mapError(err: unknown): Mapped {
  if (err instanceof HttpError) {
    return { status: err.status, body: body(err.code, err.message, err.details) };
  }
  if (err instanceof ZodError) {
    const { message, issues } = describeIssues(err);
    return { status: 400, body: body('VALIDATION_ERROR', message, issues) };
  }
  if (err instanceof GatewayError) {
    const refused = gatewayRefusal(err);
    if (refused) return refused;
    const message =
      err.kind === 'timeout'
        ? `The ${err.gateway} gateway did not answer in time; nothing was charged, try again`
        : err.kind === 'network'
          ? `The ${err.gateway} gateway could not be reached; nothing was charged, try again`
          : err.kind === 'invalid_response'
            ? `The ${err.gateway} gateway sent an answer we could not read: ${err.message}`
            : `The ${err.gateway} gateway failed the request: ${err.message}`;
    return { status: 502, body: body('GATEWAY_ERROR', message) };
  }
  const parserType = bodyParserType(err);
  const bodyError = parserType ? BODY_ERRORS[parserType] : undefined;
  if (bodyError) {
    return { status: bodyError.status, body: body(bodyError.code, bodyError.message) };
  }
  if (err instanceof mongoose.Error.ValidationError) {
    return { status: 400, body: body('VALIDATION_ERROR', err.message) };
  }
  if (err instanceof mongoose.Error.CastError) {
    return { status: 400, body: body('VALIDATION_ERROR', `Invalid value for ${err.path}`) };
  }
  if (isDuplicateKey(err)) {
    return {
      status: 409,
      body: body('CONFLICT', 'A record with the same unique value already exists'),
    };
  }
  const clientStatus = clientErrorStatus(err);
  if (clientStatus !== undefined) {
    const message =
      err instanceof URIError
        ? 'The URL is not valid percent-encoding'
        : 'The request could not be read';
    return { status: clientStatus, body: body('BAD_REQUEST', message) };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      status: 503,
      body: body('DATABASE_UNAVAILABLE', 'The database is unavailable; please retry shortly'),
    };
  }
  return { status: 500, body: body('INTERNAL_ERROR', 'Something went wrong on our side') };
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const mapped = mapError(err);
    if (mapped.status >= 500) log.error({ err, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(mapped.status).json(mapped.body);
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw HttpError.notFound(`No route for ${req.method} ${req.path}`, 'ROUTE_NOT_FOUND');
};
