import type { RequestHandler } from 'express';
import type { SandboxContext } from './context';
import { roll } from './webhooks/faults';

/**
 * The REST API faults the backend tests its resilience against: `apiLatencyMs` delays every
 * response, `apiErrorRate` answers a share of requests with the gateway's own 5xx before any
 * state is touched (so a retry is always safe).
 */
export function apiFaults(ctx: SandboxContext, onError: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const { apiLatencyMs, apiErrorRate } = ctx.settings.faults;
    if (apiLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, apiLatencyMs));
    if (roll(apiErrorRate, ctx.random)) return onError(req, res, next);
    next();
  };
}
