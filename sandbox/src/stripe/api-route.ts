import type { Request, Response } from 'express';
import type { SandboxContext } from '../context';
import { publicOrigin } from '../public-origin';
import type { PaymentIntent } from '../store/stripe-entities';
import { keyTypeOf, publishableNotAllowed } from './auth';
import type { Caller } from './caller';
import { paramsHash, replayFor, shouldSave } from './idempotency';
import type { Params } from './params';
import { invalidRequest, StripeApiError } from './stripe-error';
import { intentIdOfSecret } from './stripe-ids';
import { publicIntentView } from './views';

export interface ApiCall {
  params: Params;
  /** The `:id` path parameter, when the route has one. */
  id: string;
  caller: Caller;
}

/**
 * `secret`: server-side only. `client`: also a publishable key with the intent's
 * `client_secret`, the two calls Stripe.js makes (retrieve and confirm).
 */
export type Access = 'secret' | 'client';

function authorize(ctx: SandboxContext, access: Access, caller: Caller, call: ApiCall): void {
  if (caller.key === 'secret') return;
  if (access === 'secret') throw publishableNotAllowed();
  const secret = call.params.client_secret;
  const intent = ctx.store.stripe.intents.get(call.id);
  if (typeof secret !== 'string' || secret === '') {
    throw invalidRequest('Missing required param: client_secret.', {
      code: 'parameter_missing',
      param: 'client_secret',
    });
  }
  if (intentIdOfSecret(secret) !== call.id || !intent || intent.client_secret !== secret) {
    throw invalidRequest(
      'The client_secret provided does not match any associated PaymentIntent on this account. Ensure the publishable key used belongs to the same account that created the PaymentIntent.',
      { param: 'client_secret' },
    );
  }
}

const isIntent = (x: unknown): x is PaymentIntent =>
  typeof x === 'object' && x !== null && (x as { object?: unknown }).object === 'payment_intent';

/** A publishable key sees an intent without its merchant-side fields, in errors too. */
function forPublishable(body: unknown): unknown {
  if (isIntent(body)) return publicIntentView(body);
  const error = (body as { error?: { payment_intent?: unknown } }).error;
  if (error && isIntent(error.payment_intent)) {
    return { error: { ...error, payment_intent: publicIntentView(error.payment_intent) } };
  }
  return body;
}

/**
 * One Stripe endpoint: key check, idempotent replay for POSTs with an `Idempotency-Key`, and
 * Stripe's error body for anything the handler throws. Handlers return the object to send.
 */
export function apiRoute(ctx: SandboxContext, access: Access, handler: (call: ApiCall) => unknown) {
  return (req: Request, res: Response): void => {
    const params = res.locals.params as Params;
    const requestId = String(res.locals.requestId);
    const idempotencyKey = req.method === 'POST' ? (req.get('idempotency-key') ?? null) : null;
    const caller: Caller = {
      key: keyTypeOf(req, params, ctx.config),
      request: { requestId, idempotencyKey },
      origin: publicOrigin(ctx.config, req),
    };
    const call: ApiCall = { params, id: String(req.params.id ?? ''), caller };
    authorize(ctx, access, caller, call);
    const endpoint = `${req.baseUrl}${req.path}`;
    const { stripe } = ctx.store;
    if (idempotencyKey) {
      res.set('Idempotency-Key', idempotencyKey);
      const saved = replayFor(stripe, idempotencyKey, endpoint, params);
      if (saved) {
        res.set({ 'Idempotent-Replayed': 'true', 'Original-Request': saved.requestId });
        res.status(saved.status).json(saved.body);
        return;
      }
    }
    let status = 200;
    let body: unknown;
    try {
      body = handler(call);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      status = err.status;
      body = err.toJSON();
    }
    if (caller.key === 'publishable') body = forPublishable(body);
    if (idempotencyKey && shouldSave(status)) {
      stripe.saveIdempotent({
        key: idempotencyKey,
        endpoint,
        paramsHash: paramsHash(params),
        status,
        body,
        requestId,
        created: Math.floor(Date.now() / 1000),
      });
    }
    res.set('Original-Request', requestId);
    res.status(status).json(body);
  };
}
