import type { RequestHandler } from 'express';
import { HttpError } from '../errors';

/** A request carries a body when it is chunked or declares a non-zero length. */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = Number(headers['content-length'] ?? 0);
  return Number.isNaN(length) || length > 0;
}

/**
 * JSON routes take JSON only. express.json skips any other content type and leaves the body
 * undefined, which a schema with defaults would read as "nothing said" (a refund sent as a form
 * once meant "refund everything"): so a body that is not JSON is refused before anything runs.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!hasBody(req.headers) || req.is('application/json')) return next();
  throw new HttpError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Send the request body as JSON, with Content-Type: application/json',
  );
};
