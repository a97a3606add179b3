import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { HttpError } from '../errors';

/** A per-client limit that answers in our error shape (429 RATE_LIMITED). */
export function limitPerMinute(limit: number): RateLimitRequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new HttpError(
          429,
          'RATE_LIMITED',
          'Too many requests; slow down and try again in a minute',
        ),
      ),
  });
}
