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
    const message =
      err.kind === 'timeout'
        ? `The ${err.gateway} gateway did not answer in time; nothing was charged, try again`
        : err.kind === 'network'
          ? `The ${err.gateway} gateway could not be reached; nothing was charged, try again`
          : `The ${err.gateway} gateway refused the request: ${err.message}`;
    return { status: 502, body: body('GATEWAY_ERROR', message) };
  }
  const parserType = bodyParserType(err);
  if (parserType === 'entity.parse.failed') {
    return { status: 400, body: body('INVALID_JSON', 'The request body is not valid JSON') };
  }
  if (parserType === 'entity.too.large') {
    return { status: 413, body: body('PAYLOAD_TOO_LARGE', 'The request body is too large') };
  }
  if (parserType === 'encoding.unsupported' || parserType === 'charset.unsupported') {
    return { status: 415, body: body('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding') };
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
