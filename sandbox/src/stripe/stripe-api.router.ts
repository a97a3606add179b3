import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { apiFaults } from '../api-faults.middleware';
import type { SandboxContext } from '../context';
import { apiRoute, type Access, type ApiCall } from './api-route';
import { parseParams, validate } from './params';
import {
  cancelIntent,
  confirmIntent,
  createIntent,
  findIntent,
  updateIntent,
} from './payment-intents.service';
import {
  findCharge,
  findEvent,
  findPaymentMethod,
  listCharges,
  listEvents,
  listIntents,
  retrieveSchema,
} from './reads.service';
import { createRefund, findRefund, listRefunds } from './refunds.service';
import { apiError, invalidRequest, StripeApiError, unrecognizedUrl } from './stripe-error';
import { SANDBOX_API_VERSION } from './stripe-events';
import { newStripeId } from './stripe-ids';
import { expandIntent } from './views';

// Stripe.js calls the API from the merchant's page, so api.stripe.com answers any origin.
const cors: RequestHandler = (req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE',
    'Access-Control-Allow-Headers':
      'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
    'Access-Control-Expose-Headers': 'Request-Id, Idempotent-Replayed, Original-Request',
    'Access-Control-Max-Age': '300',
  });
  if (req.method === 'OPTIONS') return void res.status(204).end();
  next();
};

/** Parameters come form-encoded in the body (POST) or the query string (GET), never as JSON. */
const readParams: RequestHandler = (req, res, next) => {
  const body = typeof req.body === 'string' ? req.body : '';
  if (body.trim() !== '' && req.is('application/json')) {
    throw invalidRequest(
      'Invalid request: the Stripe API takes form-encoded parameters (application/x-www-form-urlencoded), not JSON.',
    );
  }
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  res.locals.params = { ...parseParams(query), ...parseParams(body) };
  next();
};

const retrieveIntentSchema = retrieveSchema.extend({
  client_secret: z.string().optional(),
  key: z.string().optional(),
});

/** `/v1`: the subset of Stripe's REST API the shop uses, at the paths the official SDK calls. */
export function stripeApiRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(cors);
  router.use((req, res, next) => {
    res.locals.requestId = newStripeId('req');
    res.set({
      'Request-Id': res.locals.requestId,
      'Stripe-Version': req.get('stripe-version') ?? SANDBOX_API_VERSION,
    });
    next();
  });
  router.use(
    apiFaults(ctx, () => {
      throw apiError();
    }),
  );
  router.use(express.text({ type: () => true, limit: ctx.config.bodyLimit }));
  router.use(readParams);

  const route = (access: Access, handler: (call: ApiCall) => unknown) =>
    apiRoute(ctx, access, handler);
  const expanded = (call: ApiCall, schema = retrieveSchema) => validate(schema, call.params).expand;

  router.post(
    '/payment_intents',
    route('secret', (c) => createIntent(ctx, c.params, c.caller)),
  );
  router.get(
    '/payment_intents',
    route('secret', (c) => listIntents(ctx, c.params)),
  );
  router.get(
    '/payment_intents/:id',
    route('client', (c) =>
      expandIntent(ctx.store.stripe, findIntent(ctx, c.id), expanded(c, retrieveIntentSchema)),
    ),
  );
  router.post(
    '/payment_intents/:id',
    route('secret', (c) => updateIntent(ctx, c.id, c.params)),
  );
  router.post(
    '/payment_intents/:id/confirm',
    route('client', (c) => confirmIntent(ctx, c.id, c.params, c.caller)),
  );
  router.post(
    '/payment_intents/:id/cancel',
    route('secret', (c) => cancelIntent(ctx, c.id, c.params, c.caller)),
  );
  router.get(
    '/charges',
    route('secret', (c) => listCharges(ctx, c.params)),
  );
  router.get(
    '/charges/:id',
    route('secret', (c) => (expanded(c), findCharge(ctx, c.id))),
  );
  router.get(
    '/payment_methods/:id',
    route('secret', (c) => (expanded(c), findPaymentMethod(ctx, c.id))),
  );
  router.post(
    '/refunds',
    route('secret', (c) => createRefund(ctx, c.params, c.caller)),
  );
  router.get(
    '/refunds',
    route('secret', (c) => listRefunds(ctx, c.params)),
  );
  router.get(
    '/refunds/:id',
    route('secret', (c) => (expanded(c), findRefund(ctx, c.id))),
  );
  router.get(
    '/events',
    route('secret', (c) => listEvents(ctx, c.params)),
  );
  router.get(
    '/events/:id',
    route('secret', (c) => (expanded(c), findEvent(ctx, c.id))),
  );

  router.use((req) => {
    throw unrecognizedUrl(req.method, req.originalUrl.split('?')[0] ?? req.originalUrl);
  });
  router.use(stripeErrorHandler(ctx));
  return router;
}

/** Everything under `/v1` answers in Stripe's error envelope; nothing leaks a stack trace. */
function stripeErrorHandler(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: StripeApiError;
    const parserError = err as { type?: string; status?: number };
    if (err instanceof StripeApiError) error = err;
    else if (parserError.type === 'entity.too.large') {
      error = invalidRequest('The request body is too large.', { status: 413 });
    } else if (typeof parserError.status === 'number' && parserError.status < 500) {
      error = invalidRequest('The request could not be read.', { status: parserError.status });
    } else {
      ctx.log.error({ err, path: req.path }, 'stripe request failed');
      error = apiError();
    }
    res.status(error.status).json(error.toJSON());
  };
}
