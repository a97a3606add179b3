import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { HttpError } from '../errors';
import { MongoRateLimitStore } from './mongo-rate-limit-store';

/**
 * A per-client limit that answers in our error shape (429 RATE_LIMITED). The client is
 * `req.ip`: the socket's address, or what a proxy named in TRUST_PROXY says it forwarded for.
 * `onlyFailures` counts only requests answered 4xx/5xx (forged webhooks), so a source's
 * genuine traffic is never limited by that rule. `name` keys the limiter's counts in MongoDB,
 * shared by every backend on the database.
 */
export function limitPerMinute(
  name: string,
  limit: number,
  opts: { onlyFailures?: boolean } = {},
): RateLimitRequestHandler {
  return rateLimit({
    store: new MongoRateLimitStore(name),
    windowMs: 60_000,
    limit,
    skipSuccessfulRequests: opts.onlyFailures ?? false,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // X-Forwarded-For is ignored unless TRUST_PROXY names the proxy: that is the point, not a
    // misconfiguration to warn about on every request through a tunnel.
    validate: { xForwardedForHeader: false },
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
